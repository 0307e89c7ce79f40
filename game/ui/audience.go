package ui

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/hajimehoshi/ebiten/v2"
)

// audience is the main screen: the dated scene, its text revealed at the chosen speed, the
// counsel offered, and after a choice what came of it and what the record says.
type audience struct {
	page int // the chronicle index of the event record shown

	col, panel box
	clip       *ebiten.Image // the text column of the last screen drawn into
	clipParent *ebiten.Image

	blocks   []placed // everything in the column, in content coordinates
	body     *Block   // the scene text, which is revealed
	bodyAt   float64
	spans    []Span
	choices  menu
	cont     menu
	shown    int // glyphs of the body revealed
	revealed float64
	scroll   float64
	height   float64 // of the content

	court courtPanel
	foot  *Block
}

// placed is a laid-out block at a place in the column, with its colour and spans.
type placed struct {
	b     *Block
	y     float64
	x     float64
	color func(p Palette) color.RGBA
	spans []Span
	seal  bool
}

// reset shows the first page of a new game.
func (au *audience) reset(a *App) {
	au.page = au.nextPage(a, -1)
	au.scroll = 0
	au.layout(a)
}

// jumpToEnd shows the latest page, as after loading a save.
func (au *audience) jumpToEnd(a *App) {
	chron := a.g.Chronicle()
	au.page = 0
	var read strings.Builder // every scene played, so the codex knows what the story has named
	for i, r := range chron {
		if r.Kind == sim.EventRecord {
			au.page = i
			read.WriteString(r.Text)
			read.WriteString("\n")
		}
	}
	a.unlockCodex(read.String())
	au.scroll = 0
	au.layout(a)
	au.revealAll()
}

// nextPage returns the index of the first event record after i, or -1.
func (au *audience) nextPage(a *App, i int) int {
	chron := a.g.Chronicle()
	for j := i + 1; j < len(chron); j++ {
		if chron[j].Kind == sim.EventRecord {
			return j
		}
	}
	return -1
}

// record returns the event record shown and the choice record that resolved it, if any.
func (au *audience) record(a *App) (ev sim.Record, choice *sim.Record, ok bool) {
	chron := a.g.Chronicle()
	if au.page < 0 || au.page >= len(chron) {
		return sim.Record{}, nil, false
	}
	ev = chron[au.page]
	if n := au.page + 1; n < len(chron) && chron[n].Kind == sim.ChoiceRecord && chron[n].Event == ev.Event {
		choice = &chron[n]
	}
	return ev, choice, true
}

// pending reports whether the page shown waits for the player's counsel.
func (au *audience) pending(a *App) bool {
	ev, choice, ok := au.record(a)
	return ok && choice == nil && a.g.Pending() == ev.Event && au.nextPage(a, au.page) < 0
}

func (au *audience) layout(a *App) {
	if a.g == nil {
		return
	}
	s := a.scale
	w, h := float64(a.w), float64(a.h)
	au.foot = footer(a, "M map · K codex · H chronicle · S save · L load · O settings · Esc title · PgUp/PgDn scroll")
	footH := au.foot.Height + 30*s
	margin := 40 * s
	if w >= 1000*s {
		colW := min(w*0.6, 820*s)
		au.col = box{margin, 30 * s, colW, h - 30*s - footH}
		au.panel = box{margin + colW + 40*s, 40 * s, w - colW - 2*margin - 40*s, h - 40*s - footH}
	} else {
		courtH := au.court.height(a, w-2*margin)
		au.col = box{margin, 20 * s, w - 2*margin, h - 20*s - footH - courtH}
		au.panel = box{margin, h - footH - courtH, w - 2*margin, courtH}
	}
	au.clipParent = nil
	au.build(a)
	au.court.layout(a, au.panel, au.ledgerUpTo(a))
}

// ledgerUpTo is the length of the ledger as of the page shown, so meters never run ahead of
// the story the player has read.
func (au *audience) ledgerUpTo(a *App) int {
	ev, choice, ok := au.record(a)
	if !ok {
		return len(a.g.Ledger())
	}
	if choice != nil {
		return choice.LedgerTo
	}
	return ev.LedgerTo
}

