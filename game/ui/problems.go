package ui

import (
	"errors"
	"fmt"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/hajimehoshi/ebiten/v2"
)

// maxProblemsShown bounds the problems laid out on screen; the count of the rest is given.
const maxProblemsShown = 200

// problemsScreen lists why the watched campaign folder does not load (Options.Watch), each
// problem as FILE:LINE:COL: message with the position in cinnabar, scrolled with the wheel,
// the arrows and PgUp/PgDn, until the author's fix loads. The game in progress is kept: Escape
// plays on with the last campaign that loaded.
type problemsScreen struct {
	scrollView
	head, sub, foot *Block
	lines           []placed
}

// problemLines gives each problem of a failed load as a line, and the length of its position.
func problemLines(err error) (lines []string, posLen []int) {
	var ps scenario.Problems
	if !errors.As(err, &ps) {
		return []string{err.Error()}, []int{0}
	}
	for _, p := range ps {
		pos := fmt.Sprintf("%s:%d:%d", p.Pos.File, p.Pos.Line, p.Pos.Col)
		lines, posLen = append(lines, pos+": "+p.Message), append(posLen, len(pos))
	}
	return lines, posLen
}

// problemsSummary says how many problems there are and what becomes of the game.
func (a *App) problemsSummary(n int) string {
	count := "1 problem"
	if n != 1 {
		count = fmt.Sprintf("%d problems", n)
	}
	dir := ""
	if a.live != nil {
		dir = a.live.dir
	}
	s := fmt.Sprintf("%s in %s. ", count, dir)
	switch {
	case a.c == nil:
		return s + "Fix the files and save them: the game opens as soon as they load."
	case a.g != nil:
		choices := "its choices are"
		if k := len(a.g.Log()); k == 1 {
			choices = "its one choice is"
		} else if k > 1 {
			choices = fmt.Sprintf("its %d choices are", k)
		}
		return s + "Your game is kept: fix the files and save them, and " + choices + " replayed on them as soon as they load."
	}
	return s + "Fix the files and save them: they are read again as soon as they load."
}

func (ps *problemsScreen) layout(a *App) {
	s := a.scale
	var top float64
	ps.head, top = heading(a, "The campaign does not load")
	w := min(float64(a.w)-80*s, 1100*s)
	lines, posLen := []string(nil), []int(nil)
	if a.problems != nil {
		lines, posLen = problemLines(a.problems)
	}
	ps.sub = Layout(a.problemsSummary(len(lines)), a.fonts.Small, w, a.fonts.SmallLine, nil)
	top += ps.sub.Height + 18*s
	hints := "Wheel, ↑↓ or PgUp/PgDn scroll"
	if a.live != nil {
		hints = "Watching " + a.live.dir + " · " + hints
	}
	if a.c != nil {
		hints += " · Esc: play on with the last version that loaded"
	}
	ps.foot = footer(a, hints)
	ps.area = box{40 * s, top, w, float64(a.h) - top - ps.foot.Height - 30*s}
	ps.parent = nil
	ps.lines = ps.lines[:0]
	y := 0.0
	for i, l := range lines {
		if i == maxProblemsShown {
			more := fmt.Sprintf("… and %d more: go run ./cmd/scenario validate lists them all.", len(lines)-i)
			b := Layout(more, a.fonts.Small, w, a.fonts.SmallLine, nil)
			ps.lines = append(ps.lines, placed{b: b, x: ps.area.x, y: y, color: func(p Palette) colorRGBA { return p.Faded }})
			y += b.Height
			break
		}
		var spans []Span
		if posLen[i] > 0 {
			spans = []Span{{Start: 0, End: posLen[i], Color: a.pal.Cinnabar}}
		}
		b := Layout(l, a.fonts.Body, w-16*s, a.fonts.BodyLine, spans)
		ps.lines = append(ps.lines, placed{b: b, x: ps.area.x + 16*s, y: y, spans: spans, color: func(p Palette) colorRGBA { return p.Ink }})
		y += b.Height + 10*s
	}
	ps.height = y
	ps.scroll = min(ps.scroll, max(0, ps.height-ps.area.h))
}

func (ps *problemsScreen) update(a *App, in *Input) {
	if escape(in) && a.c != nil {
		ret := a.beforeProblems
		if ret == "" || ret == ProblemsScreen {
			ret = TitleScreen
		}
		a.show(ret)
		return
	}
	ps.scrollView.update(a, in)
}

func (ps *problemsScreen) draw(a *App, dst *ebiten.Image) {
	s := a.scale
	ps.head.Draw(dst, 40*s, 40*s, a.pal.Ink, nil, -1)
	ps.sub.Draw(dst, 40*s, 40*s+ps.head.Height+8*s, a.pal.Faded, nil, -1)
	fillRect(dst, 40*s, ps.area.y-9*s, ps.area.w, 1*s, a.pal.Faded)
	clip := ps.clipTo(a, dst)
	for _, p := range ps.lines {
		y, ok := ps.visible(p.y, p.b.Height)
		if !ok {
			continue
		}
		if len(p.spans) > 0 {
			fillRect(clip, ps.area.x, y+a.fonts.BodyLine/2-3*s, 6*s, 6*s, a.pal.Cinnabar)
		}
		p.b.Draw(clip, p.x, y, p.color(a.pal), p.spans, -1)
	}
	if ps.height > ps.area.h {
		frac := ps.area.h / ps.height
		barH := ps.area.h * frac
		barY := ps.area.y + (ps.area.h-barH)*ps.scroll/max(1, ps.height-ps.area.h)
		fillRect(dst, ps.area.x+ps.area.w+14*s, barY, 2*s, barH, a.pal.Faded)
	}
	drawFooter(a, dst, ps.foot)
}

// drawStale marks, at the top right of any other screen, that the files on disk do not load
// and the game plays on with the last version that did.
func (a *App) drawStale(dst *ebiten.Image) {
	s := a.scale
	if a.staleMark == nil {
		a.staleMark = Layout("The files on disk do not load  ·  P shows why", a.fonts.Small, float64(a.w)/2, a.fonts.SmallLine, nil)
	}
	b := a.staleMark
	x := float64(a.w) - b.Width - 48*s
	fillRect(dst, x-8*s, 4*s, b.Width+16*s, b.Height+4*s, a.pal.PaperShade)
	fillRect(dst, x-8*s, 4*s, 3*s, b.Height+4*s, a.pal.Cinnabar)
	b.Draw(dst, x, 6*s, a.pal.Cinnabar, nil, -1)
}
