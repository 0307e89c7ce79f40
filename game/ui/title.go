package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
)

// titleScreen offers a new game, continue, load, settings, the codex, the endings and quit.
type titleScreen struct {
	name, chars, role *Block
	menu              menu
	top               float64
}

func (t *titleScreen) layout(a *App) {
	s := a.scale
	width := min(float64(a.w)-80*s, 640*s)
	x := (float64(a.w) - width) / 2
	t.name = Layout(a.c.Title, a.fonts.Big, width, a.fonts.BigLine, nil)
	t.chars = Layout("汴京 · 宣和七年", a.fonts.Title, width, a.fonts.TitleLine, nil)
	t.role = Layout(a.c.Role, a.fonts.Small, width, a.fonts.SmallLine, nil)
	_, hasSave := a.saves.Latest()
	labels := []string{"New game", "Continue", "Load a save", "Settings", "Codex", "Endings found", "Quit"}
	ids := []string{"new", "continue", "load", "settings", "codex", "gallery", "quit"}
	enabled := []bool{true, hasSave, true, true, true, true, true}
	t.top = max(40*s, (float64(a.h)-(t.name.Height+t.chars.Height+t.role.Height+7*a.fonts.BodyLine*1.6))/2)
	y := t.top + t.name.Height + t.chars.Height + 12*s + t.role.Height + 24*s
	t.menu.set(a, labels, ids, enabled, x, y, width*0.6)
}

func (t *titleScreen) update(a *App, in *Input) {
	id, ok := t.menu.update(in)
	if !ok {
		return
	}
	switch id {
	case "new":
		a.newGame(0)
		a.open(AudienceScreen)
	case "continue":
		if slot, ok := a.saves.Latest(); ok {
			a.loadGame(slot.Save)
		}
	case "load":
		a.screens[SavesScreen].(*savesScreen).mode = loadMode
		a.open(SavesScreen)
	case "settings":
		a.open(SettingsScreen)
	case "codex":
		a.open(CodexScreen)
	case "gallery":
		a.open(GalleryScreen)
	case "quit":
		a.quit = true
	}
}

func (t *titleScreen) draw(a *App, dst *ebiten.Image) {
	s := a.scale
	width := min(float64(a.w)-80*s, 640*s)
	x := (float64(a.w) - width) / 2
	y := t.top
	t.name.Draw(dst, x, y, a.pal.Ink, nil, -1)
	y += t.name.Height
	t.chars.Draw(dst, x, y, a.pal.Cinnabar, nil, -1)
	y += t.chars.Height + 12*s
	t.role.Draw(dst, x, y, a.pal.Faded, nil, -1)
	t.menu.draw(a, dst)
}
