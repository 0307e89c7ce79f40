package ui

import (
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/hajimehoshi/ebiten/v2"
)

// pageView is the page around the game in a browser (web_js.go): the bridge writes there what
// the game shows, for screen readers and for tests, and reads back what the page asks. On the
// desktop there is no page (openPage returns nil) and the bridge does nothing.
type pageView interface {
	// started says the game runs: it is called once, in the first Update.
	started()
	// next returns one thing the page asked since the last call, if any.
	next() (pageEvent, bool)
	// focusMirror gives the keyboard to the screen-reader mirror's first button.
	focusMirror()
	// writeState tells what the game shows; historical is the number of the option history
	// took at the decision waiting (0 when none waits).
	writeState(st webState, historical int)
	// writeMirror writes the reader's view of the screen into the mirror, whose contents are
	// now number gen: a pick it sends back carries gen.
	writeMirror(gen int, lines []ReaderLine)
	// writeMessage shows the note at the foot of the screen ("" when there is none).
	writeMessage(note string)
	// showCode shows the page's code box for the code panel of the saves screen, or hides it.
	showCode(kind codePanel, code string)
}

// pageEvent is what the page asked: a menu item picked in the mirror's contents gen (or the
// code panel closed, whatever the contents), or a save code to import.
type pageEvent struct {
	pick   string
	gen    int
	code   string
	isCode bool
}

// webState is what the page is told of the game; it is compared every frame.
type webState struct {
	screen   string
	game     *sim.Game
	event    *scenario.Event // the decision waiting
	ending   *scenario.Ending
	awaits   bool
	revealed bool
	page     int
	choices  int
	focus    string // the id of the focused menu item
}

// webBridge connects the App to the page around it, if any. Everything the page asks reaches
// the game in Update, before the tick; the page is written after the tick, and only with what
// changed, so a steady frame allocates nothing.
type webBridge struct {
	opened    bool
	page      pageView
	gen       int // counts the mirror's contents; a pick from older contents is dropped
	key       readerKey
	state     webState
	note      string
	lines     []ReaderLine
	panelKind codePanel
	panelCode string
}

// before runs before a tick: it takes what the page asked since the last one.
func (b *webBridge) before(a *App, in *Input) {
	if !b.opened {
		b.opened = true
		if b.page = openPage(); b.page != nil {
			b.page.started()
		}
	}
	if b.page == nil {
		return
	}
	in.Pick = ""
	if ev, ok := b.page.next(); ok {
		switch {
		case ev.isCode:
			a.importCode(ev.code)
			in.Keys, in.Chars, in.Click = in.Keys[:0], in.Chars[:0], false // meant for the screen left
		case ev.pick == closePanelID || ev.gen == b.gen:
			in.Pick = ev.pick
		}
	}
	if in.Pressed(ebiten.KeyF2) {
		b.page.focusMirror()
	}
}

// after runs after a tick: it writes to the page what changed.
func (b *webBridge) after(a *App) {
	if b.page == nil {
		return
	}
	if st := a.webState(); st != b.state {
		b.state = st
		historical := 0
		if st.awaits {
			historical = a.historicalOption()
		}
		b.page.writeState(st, historical)
	}
	if k := a.readerKey(); k != b.key {
		b.key = k
		b.gen++
		b.lines = a.appendReader(b.lines[:0])
		b.page.writeMirror(b.gen, b.lines)
		kind, code := noPanel, ""
		if cb := &a.savesView().code; a.current == SavesScreen && cb.kind != noPanel {
			kind = cb.kind
			if kind == exportPanel {
				code = cb.code
			}
		}
		if kind != b.panelKind || code != b.panelCode {
			b.panelKind, b.panelCode = kind, code
			b.page.showCode(kind, code)
		}
	}
	note := ""
	if a.toast != "" && a.frame < a.toastEnd {
		note = a.toast
	}
	if note != b.note {
		b.note = note
		b.page.writeMessage(note)
	}
}

// webState is what the page is told of the game now.
func (a *App) webState() webState {
	st := webState{screen: a.current, game: a.g, page: -1, focus: a.focusedItem()}
	if a.g != nil {
		st.event, st.ending, st.choices = a.g.Pending(), a.g.Ending(), len(a.g.Log())
		au := a.audience()
		st.page, st.awaits, st.revealed = au.page, a.AwaitsChoice(), !au.revealing()
	}
	return st
}
