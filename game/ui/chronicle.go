package ui

import (
	"image"

	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/hajimehoshi/ebiten/v2"
)

// chronicleScreen is the backlog: everything said and chosen so far, scrolled with the wheel,
// the arrows and PgUp/PgDn. It opens at the latest entry.
type chronicleScreen struct {
	scrollView
	head   *Block
	blocks []placed
	foot   *Block
	empty  *Block
}

// scrollView is a column of text taller than its area: how far it is scrolled, and the clip
// it is drawn through, made once per destination image.
type scrollView struct {
	area           box
	scroll, height float64
	clip, parent   *ebiten.Image
}

// clipTo returns the view's clip on dst: its area, with room at the right for a scrollbar.
func (v *scrollView) clipTo(a *App, dst *ebiten.Image) *ebiten.Image {
	if v.parent != dst || v.clip == nil {
		r := image.Rect(int(v.area.x), int(v.area.y), int(v.area.x+v.area.w+20*a.scale), int(v.area.y+v.area.h))
		v.clip = dst.SubImage(r).(*ebiten.Image)
		v.parent = dst
	}
	return v.clip
}

// visible reports whether a block of height h placed at y (relative to the text's top) shows,
// and where it is drawn.
func (v *scrollView) visible(y, h float64) (float64, bool) {
	at := v.area.y - v.scroll + y
	return at, at <= v.area.y+v.area.h && at+h >= v.area.y
}

// update scrolls the view by the wheel and the scrolling keys.
func (v *scrollView) update(a *App, in *Input) {
	v.scroll = scrolled(a, in, v.scroll, v.height, v.area.h)
}

func (ch *chronicleScreen) layout(a *App) {
	s := a.scale
	var top float64
	ch.head, top = heading(a, "Chronicle")
	ch.foot = footer(a, "Wheel, ↑↓ or PgUp/PgDn scroll · Home/End · Esc back")
	w := min(float64(a.w)-80*s, 900*s)
	ch.area = box{40 * s, top, w, float64(a.h) - top - ch.foot.Height - 30*s}
	ch.parent = nil
	ch.blocks = ch.blocks[:0]
	ch.empty = Layout("Nothing has happened yet.", a.fonts.Body, ch.area.w, a.fonts.BodyLine, nil)
	if a.g == nil {
		return
	}
	y := 0.0
	add := func(text string, f *fontFace, c func(Palette) colorRGBA, gap float64) {
		b := Layout(text, f.face, w, f.line, nil)
		ch.blocks = append(ch.blocks, placed{b: b, x: ch.area.x, y: y, color: c})
		y += b.Height + gap
	}
	ink := func(p Palette) colorRGBA { return p.Ink }
	faded := func(p Palette) colorRGBA { return p.Faded }
	red := func(p Palette) colorRGBA { return p.Cinnabar }
	au := a.audience()
	for i, r := range a.g.Chronicle() {
		if i > au.page && au.page >= 0 && r.Kind == sim.EventRecord {
			break // not yet read
		}
		switch r.Kind {
		case sim.EventRecord:
			add(songDate(r.Day.String())+"  ·  "+r.Title, a.face("small"), red, 4*s)
			add(r.Text, a.face("body"), ink, 10*s)
		case sim.ChoiceRecord:
			add("» "+r.Choice.Text, a.face("body"), red, 6*s)
			if r.Result != "" {
				add(r.Result, a.face("body"), ink, 6*s)
			}
			if r.Outcome != nil {
				add(r.OutcomeText, a.face("body"), ink, 6*s)
			}
			y += 14 * s
		case sim.EndingRecord:
			add("The end: "+r.Ending.Title, a.face("title"), faded, 10*s)
		case sim.WarRecord:
			add(r.Day.Short()+"  ·  "+r.WarLine(), a.face("small"), faded, 10*s)
		}
	}
	ch.height = y
	ch.scroll = max(0, ch.height-ch.area.h)
}

func (ch *chronicleScreen) update(a *App, in *Input) {
	if escape(in) || in.Pressed(ebiten.KeyH) {
		a.close()
		return
	}
	ch.scrollView.update(a, in)
}

// scrolled returns a scroll position moved by the wheel, the page keys, the arrows, Home and
// End, within a text of the given height shown in a view of the given height.
func scrolled(a *App, in *Input, scroll, height, view float64) float64 {
	d := -in.Wheel * 40 * a.scale
	switch {
	case in.Pressed(ebiten.KeyPageDown):
		d = view * 0.8
	case in.Pressed(ebiten.KeyPageUp):
		d = -view * 0.8
	case in.Pressed(ebiten.KeyArrowDown):
		d = a.fonts.BodyLine
	case in.Pressed(ebiten.KeyArrowUp):
		d = -a.fonts.BodyLine
	case in.Pressed(ebiten.KeyHome):
		d = -height
	case in.Pressed(ebiten.KeyEnd):
		d = height
	}
	return min(max(scroll+d, 0), max(0, height-view))
}

func (ch *chronicleScreen) draw(a *App, dst *ebiten.Image) {
	s := a.scale
	ch.head.Draw(dst, 40*s, 40*s, a.pal.Ink, nil, -1)
	clip := ch.clipTo(a, dst)
	for _, p := range ch.blocks {
		if y, ok := ch.visible(p.y, p.b.Height); ok {
			p.b.Draw(clip, p.x, y, p.color(a.pal), nil, -1)
		}
	}
	if len(ch.blocks) == 0 {
		ch.empty.Draw(dst, ch.area.x, ch.area.y, a.pal.Faded, nil, -1)
	}
	drawFooter(a, dst, ch.foot)
}
