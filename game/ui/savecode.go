package ui

import (
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/hajimehoshi/ebiten/v2"
)

// codePanel says what the saves screen's code panel shows.
type codePanel int

const (
	noPanel     codePanel = iota
	exportPanel           // the code of the game being played, to copy or write down
	importPanel           // a field to type (or, in the browser, paste) a code into
)

// maxTyped bounds the import field: far more than any code of this campaign needs.
const maxTyped = 64 << 10

// codeBox is the panel over the saves screen that shows a save as a text code (save.Code), or
// reads one back (save.FromCode). A code that cannot be read is reported and changes nothing.
type codeBox struct {
	kind  codePanel
	code  string // the code shown by the export panel
	typed []rune // what the import field holds
	text  *Block
	box   box
}

// Export and import menu items of the saves screen.
const (
	exportID = "export"
	importID = "import"
)

// openExport shows the code of the game being played and prints it on standard output, where a
// terminal (or the browser's console) keeps it to copy.
func (cb *codeBox) openExport(a *App) {
	if a.g == nil {
		a.say("There is no game to export: start or load one first.")
		return
	}
	cb.kind = exportPanel
	cb.code = save.Code(save.Of(a.g))
	if !a.opts.Scripted {
		fmt.Fprintf(os.Stdout, "Bianjing 1125 save code (%s): %s\n", save.Of(a.g).Note, cb.code)
	}
	cb.layout(a)
}

// openImport shows an empty import field.
func (cb *codeBox) openImport(a *App) {
	cb.kind = importPanel
	cb.typed = cb.typed[:0]
	cb.layout(a)
}

func (cb *codeBox) close() {
	cb.kind = noPanel
	cb.text = nil
}

// grouped breaks a code into groups of eight characters, so that it wraps on screen and can be
// read aloud or copied by hand; FromCode ignores the spaces.
func grouped(code string) string {
	var b strings.Builder
	for i, r := range []rune(code) {
		if i > 0 && i%8 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (cb *codeBox) layout(a *App) {
	if cb.kind == noPanel {
		return
	}
	s := a.scale
	w := min(float64(a.w)-80*s, 760*s)
	var msg string
	switch cb.kind {
	case exportPanel:
		msg = "The code of this game\n\n" + grouped(cb.code) + "\n\nKeep it: Import a code, on this machine or another, brings this game back. " +
			codeWhere + "\n\nEnter or Esc: close"
	case importPanel:
		shown := string(cb.typed)
		if len(cb.typed) > 600 {
			shown = "…" + string(cb.typed[len(cb.typed)-600:])
		}
		msg = "Import a code\n\n" + codeTypeHint + "\n\n" + grouped(shown) + "|\n\nEnter: load it · Backspace: delete · Esc: cancel"
	}
	cb.text = Layout(msg, a.fonts.Small, w-40*s, a.fonts.SmallLine, nil)
	h := min(cb.text.Height+40*s, float64(a.h)-40*s)
	cb.box = box{(float64(a.w) - w) / 2, max(20*s, (float64(a.h)-h)/2), w, h}
}

// update handles the panel's input; the menu below it takes none while it is open.
func (cb *codeBox) update(a *App, in *Input) {
	switch cb.kind {
	case exportPanel:
		if escape(in) || in.Pressed(ebiten.KeyEnter) || in.Pressed(ebiten.KeyNumpadEnter) || in.Click || in.Pick == closePanelID {
			cb.close()
		}
	case importPanel:
		changed := false
		for _, r := range in.Chars {
			if !unicode.IsControl(r) && len(cb.typed) < maxTyped {
				cb.typed = append(cb.typed, r)
				changed = true
			}
		}
		switch {
		case in.Pressed(ebiten.KeyEscape) || in.Pick == closePanelID:
			cb.close()
			return
		case in.Pressed(ebiten.KeyBackspace):
			if n := len(cb.typed); n > 0 {
				cb.typed = cb.typed[:n-1]
				changed = true
			}
		case in.Pressed(ebiten.KeyEnter) || in.Pressed(ebiten.KeyNumpadEnter):
			if a.importCode(string(cb.typed)) {
				return
			}
		}
		if changed {
			cb.layout(a)
		}
	}
}

func (cb *codeBox) draw(a *App, dst *ebiten.Image) {
	if cb.kind == noPanel || cb.text == nil {
		return
	}
	s := a.scale
	b := cb.box
	fillRect(dst, b.x, b.y, b.w, b.h, a.pal.Paper)
	strokeRect(dst, b.x, b.y, b.w, b.h, 2*s, a.pal.Ink)
	fillRect(dst, b.x, b.y, 4*s, b.h, a.pal.Cinnabar)
	y := b.y + 20*s
	if over := cb.text.Height - (b.h - 40*s); over > 0 {
		y -= over // the end of a long field stays in view
	}
	clip := dst.SubImage(imageRect(int(b.x), int(b.y+4*s), int(b.x+b.w), int(b.y+b.h-4*s))).(*ebiten.Image)
	cb.text.Draw(clip, b.x+20*s, y, a.pal.Ink, nil, -1)
}

// closePanelID is the pick that closes the code panel (from the browser's code box).
const closePanelID = "panel:close"

// importCode reads a save code and loads its game. A code that cannot be read, or whose game
// cannot be replayed, is reported and changes nothing: no slot is written and the game being
// played goes on. It reports whether the game was loaded.
func (a *App) importCode(code string) bool {
	s, err := save.FromCode(code)
	if err != nil {
		a.say("This code cannot be read: %v", err)
		return false
	}
	a.toast = ""
	if !a.loadGame(s) {
		return false
	}
	a.savesView().code.close()
	if a.toast == "" { // loadGame said nothing about where the replay stopped
		a.say("The game of the code is loaded. Save it in a slot to keep it here.")
	}
	return true
}

func (a *App) savesView() *savesScreen { return a.screens[SavesScreen].(*savesScreen) }
