package ui

import (
	"image"

	"github.com/bianjing1125/bianjing/game/calendar"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/hajimehoshi/ebiten/v2"
)

// endingScreen shows the epilogue, then "Your reign beside the record": the player's dated
// course beside the course history took (played with the same seed), with every point of
// divergence marked in cinnabar.
type endingScreen struct {
	blocks []placed
	rows   []rowMark
	menu   menu
	scroll float64
	height float64
	area   box
	clip   *ebiten.Image
	parent *ebiten.Image
	foot   *Block
}

type rowMark struct {
	y, h    float64
	diverge bool
}

// courseStep is one dated step of a game: an event and what was chosen at it.
type courseStep struct {
	day    calendar.Day
	event  *scenario.Event
	choice *scenario.Choice
}

func course(g *sim.Game) []courseStep {
	var out []courseStep
	for _, r := range g.Chronicle() {
		switch r.Kind {
		case sim.EventRecord:
			out = append(out, courseStep{day: r.Day, event: r.Event})
		case sim.ChoiceRecord:
			if n := len(out); n > 0 && out[n-1].event == r.Event {
				out[n-1].choice = r.Choice
			}
		}
	}
	return out
}

// historicalCourse plays the campaign as history went, with the same seed.
func historicalCourse(c *scenario.Campaign, seed uint64) (*sim.Game, []courseStep) {
	g := sim.New(c, seed)
	for !g.Over() {
		if err := g.Choose(g.HistoricalChoice()); err != nil {
			break
		}
	}
	return g, course(g)
}

func (es *endingScreen) layout(a *App) {
	es.blocks, es.rows = es.blocks[:0], es.rows[:0]
	if a.g == nil {
		return
	}
	s := a.scale
	w := min(float64(a.w)-80*s, 1100*s)
	x0 := (float64(a.w) - w) / 2
	es.area = box{x0, 30 * s, w + 20*s, float64(a.h) - 30*s}
	es.foot = footer(a, "Wheel or PgUp/PgDn scroll · G endings found · Esc title")
	es.area.h -= es.foot.Height + 30*s
	es.parent = nil
	y := 0.0
	add := func(text string, face *fontFace, x, width float64, c func(Palette) colorRGBA, gap float64) *Block {
		b := Layout(text, face.face, width, face.line, nil)
		es.blocks = append(es.blocks, placed{b: b, y: y, x: x, color: c})
		y += b.Height + gap
		return b
	}
	ink := func(p Palette) colorRGBA { return p.Ink }
	faded := func(p Palette) colorRGBA { return p.Faded }
	red := func(p Palette) colorRGBA { return p.Cinnabar }
	e := a.g.Ending()
	if e == nil {
		msg := "The game stopped."
		if a.g.Err() != nil {
			msg = "The campaign could not go on: " + a.g.Err().Error()
		}
		add(msg, a.face("body"), x0, w, red, 20*s)
	} else {
		kind := "A counterfactual ending"
		if e.Kind == "historical" {
			kind = "The ending history knows"
		}
		add(kind, a.face("small"), x0, w, red, 4*s)
		prose := min(w, 720*s) // a reading measure, however wide the window
		add(e.Title, a.face("big"), x0, w, ink, 14*s)
		add(a.g.EndingText(), a.face("body"), x0, prose, ink, 14*s)
		add(e.History, a.face("small"), x0, prose, faded, 30*s)
		a.unlockCodex(a.g.EndingText() + "\n" + e.History)
	}
	add("Your reign beside the record  ·  史鑑", a.face("title"), x0, w, ink, 6*s)
	hist, theirs := historicalCourse(a.c, a.g.Seed())
	histEnd := "—"
	if hist.Ending() != nil {
		histEnd = hist.Ending().Title
	}
	colW := (w - 160*s) / 2
	xDate, xMine, xTheirs := x0, x0+150*s, x0+160*s+colW
	add("", a.face("small"), x0, w, faded, 0)
	hy := y
	add("Date", a.face("small"), xDate, 140*s, faded, 0)
	y = hy
	add("Your court", a.face("small"), xMine, colW, faded, 0)
	y = hy
	add("The record", a.face("small"), xTheirs, colW, faded, 8*s)
	mine := course(a.g)
	byEvent := map[*scenario.Event]courseStep{}
	for _, st := range theirs {
		byEvent[st.event] = st
	}
	seen := map[*scenario.Event]bool{}
	steps := append(append([]courseStep{}, mine...), theirs...)
	sortSteps(steps)
	mineBy := map[*scenario.Event]courseStep{}
	for _, st := range mine {
		mineBy[st.event] = st
	}
	for _, st := range steps {
		if seen[st.event] {
			continue
		}
		seen[st.event] = true
		m, inMine := mineBy[st.event]
		t, inTheirs := byEvent[st.event]
		top := y
		add(st.day.Short(), a.face("small"), xDate, 140*s, faded, 0)
		b1 := y
		y = top
		add(describe(m, inMine), a.face("small"), xMine, colW, ink, 0)
		b2 := y
		y = top
		add(describe(t, inTheirs), a.face("small"), xTheirs, colW, ink, 0)
		y = max(b1, b2, y) + 8*s
		diverge := inMine != inTheirs || (inMine && m.choice != t.choice)
		es.rows = append(es.rows, rowMark{y: top, h: y - top - 8*s, diverge: diverge})
	}
	add("History ends: "+histEnd, a.face("small"), xTheirs, colW, red, 20*s)
	var labels = []string{"Endings found", "Back to the title"}
	y = es.menu.set(a, labels, []string{"gallery", "title"}, nil, x0, es.area.y+y, min(w, 320*s)) - es.area.y
	es.height = y
	es.scroll = min(es.scroll, max(0, es.height-es.area.h))
}

