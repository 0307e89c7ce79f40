package ui

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"
)

// settingsScreen sets the text size, the text speed, window or fullscreen and the theme; the
// choices are kept in the store and remembered between runs.
type settingsScreen struct {
	head *Block
	menu menu
	foot *Block
}

var (
	sizeNames = [3]string{"small", "medium", "large"}
	speeds    = []int{30, 60, 120, 0}
)

func speedName(v int) string {
	if v <= 0 {
		return "instant"
	}
	return fmt.Sprintf("%d characters a second", v)
}

func (st *settingsScreen) layout(a *App) {
	s := a.scale
	var y float64
	st.head, y = heading(a, "Settings")
	set := a.settings
	window := "window"
	if set.Fullscreen {
		window = "fullscreen"
	}
	theme := "paper (day)"
	if set.Night {
		theme = "lamplight (night)"
	}
	labels := []string{
		"Text size: " + sizeNames[min(max(set.TextSize, 0), 2)],
		"Text speed: " + speedName(set.TextSpeed),
		"Display: " + window,
		"Theme: " + theme,
		"Back",
	}
	st.menu.set(a, labels, []string{"size", "speed", "window", "theme", "back"}, nil, 40*s, y, min(float64(a.w)-80*s, 640*s))
	st.foot = footer(a, "Enter or click to change · Esc back")
}

func (st *settingsScreen) update(a *App, in *Input) {
	if escape(in) {
		a.close()
		return
	}
	id, ok := st.menu.update(in)
	if !ok {
		return
	}
	set := &a.settings
	switch id {
	case "size":
		set.TextSize = (set.TextSize + 1) % 3
	case "speed":
		next := speeds[0]
		for i, v := range speeds {
			if v == set.TextSpeed {
				next = speeds[(i+1)%len(speeds)]
			}
		}
		set.TextSpeed = next
	case "window":
		set.Fullscreen = !set.Fullscreen
		if !a.opts.Scripted {
			ebiten.SetFullscreen(set.Fullscreen)
		}
	case "theme":
		set.Night = !set.Night
	case "back":
		a.close()
		return
	}
	*set = set.Clamp()
	a.storeSettings()
	focus := st.menu.focus
	a.relayout()
	st.menu.focus = focus
}

func (st *settingsScreen) draw(a *App, dst *ebiten.Image) {
	st.head.Draw(dst, 40*a.scale, 40*a.scale, a.pal.Ink, nil, -1)
	st.menu.draw(a, dst)
	drawFooter(a, dst, st.foot)
}
