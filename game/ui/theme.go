package ui

import (
	"bytes"
	"fmt"
	"image/color"

	"github.com/bianjing1125/bianjing/assets"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// Palette is the look of a court archive in ink (docs: ART.md): warm paper, black ink, one red.
type Palette struct {
	Paper, PaperShade, Ink, Faded, Cinnabar, Jade, Iron color.RGBA
}

// Day and Night are the two palettes.
var (
	Day = Palette{
		Paper: rgb(0xF2E8D5), PaperShade: rgb(0xE6D9BF), Ink: rgb(0x1F1B16), Faded: rgb(0x6E6455),
		Cinnabar: rgb(0xB0322A), Jade: rgb(0x4F7A68), Iron: rgb(0x3B4A5A),
	}
	Night = Palette{
		Paper: rgb(0x1E1B17), PaperShade: rgb(0x2A2620), Ink: rgb(0xE8DEC9), Faded: rgb(0xA89D8A),
		Cinnabar: rgb(0xD9574C), Jade: rgb(0x7FB39B), Iron: rgb(0x8FA3B8),
	}
)

func rgb(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// fontSources are parsed once per process.
var fontSources struct {
	latin, cjk *text.GoTextFaceSource
}

func loadFontSources() error {
	if fontSources.latin != nil {
		return nil
	}
	latin, err := text.NewGoTextFaceSource(bytes.NewReader(assets.SerifLatin))
	if err != nil {
		return fmt.Errorf("loading the Latin font: %w", err)
	}
	cjk, err := text.NewGoTextFaceSource(bytes.NewReader(assets.SerifCJK))
	if err != nil {
		return fmt.Errorf("loading the Chinese font: %w", err)
	}
	fontSources.latin, fontSources.cjk = latin, cjk
	return nil
}

// Fonts are the faces at one text size and device scale.
type Fonts struct {
	Body, Small, Title, Big text.Face
	BodyLine, SmallLine     float64 // line heights in device pixels
	TitleLine, BigLine      float64
}

// textSizes are the body sizes for the text-size setting, in logical pixels.
var textSizes = [3]float64{17, 20, 24}

// fontCache keeps one set of faces per text size and scale: Ebiten caches glyph images per face
// for the life of the process, so making new faces at every change would grow without end.
var fontCache = map[[2]float64]Fonts{}

func newFonts(size int, scale float64) Fonts {
	key := [2]float64{float64(size), scale}
	if f, ok := fontCache[key]; ok {
		return f
	}
	f := makeFonts(size, scale)
	fontCache[key] = f
	return f
}

func makeFonts(size int, scale float64) Fonts {
	body := textSizes[min(max(size, 0), 2)] * scale
	face := func(px float64) text.Face {
		f, err := text.NewMultiFace(
			&text.GoTextFace{Source: fontSources.latin, Size: px},
			&text.GoTextFace{Source: fontSources.cjk, Size: px * 0.92},
		)
		if err != nil {
			// Only happens with no faces at all, which cannot be the case here.
			panic(err)
		}
		return f
	}
	return Fonts{
		Body: face(body), Small: face(body * 0.8), Title: face(body * 1.35), Big: face(body * 2.2),
		BodyLine: body * 1.45, SmallLine: body * 0.8 * 1.4, TitleLine: body * 1.35 * 1.3, BigLine: body * 2.2 * 1.2,
	}
}

// fontFace is a face with its line height.
type fontFace struct {
	face text.Face
	line float64
}

// face returns one of the App's faces by name: body, small, title or big.
func (a *App) face(name string) *fontFace {
	f := &a.faces
	switch name {
	case "small":
		return &f[1]
	case "title":
		return &f[2]
	case "big":
		return &f[3]
	}
	return &f[0]
}
