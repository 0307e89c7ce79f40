package ui

import (
	"fmt"
	"image"
	"strconv"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/bianjing1125/bianjing/game/store"
	"github.com/hajimehoshi/ebiten/v2"
)

type savesMode int

const (
	loadMode savesMode = iota
	saveMode
)

// savesScreen lists the autosave and the nine slots, each with its date and scene, to save
// into or load from. A damaged slot says so and is never overwritten without keeping a copy.
// Below the slots, the game can be exported as a text code and a code imported (savecode.go).
type savesScreen struct {
	mode  savesMode
	head  *Block
	menu  menu
	foot  *Block
	slots []store.Slot
	code  codeBox
	// The list scrolls when it is taller than the room between the heading and the footer
	// (large text in a small window): top and bottom are that room, scroll how far it is moved.
	top, bottom, scroll float64
	focused             int // the item kept in view: the list follows the focus when it moves
}

func (ss *savesScreen) layout(a *App) {
	s := a.scale
	title := "Load a game"
	if ss.mode == saveMode {
		title = "Save the game"
	}
	var y float64
	ss.head, y = heading(a, title)
	ss.slots = a.saves.List()
	var labels, ids []string
	var enabled []bool
	for _, sl := range ss.slots {
		name := fmt.Sprintf("Slot %d", sl.N)
		if sl.N == store.Autosave {
			name = "Autosave"
		}
		line := name + "  ·  empty"
		switch {
		case sl.Err != nil:
			line = name + "  ·  damaged: " + sl.Err.Error()
		case !sl.Empty:
			line = name + "  ·  " + sl.Save.Note
		}
		ok := !sl.Empty && sl.Err == nil
		if ss.mode == saveMode {
			ok = sl.N != store.Autosave && a.g != nil
		}
		labels, ids, enabled = append(labels, line), append(ids, strconv.Itoa(sl.N)), append(enabled, ok)
	}
	labels = append(labels, "Export this game as a code", "Import a code")
	ids, enabled = append(ids, exportID, importID), append(enabled, a.g != nil, true)
	ss.menu.set(a, labels, ids, enabled, 40*s, y, min(float64(a.w)-80*s, 900*s))
	ss.foot = footer(a, "Enter or click: "+map[savesMode]string{loadMode: "load", saveMode: "save"}[ss.mode]+" · wheel or arrows to scroll · Esc back")
	ss.top, ss.bottom = y, float64(a.h)-ss.foot.Height-30*s
	ss.focused = -1
	ss.keepInView(a, 0)
	ss.code.layout(a)
}

func (ss *savesScreen) update(a *App, in *Input) {
	if ss.code.kind != noPanel {
		ss.code.update(a, in)
		return
	}
	if escape(in) {
		a.close()
		return
	}
	id, ok := ss.menu.update(in)
	ss.keepInView(a, -in.Wheel*40*a.scale)
	if !ok {
		return
	}
	switch id {
	case exportID:
		ss.code.openExport(a)
		return
	case importID:
		ss.code.openImport(a)
		return
	}
	n, _ := strconv.Atoi(id)
	if ss.mode == loadMode {
		sv, err := a.saves.Get(n)
		if err != nil {
			a.say("%v", err)
			return
		}
		a.loadGame(sv)
		return
	}
	if err := a.saves.Put(n, save.Of(a.g)); err != nil {
		a.say("The game could not be saved: %v", err)
	} else {
		a.say("Saved in slot %d.", n)
	}
	ss.layout(a)
}

// keepInView scrolls the list by d and, when the focus has moved, as little as brings the
// focused item into view.
func (ss *savesScreen) keepInView(a *App, d float64) {
	if len(ss.menu.items) == 0 {
		return
	}
	last := ss.menu.items[len(ss.menu.items)-1].box
	maxScroll := max(0, last.y+last.h-ss.bottom)
	ss.scroll = min(max(ss.scroll+d, 0), maxScroll)
	if ss.menu.focus != ss.focused {
		ss.focused = ss.menu.focus
		f := ss.menu.items[ss.menu.focus].box
		if f.y-ss.scroll < ss.top {
			ss.scroll = f.y - ss.top
		}
		if f.y+f.h-ss.scroll > ss.bottom {
			ss.scroll = f.y + f.h - ss.bottom
		}
		ss.scroll = min(max(ss.scroll, 0), maxScroll)
	}
	ss.menu.dy = -ss.scroll
}

func (ss *savesScreen) draw(a *App, dst *ebiten.Image) {
	ss.head.Draw(dst, 40*a.scale, 40*a.scale, a.pal.Ink, nil, -1)
	b := dst.Bounds()
	list := dst.SubImage(image.Rect(b.Min.X, int(ss.top)-4, b.Max.X, int(ss.bottom))).(*ebiten.Image)
	ss.menu.draw(a, list)
	drawFooter(a, dst, ss.foot)
	ss.code.draw(a, dst)
}
