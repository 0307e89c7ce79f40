package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
)

// item is a line of a menu or a choice of counsel: laid-out text in a box.
type item struct {
	id      string
	label   string // the text laid out, for the screen-reader mirror
	text    *Block
	box     box
	enabled bool
}

// menu is a vertical list of items, chosen with the arrows and Enter, the number keys, the
// mouse or a touch.
type menu struct {
	items []item
	focus int
	hover int
	// numbered makes 1–9 choose the item directly.
	numbered bool
	// dy moves every item down when drawn and hit, for a scrolled list.
	dy float64
}

// set lays the items out from top y at x, wrapped to width, and returns the bottom.
func (m *menu) set(a *App, labels []string, ids []string, enabled []bool, x, y, width float64) float64 {
	s := a.scale
	m.items = m.items[:0]
	pad := 8 * s
	for i, l := range labels {
		b := Layout(l, a.fonts.Body, width-2*pad, a.fonts.BodyLine, nil)
		it := item{id: ids[i], label: l, text: b, box: box{x, y, width, b.Height + 2*pad}, enabled: enabled == nil || enabled[i]}
		m.items = append(m.items, it)
		y += it.box.h + 6*s
	}
	if m.focus >= len(m.items) {
		m.focus = 0
	}
	m.hover = -1
	return y
}

// update returns the id of the item chosen this tick, if any.
func (m *menu) update(in *Input) (string, bool) {
	if len(m.items) == 0 {
		return "", false
	}
	m.hover = -1
	for i, it := range m.items {
		if it.box.contains(in.X, in.Y-int(m.dy)) {
			m.hover = i
		}
		if in.Pick != "" && it.id == in.Pick && it.enabled {
			m.focus = i
			return it.id, true
		}
	}
	switch {
	case in.Pressed(ebiten.KeyArrowDown):
		m.focus = (m.focus + 1) % len(m.items)
	case in.Pressed(ebiten.KeyArrowUp):
		m.focus = (m.focus + len(m.items) - 1) % len(m.items)
	case in.Pressed(ebiten.KeyEnter) || in.Pressed(ebiten.KeyNumpadEnter) || in.Pressed(ebiten.KeySpace):
		if it := m.items[m.focus]; it.enabled {
			return it.id, true
		}
	case in.Click && m.hover >= 0:
		m.focus = m.hover
		if it := m.items[m.hover]; it.enabled {
			return it.id, true
		}
	}
	if m.numbered {
		for i := 0; i < len(m.items) && i < 9; i++ {
			if in.Pressed(ebiten.KeyDigit1+ebiten.Key(i)) || in.Pressed(ebiten.KeyNumpad1+ebiten.Key(i)) {
				m.focus = i
				if m.items[i].enabled {
					return m.items[i].id, true
				}
			}
		}
	}
	return "", false
}

// draw draws the items; the focused or hovered one gets a ruled frame and a cinnabar mark.
func (m *menu) draw(a *App, dst *ebiten.Image) {
	s := a.scale
	for i, it := range m.items {
		c := a.pal.Ink
		if !it.enabled {
			c = a.pal.Faded
		}
		y := it.box.y + m.dy
		if (i == m.focus || i == m.hover) && it.enabled {
			fillRect(dst, it.box.x, y, it.box.w, it.box.h, a.pal.PaperShade)
			fillRect(dst, it.box.x, y, 3*s, it.box.h, a.pal.Cinnabar)
		}
		it.text.Draw(dst, it.box.x+8*s, y+8*s, c, nil, -1)
	}
}

// heading lays out a screen's title and returns the y below it.
func heading(a *App, title string) (*Block, float64) {
	s := a.scale
	b := Layout(title, a.fonts.Title, float64(a.w)-80*s, a.fonts.TitleLine, nil)
	return b, 40*s + b.Height + 16*s
}

// footer lays out the key hints at the foot of a screen.
func footer(a *App, hints string) *Block {
	return Layout(hints, a.fonts.Small, float64(a.w)-80*a.scale, a.fonts.SmallLine, nil)
}

func drawFooter(a *App, dst *ebiten.Image, b *Block) {
	s := a.scale
	y := float64(a.h) - b.Height - 14*s
	fillRect(dst, 40*s, y-8*s, float64(a.w)-80*s, 1*s, a.pal.Faded)
	b.Draw(dst, 40*s, y, a.pal.Faded, nil, -1)
}

// escape reports whether the player asked to go back.
func escape(in *Input) bool {
	return in.Pressed(ebiten.KeyEscape) || in.Pressed(ebiten.KeyBackspace)
}
