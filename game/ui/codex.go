package ui

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/store"
	"github.com/hajimehoshi/ebiten/v2"
)

// codexScreen lists the people, places, offices and terms the story has met, and shows one:
// characters, pinyin, dates, a short entry and its source.
type codexScreen struct {
	head    *Block
	menu    menu
	entries []*scenario.CodexEntry
	want    string // the entry to select at the next layout
	detail  []placed
	foot    *Block
	listW   float64
	// The list scrolls inside this band to keep the focused entry in view.
	listTop, listBottom float64
	clip, parent        *ebiten.Image
}

// codexKey is where the entries unlocked are kept, across games.
func codexKey(campaign string) string { return campaign + "-codex.json" }

// unlockCodex unlocks every codex entry that text names, and remembers them.
func (a *App) unlockCodex(text string) {
	if a.codexSeen == nil {
		a.loadCodexSeen()
	}
	changed := false
	for _, l := range a.c.Links(text) {
		if !a.codexSeen[l.Entry.ID] {
			a.codexSeen[l.Entry.ID] = true
			changed = true
		}
	}
	if !changed {
		return
	}
	var ids []string
	for _, e := range a.c.Codex {
		if a.codexSeen[e.ID] {
			ids = append(ids, e.ID)
		}
	}
	data, _ := json.Marshal(ids) // a list of strings cannot fail
	if err := a.st.Write(codexKey(a.c.ID), data); err != nil {
		a.say("The codex could not be saved: %v", err)
	}
}

func (a *App) loadCodexSeen() {
	a.codexSeen = map[string]bool{}
	data, err := a.st.Read(codexKey(a.c.ID))
	if errors.Is(err, store.ErrNotFound) {
		return
	}
	var ids []string
	if err == nil {
		err = json.Unmarshal(data, &ids)
	}
	if err != nil {
		a.say("The codex's record of entries met could not be read (%v); it starts afresh.", err)
		return
	}
	for _, id := range ids {
		a.codexSeen[id] = true
	}
}

// show selects an entry at the next layout.
func (cs *codexScreen) show(id string) { cs.want = id }

func (cs *codexScreen) layout(a *App) {
	s := a.scale
	if a.codexSeen == nil {
		a.loadCodexSeen()
	}
	var y float64
	cs.entries = cs.entries[:0]
	for _, kind := range scenario.CodexKinds {
		for _, e := range a.c.Codex {
			if e.Kind == kind && a.codexSeen[e.ID] {
				cs.entries = append(cs.entries, e)
			}
		}
	}
	cs.head, y = heading(a, "Codex  ·  "+itoa(len(cs.entries))+" of "+itoa(len(a.c.Codex))+" entries met")
	cs.listW = min(320*s, float64(a.w)*0.35)
	var labels, ids []string
	for i, e := range cs.entries {
		labels = append(labels, e.Title+"  "+e.Chars)
		ids = append(ids, e.ID)
		if e.ID == cs.want {
			cs.menu.focus = i
		}
	}
	cs.want = ""
	cs.menu.set(a, labels, ids, nil, 40*s, y, cs.listW)
	cs.foot = footer(a, "↑↓, wheel or click to choose · Esc back")
	cs.listTop, cs.listBottom = y, float64(a.h)-cs.foot.Height-30*s
	cs.parent = nil
	cs.follow()
	cs.layoutDetail(a, y)
}

func (cs *codexScreen) layoutDetail(a *App, top float64) {
	s := a.scale
	cs.detail = cs.detail[:0]
	x := 40*s + cs.listW + 40*s
	w := float64(a.w) - x - 40*s
	y := top
	add := func(text string, f *fontFace, c func(Palette) colorRGBA, gap float64) {
		if text == "" || w < 100*s {
			return
		}
		b := Layout(text, f.face, w, f.line, nil)
		cs.detail = append(cs.detail, placed{b: b, x: x, y: y, color: c})
		y += b.Height + gap
	}
	if len(cs.entries) == 0 {
		add("No entry yet: people, places, offices and terms are entered here as the story names them.", a.face("body"), func(p Palette) colorRGBA { return p.Faded }, 0)
		return
	}
	e := cs.entries[min(cs.menu.focus, len(cs.entries)-1)]
	add(e.Chars, a.face("big"), func(p Palette) colorRGBA { return p.Cinnabar }, 4*s)
	add(e.Title+"  ·  "+e.Pinyin, a.face("title"), func(p Palette) colorRGBA { return p.Ink }, 4*s)
	add(strings.TrimSpace(e.Kind+"  ·  "+e.Dates), a.face("small"), func(p Palette) colorRGBA { return p.Faded }, 12*s)
	add(e.Text, a.face("body"), func(p Palette) colorRGBA { return p.Ink }, 12*s)
	add("Source: "+e.Source, a.face("small"), func(p Palette) colorRGBA { return p.Faded }, 0)
}

func (cs *codexScreen) update(a *App, in *Input) {
	if escape(in) || in.Pressed(ebiten.KeyK) {
		a.close()
		return
	}
	before := cs.menu.focus
	if in.Wheel != 0 && len(cs.menu.items) > 0 {
		n := len(cs.menu.items)
		cs.menu.focus = min(max(cs.menu.focus-int(in.Wheel), 0), n-1)
	}
	cs.menu.update(in)
	cs.follow()
	if cs.menu.focus != before && len(cs.menu.items) > 0 {
		cs.layoutDetail(a, cs.menu.items[0].box.y)
	}
}

func (cs *codexScreen) draw(a *App, dst *ebiten.Image) {
	cs.head.Draw(dst, 40*a.scale, 40*a.scale, a.pal.Ink, nil, -1)
	if cs.parent != dst || cs.clip == nil {
		r := imageRect(0, int(cs.listTop), int(40*a.scale+cs.listW+1), int(cs.listBottom))
		cs.clip = dst.SubImage(r).(*ebiten.Image)
		cs.parent = dst
	}
	cs.menu.draw(a, cs.clip)
	for _, p := range cs.detail {
		p.b.Draw(dst, p.x, p.y, p.color(a.pal), nil, -1)
	}
	drawFooter(a, dst, cs.foot)
}

// follow scrolls the list so that the focused entry is in view.
func (cs *codexScreen) follow() {
	if len(cs.menu.items) == 0 {
		return
	}
	b := cs.menu.items[min(cs.menu.focus, len(cs.menu.items)-1)].box
	switch {
	case b.y+cs.menu.dy < cs.listTop:
		cs.menu.dy = cs.listTop - b.y
	case b.y+b.h+cs.menu.dy > cs.listBottom:
		cs.menu.dy = cs.listBottom - b.y - b.h
	}
}