// build lays out the column's content for the page shown.
func (au *audience) build(a *App) {
	au.blocks = au.blocks[:0]
	au.choices.items = au.choices.items[:0]
	au.cont.items = au.cont.items[:0]
	ev, choice, ok := au.record(a)
	if !ok {
		return
	}
	s := a.scale
	width := au.col.w
	y := 0.0
	add := func(text string, face *fontFace, c func(Palette) color.RGBA, gap float64, spans []Span) *Block {
		b := Layout(text, face.face, width, face.line, spans)
		au.blocks = append(au.blocks, placed{b: b, y: y, color: c, spans: spans})
		y += b.Height + gap
		return b
	}
	ink := func(p Palette) color.RGBA { return p.Ink }
	faded := func(p Palette) color.RGBA { return p.Faded }
	red := func(p Palette) color.RGBA { return p.Cinnabar }
	body, small, title := a.face("body"), a.face("small"), a.face("title")

	add(ev.Day.Chinese(), title, red, 0, nil)
	add(songDate(ev.Day.String()), small, faded, 12*s, nil)
	if ev.Event.Place != "" {
		add(ev.Event.Place, small, faded, 2*s, nil)
	}
	add(ev.Title, title, ink, 10*s, nil)
	au.spans = au.linkSpans(a, ev.Text)
	au.bodyAt = y
	au.body = add(ev.Text, body, ink, 18*s, au.spans)
	a.unlockCodex(ev.Text)

	switch {
	case au.pending(a):
		var labels, ids []string
		var enabled []bool
		for i, o := range a.g.Options() {
			l := fmt.Sprintf("%d.  %s", i+1, o.Choice.Text)
			if o.Choice.Hint != "" {
				l += "  — " + o.Choice.Hint
			}
			if !o.Enabled {
				l = fmt.Sprintf("%d.  %s  — closed: %s", i+1, o.Choice.Text, o.Reason)
			}
			labels, ids, enabled = append(labels, l), append(ids, o.Choice.ID), append(enabled, o.Enabled)
		}
		au.choices.numbered = true
		y = au.choices.set(a, labels, ids, enabled, au.col.x, au.col.y+y, width) - au.col.y
	case choice != nil:
		mark := ""
		if choice.Choice.Historical {
			mark = "  (the course history took)"
		}
		add(choice.Choice.Text+mark, body, red, 10*s, nil)
		au.blocks[len(au.blocks)-1].seal = true
		if choice.Result != "" {
			add(choice.Result, body, ink, 10*s, nil)
		}
		if choice.Outcome != nil {
			add(choice.OutcomeText, body, ink, 10*s, nil)
			a.unlockCodex(choice.OutcomeText)
		}
		a.unlockCodex(choice.Choice.Text + "\n" + choice.Result)
		au.aftermath(a, *choice, add)
	default:
		au.aftermath(a, ev, add)
	}
	if !au.pending(a) {
		label := "Continue  »"
		if next := au.nextPage(a, au.page); next < 0 && a.g.Ending() != nil {
			label = "The end  »"
		}
		y = au.cont.set(a, []string{label}, []string{"continue"}, nil, au.col.x, au.col.y+y+8*s, min(width, 260*s)) - au.col.y
	}
	au.height = y
	au.shown, au.revealed = 0, 0
	if a.settings.TextSpeed <= 0 {
		au.revealAll()
	}
	au.scroll = min(au.scroll, max(0, au.height-au.col.h))
}

// aftermath adds what moved in the court and the history note of the page's event.
func (au *audience) aftermath(a *App, r sim.Record, add func(string, *fontFace, func(Palette) color.RGBA, float64, []Span) *Block) {
	s := a.scale
	small := a.face("small")
	for _, e := range a.g.Ledger()[r.LedgerFrom:r.LedgerTo] {
		q := quantity(a.c, e.Quantity)
		c := func(p Palette) color.RGBA { return p.Jade }
		if e.To < e.From {
			c = func(p Palette) color.RGBA { return p.Cinnabar }
		}
		add(fmt.Sprintf("%s  %d → %d   (%+d: %s)", q.Label, e.From, e.To, e.To-e.From, strings.TrimSuffix(e.Why, ".")), small, c, 2*s, nil)
	}
	h := r.Event.History
	add(fmt.Sprintf("The record · %s · %s · %s", h.SongDate(), recordJulian(h), h.Tag), small, func(p Palette) color.RGBA { return p.Cinnabar }, 4*s, nil)
	add(h.Happened, small, func(p Palette) color.RGBA { return p.Ink }, 4*s, nil)
	a.unlockCodex(h.Happened) // the record names people and terms the scene may not
	add("Sources: "+strings.Join(h.Sources, "; "), small, func(p Palette) color.RGBA { return p.Faded }, 10*s, nil)
}

// recordJulian is the Julian date of a history note: the day, or the month's first and last days.
func recordJulian(h scenario.History) string {
	if h.Month {
		return julian(h.Date.String()) + " to " + julian(h.Date.MonthEnd().String())
	}
	return julian(h.Date.String())
}

func (au *audience) revealAll() {
	if au.body != nil {
		au.shown = au.body.Glyphs()
		au.revealed = float64(au.shown)
	}
}

func (au *audience) revealing() bool { return au.body != nil && au.shown < au.body.Glyphs() }

// linkSpans underlines the names in text that have a codex entry.
func (au *audience) linkSpans(a *App, text string) []Span {
	var out []Span
	for _, l := range a.c.Links(text) {
		out = append(out, Span{Start: l.Start, End: l.End, Link: l.Entry.ID, Underline: true})
	}
	return out
}

