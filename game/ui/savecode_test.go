//go:build display

package ui_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/game/store"
	"github.com/bianjing1125/bianjing/game/ui"
	"github.com/hajimehoshi/ebiten/v2"
)

// reader returns the reader's view as lines of "kind text [id]", for messages.
func readerText(a *ui.App) string {
	var b strings.Builder
	for _, l := range a.Reader() {
		b.WriteString(l.Text)
		if l.ID != "" {
			b.WriteString(" [" + l.ID + "]")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func hasAction(a *ui.App, id string) bool {
	return slices.ContainsFunc(a.Reader(), func(l ui.ReaderLine) bool { return l.Kind == ui.ReaderAction && l.ID == id })
}

// TestReaderPick plays through the reader's view only, as a screen-reader user of the browser
// build does: every action it offers is an Input.Pick, and the scene's text is all there.
func TestReaderPick(t *testing.T) {
	c := campaign(t)
	a := newApp(t, ui.Options{Campaign: c, Store: store.Memory()}, 1280, 800)
	dst := newImage(1280, 800)
	step := func(in ui.Input) {
		t.Helper()
		if err := tick(t, a, in, dst); err != nil {
			t.Fatal(err)
		}
	}
	step(ui.Input{})
	if !hasAction(a, "new") || hasAction(a, "continue") {
		t.Fatalf("title's reader view:\n%s", readerText(a))
	}
	step(ui.Input{Pick: "new"})
	if a.Screen() != ui.AudienceScreen {
		t.Fatalf("after picking New game: screen %s", a.Screen())
	}
	// The first scene is a report, revealed slowly on screen; the reader has all of it at once.
	ev := a.Game().Chronicle()[0].Event
	view := readerText(a)
	if !strings.Contains(view, ev.Title) || !strings.Contains(view, strings.Join(strings.Fields(strings.Split(ev.Text, "\n\n")[0]), " ")) {
		t.Fatalf("the reader's view lacks the scene %s:\n%s", ev.ID, view)
	}
	for turn := 0; turn < 200 && a.Screen() == ui.AudienceScreen; turn++ {
		if a.AwaitsChoice() {
			id := a.Game().HistoricalChoice()
			if !hasAction(a, id) {
				t.Fatalf("the historical choice %s is not offered:\n%s", id, readerText(a))
			}
			step(ui.Input{Pick: id})
			continue
		}
		if !hasAction(a, "continue") {
			t.Fatalf("no Continue in:\n%s", readerText(a))
		}
		step(ui.Input{Pick: "continue"})
	}
	if a.Screen() != ui.EndingScreen || a.Game().Ending() == nil {
		t.Fatalf("screen %s after the historical course by the reader", a.Screen())
	}
	if !hasAction(a, "title") {
		t.Fatalf("ending's reader view:\n%s", readerText(a))
	}
	// A pick the screen does not offer does nothing.
	step(ui.Input{Pick: "new"})
	if a.Screen() != ui.EndingScreen {
		t.Fatalf("a stale pick moved to %s", a.Screen())
	}
}

// TestSaveCodeExportImport exports a game as a code from the saves screen, types the code into
// another App's import field and gets the same game back; a damaged code changes nothing.
func TestSaveCodeExportImport(t *testing.T) {
	c := campaign(t)
	src := newApp(t, ui.Options{Campaign: c, Store: store.Memory(), Seed: 2}, 1280, 800)
	dst := newImage(1280, 800)
	step := func(a *ui.App, in ui.Input) {
		t.Helper()
		if err := tick(t, a, in, dst); err != nil {
			t.Fatal(err)
		}
	}
	g := src.Game()
	for i := 0; i < 4 && !g.Over(); i++ {
		if err := g.Choose(g.HistoricalChoice()); err != nil {
			t.Fatal(err)
		}
	}
	step(src, ui.Input{})
	for i := 0; i < 2 && src.Screen() != ui.SavesScreen; i++ {
		step(src, key(ebiten.KeyS)) // the first press may only reveal the scene's text
	}
	if src.Screen() != ui.SavesScreen || !hasAction(src, "export") {
		t.Fatalf("saves screen's reader view:\n%s", readerText(src))
	}
	step(src, ui.Input{Pick: "export"})
	if v := readerText(src); !strings.Contains(v, "The code of this game") {
		t.Fatalf("after export:\n%s", v)
	}
	code := save.Code(save.Of(g))
	step(src, key(ebiten.KeyEscape))
	if src.Screen() != ui.SavesScreen || !hasAction(src, "export") {
		t.Fatalf("Escape should close the code only:\n%s", readerText(src))
	}

	st := store.Memory()
	a := newApp(t, ui.Options{Campaign: c, Store: st}, 1280, 800)
	step(a, ui.Input{})
	step(a, ui.Input{Pick: "load"})
	step(a, ui.Input{Pick: "import"})
	if v := readerText(a); !strings.Contains(v, "Import a code") {
		t.Fatalf("after Import a code:\n%s", v)
	}
	// A damaged code: reported, and nothing changes.
	bad := []rune(code[:len(code)-3] + "AAA")
	step(a, ui.Input{Chars: bad})
	step(a, key(ebiten.KeyEnter))
	if a.Game() != nil || a.Screen() != ui.SavesScreen {
		t.Fatalf("a damaged code loaded something: screen %s", a.Screen())
	}
	if keys, _ := st.Keys(); len(keys) != 0 {
		t.Fatalf("a damaged code wrote %v", keys)
	}
	// Backspace over it, then the code typed in groups of eight, as the screen shows it.
	for range bad {
		step(a, key(ebiten.KeyBackspace))
	}
	for i := 0; i < len(code); i += 8 {
		step(a, ui.Input{Chars: []rune(code[i:min(i+8, len(code))] + " ")})
	}
	step(a, key(ebiten.KeyEnter))
	if a.Game() == nil || a.Screen() != ui.AudienceScreen {
		t.Fatalf("after importing: screen %s\n%s", a.Screen(), readerText(a))
	}
	if got, want := a.Game().Log(), g.Log(); !slices.Equal(got, want) || a.Game().Seed() != g.Seed() {
		t.Fatalf("imported game: seed %d log %v, want seed %d log %v", a.Game().Seed(), got, g.Seed(), want)
	}
}

// TestPageBridge drives the bridge to the browser page with a stand-in page: the page is
// written only when what it shows changes, a steady frame allocates nothing, the mirror's
// buttons act through picks (a stale one does nothing) and a code sent by the page is loaded.
func TestPageBridge(t *testing.T) {
	c := campaign(t)
	a := newApp(t, ui.Options{Campaign: c, Store: store.Memory()}, 1280, 800)
	f := &ui.FakePage{}
	f.Attach(a)
	step := func(in ui.Input) {
		t.Helper()
		var err error
		inFrame(func() { err = ui.StepWithPage(a, in) })
		if err != nil {
			t.Fatal(err)
		}
	}
	step(ui.Input{})
	if len(f.States) != 1 || f.States[0] != ui.TitleScreen || f.Mirrors != 1 {
		t.Fatalf("after the first tick: states %v, %d mirrors", f.States, f.Mirrors)
	}
	for range 5 {
		step(ui.Input{})
	}
	if len(f.States) != 1 || f.Mirrors != 1 {
		t.Fatalf("a steady screen was written again: states %v, %d mirrors", f.States, f.Mirrors)
	}
	var allocs float64
	inFrame(func() { allocs = ui.BridgeAllocs(a) })
	if allocs != 0 {
		t.Fatalf("a steady frame of the bridge allocates %.1f times", allocs)
	}
	f.Pick("new", f.Gen-1) // from contents the page no longer shows: dropped
	step(ui.Input{})
	if a.Screen() != ui.TitleScreen {
		t.Fatalf("a stale pick opened %s", a.Screen())
	}
	f.Pick("new", f.Gen)
	step(ui.Input{})
	if a.Screen() != ui.AudienceScreen || f.States[len(f.States)-1] != ui.AudienceScreen || f.Mirrors != 2 {
		t.Fatalf("after picking New game: screen %s, states %v, %d mirrors", a.Screen(), f.States, f.Mirrors)
	}
	step(ui.Input{Keys: []ebiten.Key{ebiten.KeyF2}})
	if f.Focused != 1 {
		t.Fatal("F2 did not give the keyboard to the mirror")
	}
	inFrame(func() { allocs = ui.BridgeAllocs(a) })
	if allocs != 0 {
		t.Fatalf("a steady frame of the bridge on the audience allocates %.1f times", allocs)
	}

	// A code from the page: a damaged one is reported, a good one loaded.
	g := sim.New(c, 3)
	for range 3 {
		if err := g.Choose(g.HistoricalChoice()); err != nil {
			t.Fatal(err)
		}
	}
	code := save.Code(save.Of(g))
	before := a.Game()
	f.Import("BJ1-damaged")
	step(ui.Input{})
	if a.Game() != before || len(f.Messages) == 0 || !strings.Contains(f.Messages[len(f.Messages)-1], "cannot be read") {
		t.Fatalf("a damaged code: messages %q", f.Messages)
	}
	f.Import(code)
	step(ui.Input{})
	if a.Game() == before || a.Game().Seed() != 3 || !slices.Equal(a.Game().Log(), g.Log()) {
		t.Fatalf("the code's game was not loaded: %v", a.Game().Log())
	}

	// The saves screen's export shows the code box with the code; leaving it hides the box.
	step(ui.Input{Keys: []ebiten.Key{ebiten.KeyS}}) // shows the whole scene
	step(ui.Input{Keys: []ebiten.Key{ebiten.KeyS}})
	f.Pick("export", f.Gen)
	step(ui.Input{})
	if len(f.Codes) == 0 || f.Codes[len(f.Codes)-1] != code {
		t.Fatalf("the code box shows %q, want %q", f.Codes, code)
	}
	step(ui.Input{Keys: []ebiten.Key{ebiten.KeyEscape}})
	if f.Codes[len(f.Codes)-1] != "" {
		t.Fatalf("the code box stayed open: %q", f.Codes)
	}
}
