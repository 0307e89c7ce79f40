package ui

import (
	"fmt"
	"strings"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

// ReaderKind says what a line of the reader's view is.
type ReaderKind int

// The kinds of lines in the reader's view.
const (
	ReaderHeading ReaderKind = iota + 1 // a screen's or a scene's title
	ReaderText                          // a paragraph
	ReaderAction                        // something the player can do: a menu item or a choice
	ReaderClosed                        // a choice that is not open now, with the reason
)

// ReaderLine is one line of the reader's view. An action's ID is the menu item it chooses: an
// Input with that Pick does what choosing the item on screen does.
type ReaderLine struct {
	Kind ReaderKind
	Text string
	ID   string
}

// Reader returns what the current screen says, as text: for the browser's screen-reader
// mirror, which writes it into the page, and for tests. The scene's whole text is given at
// once, however much of it the reveal has shown.
func (a *App) Reader() []ReaderLine {
	return a.appendReader(nil)
}

// appendReader appends the reader's view of the current screen to out.
func (a *App) appendReader(out []ReaderLine) []ReaderLine {
	head := func(s string) { out = append(out, ReaderLine{Kind: ReaderHeading, Text: s}) }
	para := func(s string) {
		for _, p := range paragraphs(s) {
			out = append(out, ReaderLine{Kind: ReaderText, Text: p})
		}
	}
	items := func(m *menu) {
		for _, it := range m.items {
			if it.enabled {
				out = append(out, ReaderLine{Kind: ReaderAction, Text: it.label, ID: it.id})
			} else {
				out = append(out, ReaderLine{Kind: ReaderClosed, Text: it.label + " (not available)"})
			}
		}
	}
	switch s := a.screens[a.current].(type) {
	case *titleScreen:
		head(a.c.Title + " · 汴京")
		para(a.c.Role)
		items(&s.menu)
		para("Press F2 to come to these choices, Escape to return to the game's own keys.")
	case *audience:
		if a.g == nil {
			break
		}
		ev, choice, ok := s.record(a)
		if !ok {
			break
		}
		para(ev.Day.Chinese() + " · " + songDate(ev.Day.String()))
		if ev.Event.Place != "" {
			para(ev.Event.Place)
		}
		head(ev.Title)
		para(ev.Text)
		switch {
		case s.pending(a):
			for i, o := range a.g.Options() {
				if o.Enabled {
					l := fmt.Sprintf("%d. %s", i+1, o.Choice.Text)
					if o.Choice.Hint != "" {
						l += " — " + o.Choice.Hint
					}
					out = append(out, ReaderLine{Kind: ReaderAction, Text: l, ID: o.Choice.ID})
				} else {
					out = append(out, ReaderLine{Kind: ReaderClosed, Text: fmt.Sprintf("%d. %s — closed: %s", i+1, o.Choice.Text, o.Reason)})
				}
			}
		case choice != nil:
			mark := ""
			if choice.Choice.Historical {
				mark = " (the course history took)"
			}
			para("You chose: " + choice.Choice.Text + mark)
			para(choice.Result)
			if choice.Outcome != nil {
				para(choice.OutcomeText)
			}
			a.readerAftermath(*choice, para)
		default:
			a.readerAftermath(ev, para)
		}
		items(&s.cont)
	case *endingScreen:
		if a.g == nil {
			break
		}
		if e := a.g.Ending(); e != nil {
			kind := "A counterfactual ending"
			if e.Kind == "historical" {
				kind = "The ending history knows"
			}
			para(kind)
			head(e.Title)
			para(a.g.EndingText())
			para(e.History)
		} else if err := a.g.Err(); err != nil {
			para("The campaign could not go on: " + err.Error())
		}
		items(&s.menu)
	case *savesScreen:
		switch s.code.kind {
		case exportPanel:
			head("The code of this game")
			para("Import a code, on this machine or another, brings this game back. " + codeWhere)
			out = append(out, ReaderLine{Kind: ReaderAction, Text: "Close", ID: closePanelID})
		case importPanel:
			head("Import a code")
			para(codeTypeHint)
			out = append(out, ReaderLine{Kind: ReaderAction, Text: "Cancel", ID: closePanelID})
		default:
			title := "Load a game"
			if s.mode == saveMode {
				title = "Save the game"
			}
			head(title)
			items(&s.menu)
		}
	case *settingsScreen:
		head("Settings")
		items(&s.menu)
	case *codexScreen:
		head("Codex")
		items(&s.menu)
		for _, p := range s.detail {
			para(p.b.source)
		}
	case *galleryScreen:
		head("Endings found")
		found := 0
		for _, e := range a.c.Endings {
			if a.gallery.Found(e.ID) {
				found++
				para(e.Title + " · " + e.Kind)
			}
		}
		para(fmtFound(found, len(a.c.Endings)))
	case *chronicleScreen:
		head("Chronicle")
		for _, p := range s.blocks {
			para(p.b.source)
		}
	case *mapScreen:
		head("The north · 河北河東")
		a.readerMap(para)
	case *problemsScreen:
		head("The campaign does not load")
		para(s.sub.source)
		for _, p := range s.lines {
			para(p.b.source)
		}
	}
	return out
}

// readerAftermath gives what a record moved in the court and the record's history note.
func (a *App) readerAftermath(r sim.Record, para func(string)) {
	for _, e := range a.g.Ledger()[r.LedgerFrom:r.LedgerTo] {
		q := quantity(a.c, e.Quantity)
		para(fmt.Sprintf("%s %d → %d (%+d: %s)", q.Label, e.From, e.To, e.To-e.From, strings.TrimSuffix(e.Why, ".")))
	}
	h := r.Event.History
	para(fmt.Sprintf("The record · %s · %s · %s", h.SongDate(), recordJulian(h), h.Tag))
	para(h.Happened)
	if len(h.Sources) > 0 {
		para("Sources: " + strings.Join(h.Sources, "; "))
	}
}

// readerMap says who holds each place on the map.
func (a *App) readerMap(para func(string)) {
	for _, p := range a.c.Places {
		who := map[string]string{"jin": "taken by the Jin", "contested": "contested"}[holder(a, p)]
		if who == "" {
			who = "held by the Song"
		}
		para(p.Name + " " + p.Chars + ": " + who)
	}
}

// paragraphs splits a text at its blank lines and joins the lines of each paragraph.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// readerKey identifies what the reader's view shows: when it is unchanged, so is the view. It
// is compared every frame and allocates nothing; the blocks in it are made anew by every layout.
type readerKey struct {
	screen string
	game   *sim.Game
	block  *Block
	page   int
	chron  int
	panel  codePanel
	ending *scenario.Ending
}

func (a *App) readerKey() readerKey {
	k := readerKey{screen: a.current, game: a.g, page: -1}
	if a.g != nil {
		k.chron = len(a.g.Chronicle())
		k.ending = a.g.Ending()
	}
	switch s := a.screens[a.current].(type) {
	case *titleScreen:
		k.block = s.name
	case *audience:
		k.block, k.page = s.body, s.page
	case *endingScreen:
		if len(s.blocks) > 0 {
			k.block = s.blocks[0].b
		}
	case *savesScreen:
		k.block, k.panel = s.head, s.code.kind
	case *settingsScreen:
		if len(s.menu.items) > 0 {
			k.block = s.menu.items[0].text
		}
	case *codexScreen:
		k.block = s.head
		if len(s.detail) > 0 {
			k.block = s.detail[0].b
		}
	case *galleryScreen:
		k.block = s.head
	case *chronicleScreen:
		k.block = s.head
	case *mapScreen:
		k.block = s.head
	case *problemsScreen:
		k.block = s.sub
	}
	return k
}

// historicalOption is the number (from 1) of the option history took at the pending decision,
// or 0 when none is waiting.
func (a *App) historicalOption() int {
	if a.g == nil {
		return 0
	}
	id := a.g.HistoricalChoice()
	for i, o := range a.g.Options() {
		if o.Choice.ID == id {
			return i + 1
		}
	}
	return 0
}

// focusedItem is the id of the focused item of the current screen's menu, or "".
func (a *App) focusedItem() string {
	var m *menu
	switch s := a.screens[a.current].(type) {
	case *titleScreen:
		m = &s.menu
	case *audience:
		m = &s.cont
		if a.g != nil && s.pending(a) {
			m = &s.choices
		}
	case *endingScreen:
		m = &s.menu
	case *savesScreen:
		m = &s.menu
	case *settingsScreen:
		m = &s.menu
	case *codexScreen:
		m = &s.menu
	}
	if m == nil || m.focus < 0 || m.focus >= len(m.items) {
		return ""
	}
	return m.items[m.focus].id
}
