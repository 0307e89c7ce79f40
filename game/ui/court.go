package ui

import (
	"fmt"
	"strings"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/hajimehoshi/ebiten/v2"
)

// courtPanel shows each court meter as a ruled bar with its last change; hovering a meter, or
// focusing it with Tab, shows the ledger of why it moved.
type courtPanel struct {
	area   box
	title  *Block
	meters []meter
	focus  int // -1: none
	hover  int
}

type meter struct {
	q          *scenario.Quantity
	label      *Block
	value      int
	last       int // the last change, 0 if none
	box        box // the whole row
	bar        box
	ledger     *Block // why it moved, shown on hover or focus
	ledgerText string
}

const ledgerLines = 6

// onCourt reports whether the panel shows q now.
func onCourt(a *App, q *scenario.Quantity) bool {
	if a.g == nil {
		return q.Court
	}
	return a.g.OnCourt(q)
}

// height returns the panel's height when laid out below the text, in two columns.
func (cp *courtPanel) height(a *App, width float64) float64 {
	n := 0
	for _, q := range a.c.Quantities {
		if onCourt(a, q) {
			n++
		}
	}
	rows := (n + 1) / 2
	return a.fonts.SmallLine*1.5 + float64(rows)*(a.fonts.SmallLine+12*a.scale) + 10*a.scale
}

// layout lays the meters out as of the first upTo changes of the ledger.
func (cp *courtPanel) layout(a *App, area box, upTo int) {
	s := a.scale
	cp.area = area
	cp.hover = -1
	if cp.focus >= 0 && cp.focus >= len(cp.meters) {
		cp.focus = -1
	}
	cp.title = Layout("The court  ·  朝廷", a.fonts.Small, area.w, a.fonts.SmallLine, nil)
	cp.meters = cp.meters[:0]
	ledger := a.g.Ledger()[:upTo]
	cols := 1
	if area.w > 700*s || area.y > float64(a.h)/2 {
		cols = 2
	}
	colW := (area.w - float64(cols-1)*24*s) / float64(cols)
	rowH := a.fonts.SmallLine + 14*s
	if cols == 1 {
		rowH = a.fonts.SmallLine*2 + 10*s
	}
	y0 := area.y + cp.title.Height + 10*s
	i := 0
	for _, q := range a.c.Quantities {
		if !onCourt(a, q) {
			continue
		}
		m := meter{q: q, value: q.Start}
		var why []string
		for _, e := range ledger {
			if e.Quantity == q.ID {
				m.value, m.last = e.To, e.To-e.From
				why = append(why, fmt.Sprintf("%s  %+d  %s", e.Day.Short(), e.To-e.From, strings.TrimSuffix(e.Why, ".")))
			}
		}
		if len(why) > ledgerLines {
			why = why[len(why)-ledgerLines:]
		}
		if len(why) == 0 {
			why = []string{"Unchanged since the start."}
		}
		m.ledgerText = q.Label + "\n" + strings.Join(why, "\n")
		x := area.x + float64(i%cols)*(colW+24*s)
		y := y0 + float64(i/cols)*rowH
		m.box = box{x, y, colW, rowH}
		m.label = Layout(fmt.Sprintf("%s  %d", q.Label, m.value), a.fonts.Small, colW, a.fonts.SmallLine, nil)
		if cols == 1 {
			m.bar = box{x, y + a.fonts.SmallLine + 2*s, colW, 6 * s}
		} else {
			m.bar = box{x + colW*0.55, y + a.fonts.SmallLine*0.45, colW * 0.45, 6 * s}
			m.label = Layout(fmt.Sprintf("%s  %d", q.Label, m.value), a.fonts.Small, colW*0.55-8*s, a.fonts.SmallLine, nil)
		}
		cp.meters = append(cp.meters, m)
		i++
	}
	for k := range cp.meters {
		cp.meters[k].ledger = Layout(cp.meters[k].ledgerText, a.fonts.Small, min(area.w, 520*s), a.fonts.SmallLine, nil)
	}
}

// update handles hover and Tab focus; it reports whether it used the input.
func (cp *courtPanel) update(a *App, in *Input) bool {
	cp.hover = -1
	for i, m := range cp.meters {
		if m.box.contains(in.X, in.Y) {
			cp.hover = i
		}
	}
	if in.Pressed(ebiten.KeyTab) && len(cp.meters) > 0 {
		cp.focus++
		if cp.focus >= len(cp.meters) {
			cp.focus = -1
		}
		return true
	}
	return false
}

func (cp *courtPanel) draw(a *App, dst *ebiten.Image) {
	s := a.scale
	cp.title.Draw(dst, cp.area.x, cp.area.y, a.pal.Cinnabar, nil, -1)
	for i, m := range cp.meters {
		c := a.pal.Ink
		if i == cp.focus || i == cp.hover {
			fillRect(dst, m.box.x-4*s, m.box.y-2*s, m.box.w+8*s, m.box.h-4*s, a.pal.PaperShade)
		}
		m.label.Draw(dst, m.box.x, m.box.y, c, nil, -1)
		b := m.bar
		strokeRect(dst, b.x, b.y, b.w, b.h, 1*s, a.pal.Faded)
		frac := float64(m.value-m.q.Min) / float64(max(1, m.q.Max-m.q.Min))
		fillRect(dst, b.x, b.y, b.w*frac, b.h, a.pal.Ink)
		for t := 1; t < 4; t++ { // ledger ticks at the quarters
			fillRect(dst, b.x+b.w*float64(t)/4, b.y+b.h, 1*s, 3*s, a.pal.Faded)
		}
		if m.last != 0 {
			stroke := a.pal.Jade
			if m.last < 0 {
				stroke = a.pal.Cinnabar
			}
			w := b.w * float64(abs(m.last)) / float64(max(1, m.q.Max-m.q.Min))
			x := b.x + b.w*frac
			if m.last > 0 {
				x -= w
			}
			fillRect(dst, x, b.y+b.h+1*s, max(w, 2*s), 3*s, stroke)
		}
	}
	show := cp.focus
	if cp.hover >= 0 {
		show = cp.hover
	}
	if show >= 0 && show < len(cp.meters) {
		m := cp.meters[show]
		lb := m.ledger
		x := min(m.box.x, float64(a.w)-lb.Width-30*s)
		y := m.box.y + m.box.h
		if y+lb.Height+20*s > float64(a.h) {
			y = m.box.y - lb.Height - 20*s
		}
		fillRect(dst, x-10*s, y-8*s, lb.Width+20*s, lb.Height+16*s, a.pal.Paper)
		strokeRect(dst, x-10*s, y-8*s, lb.Width+20*s, lb.Height+16*s, 1*s, a.pal.Ink)
		lb.Draw(dst, x, y, a.pal.Ink, nil, -1)
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
