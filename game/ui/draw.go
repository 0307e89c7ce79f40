package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// whitePixel is the source of every filled rectangle: scaling one pixel allocates nothing.
var whitePixel = func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(imageRect(1, 1, 2, 2)).(*ebiten.Image)
}()

var rectOptions ebiten.DrawImageOptions

// fillRect fills a rectangle with a colour.
func fillRect(dst *ebiten.Image, x, y, w, h float64, c color.RGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	rectOptions.GeoM.Reset()
	rectOptions.GeoM.Scale(w, h)
	rectOptions.GeoM.Translate(x, y)
	rectOptions.ColorScale.Reset()
	scaleBy(&rectOptions.ColorScale, c)
	dst.DrawImage(whitePixel, &rectOptions)
}

// strokeRect draws a rectangle's outline of width t.
func strokeRect(dst *ebiten.Image, x, y, w, h, t float64, c color.RGBA) {
	fillRect(dst, x, y, w, t, c)
	fillRect(dst, x, y+h-t, w, t, c)
	fillRect(dst, x, y, t, h, c)
	fillRect(dst, x+w-t, y, t, h, c)
}

// seal draws the small cinnabar seal that marks the chosen line.
func seal(dst *ebiten.Image, x, y, size float64, c color.RGBA) {
	fillRect(dst, x, y, size, size, c)
	inner := size * 0.18
	fillRect(dst, x+inner, y+inner, size-2*inner, size*0.08, color.RGBA{0xF2, 0xE8, 0xD5, 0xff})
	fillRect(dst, x+inner, y+size/2-size*0.04, size-2*inner, size*0.08, color.RGBA{0xF2, 0xE8, 0xD5, 0xff})
	fillRect(dst, x+size/2-size*0.04, y+inner, size*0.08, size-2*inner, color.RGBA{0xF2, 0xE8, 0xD5, 0xff})
}

// paperTexture makes the faint fibres of rice paper, procedurally and once per size.
func paperTexture(w, h int, p Palette, seed uint32) *ebiten.Image {
	img := ebiten.NewImage(max(w, 1), max(h, 1))
	img.Fill(p.Paper)
	s := seed | 1
	next := func() float64 {
		s ^= s << 13
		s ^= s >> 17
		s ^= s << 5
		return float64(s%10000) / 10000
	}
	fibre := color.NRGBA{R: p.PaperShade.R, G: p.PaperShade.G, B: p.PaperShade.B, A: 0x90}
	n := w * h / 900
	for i := 0; i < n; i++ {
		x, y := next()*float64(w), next()*float64(h)
		a := next() * math.Pi
		l := 6 + next()*22
		vector.StrokeLine(img, float32(x), float32(y), float32(x+math.Cos(a)*l), float32(y+math.Sin(a)*l*0.3), 1, fibre, true)
	}
	return img
}

// scaleBy scales by a premultiplied colour without boxing it in an interface, which would
// allocate on every glyph.
func scaleBy(cs *ebiten.ColorScale, c color.RGBA) {
	cs.Scale(float32(c.R)/0xff, float32(c.G)/0xff, float32(c.B)/0xff, float32(c.A)/0xff)
}