func (au *audience) update(a *App, in *Input) {
	if a.g == nil {
		a.open(TitleScreen)
		return
	}
	if au.revealing() {
		if in.Any() {
			au.revealAll()
			return
		}
		au.revealed += float64(a.settings.TextSpeed) / 60
		au.shown = min(int(au.revealed), au.body.Glyphs())
	}
	if au.scrollBy(a, in) {
		return
	}
	switch {
	case escape(in):
		a.open(TitleScreen)
		return
	case in.Pressed(ebiten.KeyM):
		a.open(MapScreen)
		return
	case in.Pressed(ebiten.KeyK):
		a.open(CodexScreen)
		return
	case in.Pressed(ebiten.KeyH):
		a.open(ChronicleScreen)
		return
	case in.Pressed(ebiten.KeyS):
		a.screens[SavesScreen].(*savesScreen).mode = saveMode
		a.open(SavesScreen)
		return
	case in.Pressed(ebiten.KeyL):
		a.screens[SavesScreen].(*savesScreen).mode = loadMode
		a.open(SavesScreen)
		return
	case in.Pressed(ebiten.KeyO):
		a.open(SettingsScreen)
		return
	}
	if au.court.update(a, in) {
		return
	}
	if in.Click {
		if id, ok := au.linkAt(in.X, in.Y); ok {
			a.screens[CodexScreen].(*codexScreen).show(id)
			a.open(CodexScreen)
			return
		}
	}
	au.choices.dy, au.cont.dy = -au.scroll, -au.scroll
	if au.pending(a) {
		if id, ok := au.choices.update(in); ok {
			a.choose(id)
			au.layout(a)
			au.revealAll()
			au.scroll = max(0, au.height-au.col.h)
		}
		return
	}
	if _, ok := au.cont.update(in); ok || in.Pressed(ebiten.KeyArrowRight) {
		au.advance(a)
	}
}

// advance turns to the next page, or to the ending.
func (au *audience) advance(a *App) {
	if next := au.nextPage(a, au.page); next >= 0 {
		au.page = next
		au.scroll = 0
		au.layout(a)
		return
	}
	if a.g.Ending() != nil || a.g.Err() != nil {
		a.open(EndingScreen)
	}
}

// scrollBy scrolls the column with the wheel and the page keys; it reports whether it did.
func (au *audience) scrollBy(a *App, in *Input) bool {
	d := -in.Wheel * 40 * a.scale
	if in.Pressed(ebiten.KeyPageDown) {
		d = au.col.h * 0.8
	}
	if in.Pressed(ebiten.KeyPageUp) {
		d = -au.col.h * 0.8
	}
	if d == 0 {
		return false
	}
	old := au.scroll
	au.scroll = min(max(au.scroll+d, 0), max(0, au.height-au.col.h))
	return au.scroll != old
}

func (au *audience) linkAt(x, y int) (string, bool) {
	if au.body == nil {
		return "", false
	}
	px := x - int(au.col.x)
	py := y - int(au.col.y+au.bodyAt-au.scroll)
	return au.body.LinkAt(px, py)
}

func (au *audience) draw(a *App, dst *ebiten.Image) {
	if a.g == nil {
		return
	}
	if au.clipParent != dst || au.clip == nil {
		// The clip reaches left of the column for the seal that marks the chosen line.
		r := image.Rect(int(au.col.x-32*a.scale), int(au.col.y), int(au.col.x+au.col.w+8*a.scale), int(au.col.y+au.col.h))
		au.clip = dst.SubImage(r).(*ebiten.Image)
		au.clipParent = dst
	}
	s := a.scale
	top := au.col.y - au.scroll
	bodyDone := !au.revealing()
	for _, p := range au.blocks {
		n := -1
		if p.b == au.body {
			n = au.shown
		} else if p.y > au.bodyAt && !bodyDone {
			continue
		}
		if p.seal {
			seal(au.clip, au.col.x-28*s, top+p.y+4*s, 18*s, a.pal.Cinnabar)
		}
		p.b.Draw(au.clip, au.col.x, top+p.y, p.color(a.pal), p.spans, n)
	}
	if bodyDone {
		au.choices.dy, au.cont.dy = -au.scroll, -au.scroll
		au.choices.draw(a, au.clip)
		au.cont.draw(a, au.clip)
	}
	if au.height > au.col.h {
		frac := au.col.h / au.height
		barH := au.col.h * frac
		barY := au.col.y + (au.col.h-barH)*au.scroll/max(1, au.height-au.col.h)
		fillRect(dst, au.col.x+au.col.w+14*s, barY, 2*s, barH, a.pal.Faded)
	}
	au.court.draw(a, dst)
	drawFooter(a, dst, au.foot)
}

// songDate keeps the Song date of a header like "Xuanhe 7, 12th month, 1st day (27 December 1125)"
// and sets the Julian date after a middle dot.
func songDate(s string) string {
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		return s[:i] + "  ·  " + s[i+2:len(s)-1]
	}
	return s
}

// julian is the Julian date of a header, the part in brackets.
func julian(s string) string {
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		return s[i+2 : len(s)-1]
	}
	return s
}

func quantity(c *scenario.Campaign, id string) *scenario.Quantity {
	n, _ := c.Lookup(id)
	return c.Quantities[n.Index]
}