func describe(st courseStep, ok bool) string {
	switch {
	case !ok:
		return "—"
	case st.choice != nil:
		return st.event.Title + ": " + st.choice.Text
	}
	return st.event.Title
}

func sortSteps(steps []courseStep) {
	for i := 1; i < len(steps); i++ { // insertion sort keeps the order of equal days
		for j := i; j > 0 && steps[j].day < steps[j-1].day; j-- {
			steps[j], steps[j-1] = steps[j-1], steps[j]
		}
	}
}

func (es *endingScreen) update(a *App, in *Input) {
	d := -in.Wheel * 40 * a.scale
	if in.Pressed(ebiten.KeyPageDown) || in.Pressed(ebiten.KeyArrowDown) {
		d = es.area.h * 0.8
	}
	if in.Pressed(ebiten.KeyPageUp) || in.Pressed(ebiten.KeyArrowUp) {
		d = -es.area.h * 0.8
	}
	es.scroll = min(max(es.scroll+d, 0), max(0, es.height-es.area.h))
	es.menu.dy = -es.scroll
	switch {
	case escape(in):
		a.open(TitleScreen)
		return
	case in.Pressed(ebiten.KeyG):
		a.open(GalleryScreen)
		return
	}
	if id, ok := es.menu.update(in); ok {
		if id == "gallery" {
			a.open(GalleryScreen)
		} else {
			a.open(TitleScreen)
		}
	}
}

func (es *endingScreen) draw(a *App, dst *ebiten.Image) {
	s := a.scale
	if es.parent != dst || es.clip == nil {
		r := image.Rect(int(es.area.x-30*s), int(es.area.y), int(es.area.x+es.area.w), int(es.area.y+es.area.h))
		es.clip = dst.SubImage(r).(*ebiten.Image)
		es.parent = dst
	}
	top := es.area.y - es.scroll
	for _, r := range es.rows {
		if r.diverge {
			fillRect(es.clip, es.area.x-14*s, top+r.y+3*s, 6*s, r.h-4*s, a.pal.Cinnabar)
		} else {
			fillRect(es.clip, es.area.x-12*s, top+r.y+3*s, 2*s, r.h-4*s, a.pal.Jade)
		}
	}
	for _, p := range es.blocks {
		p.b.Draw(es.clip, p.x, top+p.y, p.color(a.pal), nil, -1)
	}
	es.menu.dy = -es.scroll
	es.menu.draw(a, es.clip)
	drawFooter(a, dst, es.foot)
}

// galleryScreen lists the campaign's endings, those found so far named and marked historical
// or counterfactual, the rest hidden.
type galleryScreen struct {
	head  *Block
	lines []placed
	foot  *Block
}

func (gs *galleryScreen) layout(a *App) {
	s := a.scale
	var y float64
	gs.head, y = heading(a, "Endings found")
	gs.lines = gs.lines[:0]
	w := min(float64(a.w)-80*s, 900*s)
	found := 0
	for _, e := range a.c.Endings {
		text, c := "An ending not yet found.", func(p Palette) colorRGBA { return p.Faded }
		if a.gallery.Found(e.ID) {
			found++
			text = e.Title + "  ·  " + e.Kind
			c = func(p Palette) colorRGBA { return p.Ink }
			if e.Kind == "historical" {
				c = func(p Palette) colorRGBA { return p.Cinnabar }
			}
		}
		b := Layout(text, a.fonts.Body, w, a.fonts.BodyLine, nil)
		gs.lines = append(gs.lines, placed{b: b, y: y, x: 40 * s, color: c})
		y += b.Height + 8*s
	}
	gs.foot = footer(a, fmtFound(found, len(a.c.Endings))+" · Esc back")
}

func fmtFound(n, of int) string {
	return itoa(n) + " of " + itoa(of) + " endings found"
}

func (gs *galleryScreen) update(a *App, in *Input) {
	if escape(in) || in.Click {
		a.close()
	}
}

func (gs *galleryScreen) draw(a *App, dst *ebiten.Image) {
	gs.head.Draw(dst, 40*a.scale, 40*a.scale, a.pal.Ink, nil, -1)
	for _, l := range gs.lines {
		l.b.Draw(dst, l.x, l.y, l.color(a.pal), nil, -1)
	}
	drawFooter(a, dst, gs.foot)
}
