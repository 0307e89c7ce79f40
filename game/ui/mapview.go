package ui

import (
	"image/color"
	"math"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// mapScreen is the north as an ink sketch: the Taihang range, the Yellow River's course of 1125,
// the canals, each place with its name in both scripts in the colour of its holder, and the
// Jin armies' routes with each army where it is and what it is doing (an army that has not set
// out is only a faint line). It is drawn from the
// campaign's map data and the game's state once when opened, not every frame.
type mapScreen struct {
	img  *ebiten.Image
	at   box
	head *Block
	foot *Block
}

// The part of the world the map shows, in degrees.
const (
	mapWest, mapEast   = 110.4, 120.4
	mapSouth, mapNorth = 34.2, 41.0
)

func (ms *mapScreen) layout(a *App) {
	s := a.scale
	var top float64
	ms.head, top = heading(a, "The north  ·  河北河東")
	ms.foot = footer(a, "Jade: held by the Song · cinnabar: besieged · iron: taken by the Jin · lines: the Jin armies' routes · Esc back")
	availW, availH := float64(a.w)-80*s, float64(a.h)-top-ms.foot.Height-40*s
	// Keep the degrees square at the map's middle latitude.
	aspect := (mapEast - mapWest) * math.Cos((mapNorth+mapSouth)/2*math.Pi/180) / (mapNorth - mapSouth)
	w, h := availW, availW/aspect
	if h > availH {
		h, w = availH, availH*aspect
	}
	ms.at = box{(float64(a.w) - w) / 2, top, max(w, 1), max(h, 1)}
	if ms.img != nil {
		ms.img.Deallocate()
	}
	ms.img = ebiten.NewImage(int(ms.at.w), int(ms.at.h))
	ms.render(a)
}

// project turns a point into pixels on the map image.
func (ms *mapScreen) project(p scenario.Point) (float32, float32) {
	x := (p.Lon - mapWest) / (mapEast - mapWest) * ms.at.w
	y := (mapNorth - p.Lat) / (mapNorth - mapSouth) * ms.at.h
	return float32(x), float32(y)
}

func (ms *mapScreen) render(a *App) {
	s := float32(a.scale)
	img := ms.img
	b := img.Bounds()
	strokeRect(img, 0, 0, float64(b.Dx()), float64(b.Dy()), float64(s), a.pal.Faded)
	for _, f := range a.c.Map {
		switch f.Kind {
		case "route":
			continue
		case "mountains":
			ms.mountains(img, f.Points, a.pal.Faded, s)
		default:
			width := 1.5 * s
			c := a.pal.Iron
			if f.Kind == "river" {
				width, c = 3.5*s, a.pal.PaperShade
				ms.line(img, f.Points, width+2*s, a.pal.Faded)
			}
			if f.Kind == "canal" {
				width = 1.5 * s
				c = a.pal.Faded
			}
			ms.line(img, f.Points, width, c)
		}
		if len(f.Points) > 0 {
			mid := f.Points[len(f.Points)/2]
			x, y := ms.project(mid)
			label := Layout(f.Label, a.fonts.Small, 220*float64(s), a.fonts.SmallLine, nil)
			label.Draw(img, float64(x)+6*float64(s), float64(y)+4*float64(s), a.pal.Faded, nil, -1)
		}
	}
	for _, f := range a.c.Map {
		if f.Kind == "route" {
			ms.route(a, img, f, s)
		}
	}
	legendY := 10 * float64(s)
	for _, army := range a.c.Armies {
		if line := ms.army(a, img, army, s); line != "" {
			label := Layout(line, a.fonts.Small, ms.at.w/2, a.fonts.SmallLine, nil)
			label.Draw(img, 12*float64(s), legendY, a.pal.Iron, nil, -1)
			legendY += label.Height + 2*float64(s)
		}
	}
	for _, p := range a.c.Places {
		if !p.Located {
			continue
		}
		x, y := ms.project(p.At)
		c := a.pal.Jade
		switch holder(a, p) {
		case "jin":
			c = a.pal.Iron
		case "contested":
			c = a.pal.Cinnabar
		}
		size := 9 * s
		vector.DrawFilledRect(img, x-size/2, y-size/2, size, size, c, true)
		if p.Defence != nil && holder(a, p) == "contested" {
			vector.StrokeCircle(img, x, y, 14*s, 2*s, a.pal.Cinnabar, true)
		}
		name := Layout(p.Name+" "+p.Chars, a.fonts.Small, 300*float64(s), a.fonts.SmallLine, nil)
		name.Draw(img, float64(x+8*s), float64(y-4*s)-a.fonts.SmallLine/2, a.pal.Ink, nil, -1)
	}
}

func (ms *mapScreen) line(img *ebiten.Image, pts []scenario.Point, width float32, c color.Color) {
	var path vector.Path
	for i, p := range pts {
		x, y := ms.project(p)
		if i == 0 {
			path.MoveTo(x, y)
		} else {
			path.LineTo(x, y)
		}
	}
	strokePath(img, &path, width, c)
}

// mountains draws a range as a line of small ink peaks.
func (ms *mapScreen) mountains(img *ebiten.Image, pts []scenario.Point, c color.Color, s float32) {
	for i := 0; i+1 < len(pts); i++ {
		x0, y0 := ms.project(pts[i])
		x1, y1 := ms.project(pts[i+1])
		d := float32(math.Hypot(float64(x1-x0), float64(y1-y0)))
		n := int(d / (14 * s))
		for k := 0; k < n; k++ {
			t := (float32(k) + 0.5) / float32(n)
			x, y := x0+(x1-x0)*t, y0+(y1-y0)*t
			var path vector.Path
			path.MoveTo(x-6*s, y+4*s)
			path.LineTo(x, y-5*s)
			path.LineTo(x+6*s, y+4*s)
			strokePath(img, &path, 1.5*s, c)
		}
	}
}

// route draws a Jin army's route through its places, solid as far as the army has come.
func (ms *mapScreen) route(a *App, img *ebiten.Image, f *scenario.Feature, s float32) {
	reached := 0
	for i, p := range f.Through {
		if holder(a, p) == "jin" || holder(a, p) == "contested" {
			reached = i
		}
	}
	c := a.pal.Iron
	if f.Side == "song" {
		c = a.pal.Jade
	}
	for i := 0; i+1 < len(f.Through); i++ {
		p, q := f.Through[i], f.Through[i+1]
		x0, y0 := ms.project(p.At)
		x1, y1 := ms.project(q.At)
		width := 1.2 * s
		if i < reached {
			width = 3.5 * s
		}
		var path vector.Path
		path.MoveTo(x0, y0)
		path.LineTo(x1, y1)
		strokePath(img, &path, width, c)
		if i == reached || i+1 == len(f.Through)-1 {
			ms.arrow(img, x0, y0, x1, y1, c, s)
		}
	}
	x, y := ms.project(f.Through[reached].At)
	vector.StrokeCircle(img, x, y, 10*s, 2.5*s, a.pal.Iron, true)
	label := Layout(f.Label, a.fonts.Small, 240*float64(s), a.fonts.SmallLine, nil)
	label.Draw(img, float64(x)-label.Width-12*float64(s), float64(y)+10*float64(s), c, nil, -1)
}

// army draws a Jin army's route from its start through its stops, solid as far as it has come,
// with the army marked where it is, and returns a line for the legend saying what it is doing.
// An army that has not set out is a faint line, and has no line in the legend.
func (ms *mapScreen) army(a *App, img *ebiten.Image, army *scenario.Army, s float32) string {
	if a.g == nil {
		return ""
	}
	v := a.g.ArmyAt(army)
	places := []*scenario.Place{army.Start}
	for _, st := range army.Route {
		places = append(places, st.Place)
	}
	reached := 0
	for i, p := range places {
		if p != nil && p.ID == v.At {
			reached = i
		}
	}
	c := a.pal.Iron
	if v.State == scenario.ArmyGone || v.State == scenario.ArmyWaiting {
		c = a.pal.Faded
	}
	prev := -1
	for i, p := range places {
		if p == nil || !p.Located {
			continue
		}
		if prev >= 0 {
			x0, y0 := ms.project(places[prev].At)
			x1, y1 := ms.project(p.At)
			width := 1.2 * s
			if i <= reached {
				width = 3.5 * s
			}
			var path vector.Path
			path.MoveTo(x0, y0)
			path.LineTo(x1, y1)
			strokePath(img, &path, width, c)
			if i == reached+1 {
				ms.arrow(img, x0, y0, x1, y1, c, s)
			}
		}
		prev = i
	}
	at := places[reached]
	if at == nil || !at.Located || v.State == scenario.ArmyWaiting {
		return ""
	}
	x, y := ms.project(at.At)
	vector.StrokeCircle(img, x, y, 10*s, 2.5*s, c, true)
	return army.Name + ": " + v.State + ", " + map[bool]string{true: "at", false: "by"}[v.State != scenario.ArmyMarching] + " " + at.Name
}

func (ms *mapScreen) arrow(img *ebiten.Image, x0, y0, x1, y1 float32, c color.Color, s float32) {
	a := math.Atan2(float64(y1-y0), float64(x1-x0))
	mx, my := (x0+x1)/2, (y0+y1)/2
	l := float64(10 * s)
	var path vector.Path
	path.MoveTo(mx+float32(math.Cos(a+2.6)*l), my+float32(math.Sin(a+2.6)*l))
	path.LineTo(mx, my)
	path.LineTo(mx+float32(math.Cos(a-2.6)*l), my+float32(math.Sin(a-2.6)*l))
	strokePath(img, &path, 2*s, c)
}

func strokePath(dst *ebiten.Image, path *vector.Path, width float32, c color.Color) {
	vs, is := path.AppendVerticesAndIndicesForStroke(nil, nil, &vector.StrokeOptions{Width: width, LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound})
	r, g, b, al := c.RGBA()
	for i := range vs {
		vs[i].SrcX, vs[i].SrcY = 1, 1
		vs[i].ColorR, vs[i].ColorG, vs[i].ColorB, vs[i].ColorA = float32(r)/0xffff, float32(g)/0xffff, float32(b)/0xffff, float32(al)/0xffff
	}
	dst.DrawTriangles(vs, is, whitePixel, &ebiten.DrawTrianglesOptions{AntiAlias: true})
}

func (ms *mapScreen) update(a *App, in *Input) {
	if escape(in) || in.Pressed(ebiten.KeyM) {
		a.close()
	}
}

func (ms *mapScreen) draw(a *App, dst *ebiten.Image) {
	s := a.scale
	ms.head.Draw(dst, 40*s, 40*s, a.pal.Ink, nil, -1)
	var op ebiten.DrawImageOptions
	op.GeoM.Translate(ms.at.x, ms.at.y)
	dst.DrawImage(ms.img, &op)
	drawFooter(a, dst, ms.foot)
}

// holder is who holds a place now, or at the start when no game is being played.
func holder(a *App, p *scenario.Place) string {
	if a.g == nil {
		return p.Holder
	}
	return a.g.Holder(p)
}
