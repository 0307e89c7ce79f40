package ui

import (
	"image"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/rivo/uniseg"
)

// Span gives a part of a text (byte offsets) its own colour and, for a link, a target.
type Span struct {
	Start, End int
	Color      color.RGBA // zero: the block's colour
	Link       string
	Underline  bool
}

// Block is text shaped and wrapped once, by the Unicode line-breaking rules, into positioned
// glyphs; drawing it, or any prefix of it for the reveal, allocates nothing.
type Block struct {
	source string // the text laid out
	glyphs []placedGlyph
	links  []linkBox
	lines  []float64 // baseline-independent top of each line
	Width  float64
	Height float64
	rules  []rule // underlines
}

type placedGlyph struct {
	img  *ebiten.Image
	x, y float64
	span int // index into spans, or -1
}

type linkBox struct {
	rect image.Rectangle
	id   string
}

type rule struct {
	x0, x1, y float64
	span      int
	last      int // the glyph index after which it appears
}

// Layout shapes s in face, wrapped to width, with lineHeight between baselines. Blank lines
// separate paragraphs, which get half a line more between them.
func Layout(s string, face text.Face, width, lineHeight float64, spans []Span) *Block {
	b := &Block{source: s}
	y := 0.0
	m := face.Metrics()
	ascent := (lineHeight - (m.HAscent + m.HDescent)) / 2
	var line strings.Builder
	lineStart := 0
	flush := func(end int) {
		seg := line.String()
		trim := strings.TrimRight(seg, " \n")
		b.addLine(trim, lineStart, face, y+ascent, spans)
		if w := text.Advance(trim, face); w > b.Width {
			b.Width = w
		}
		b.lines = append(b.lines, y)
		y += lineHeight
		line.Reset()
		lineStart = end
	}
	state := -1
	rest := s
	pos := 0
	lineWidth := 0.0
	for len(rest) > 0 {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		trimmed := strings.TrimRight(seg, " \n")
		w := text.Advance(trimmed, face)
		if line.Len() > 0 && lineWidth+w > width {
			flush(pos)
			lineWidth = 0
		}
		line.WriteString(seg)
		lineWidth += text.Advance(seg, face)
		pos += len(seg)
		if must && len(rest) > 0 {
			flush(pos)
			lineWidth = 0
			if strings.HasPrefix(rest, "\n") { // a blank line: a new paragraph
				for strings.HasPrefix(rest, "\n") {
					rest = rest[1:]
					pos++
				}
				lineStart = pos
				y += lineHeight / 2
				state = -1
			}
		}
	}
	if line.Len() > 0 {
		flush(pos)
	}
	b.Height = y
	return b
}

// addLine lays out one line, whose first byte is at offset in the whole text.
func (b *Block) addLine(s string, offset int, face text.Face, top float64, spans []Span) {
	var op text.LayoutOptions
	gs := text.AppendGlyphs(nil, s, face, &op)
	for _, g := range gs {
		span := -1
		at := offset + g.StartIndexInBytes
		for i, sp := range spans {
			if at >= sp.Start && at < sp.End {
				span = i
			}
		}
		if g.Image == nil {
			continue
		}
		b.glyphs = append(b.glyphs, placedGlyph{img: g.Image, x: g.X, y: top + g.Y, span: span})
	}
	// Link boxes and underlines, one per span part on this line.
	m := face.Metrics()
	for i, sp := range spans {
		s0, s1 := max(sp.Start-offset, 0), min(sp.End-offset, len(s))
		if s0 >= s1 || (sp.Link == "" && !sp.Underline) {
			continue
		}
		x0 := text.Advance(s[:s0], face)
		x1 := text.Advance(s[:s1], face)
		base := top + m.HAscent
		if sp.Link != "" {
			b.links = append(b.links, linkBox{rect: image.Rect(int(x0), int(top), int(x1), int(base+m.HDescent)), id: sp.Link})
		}
		if sp.Underline {
			b.rules = append(b.rules, rule{x0: x0, x1: x1, y: base + m.HDescent*0.35, span: i, last: len(b.glyphs)})
		}
	}
}

// Glyphs returns how many glyphs the block draws: the reveal counts in these.
func (b *Block) Glyphs() int { return len(b.glyphs) }

// drawOptions is reused by every draw, so drawing allocates nothing.
var drawOptions ebiten.DrawImageOptions

// Draw draws the first n glyphs (all when n < 0) at x, y in clr; spans keep their own colours.
func (b *Block) Draw(dst *ebiten.Image, x, y float64, clr color.RGBA, spans []Span, n int) {
	if n < 0 || n > len(b.glyphs) {
		n = len(b.glyphs)
	}
	for _, g := range b.glyphs[:n] {
		c := clr
		if g.span >= 0 && g.span < len(spans) && spans[g.span].Color.A != 0 {
			c = spans[g.span].Color
		}
		drawOptions.GeoM.Reset()
		drawOptions.GeoM.Translate(x+g.x, y+g.y)
		drawOptions.ColorScale.Reset()
		scaleBy(&drawOptions.ColorScale, c)
		dst.DrawImage(g.img, &drawOptions)
	}
	for _, r := range b.rules {
		if r.last > n {
			continue
		}
		c := clr
		if r.span < len(spans) && spans[r.span].Color.A != 0 {
			c = spans[r.span].Color
		}
		fillRect(dst, x+r.x0, y+r.y, r.x1-r.x0, 1, c)
	}
}

// LinkAt returns the link under the point (px, py), relative to the block's origin.
func (b *Block) LinkAt(px, py int) (string, bool) {
	for _, l := range b.links {
		if image.Pt(px, py).In(l.rect) {
			return l.id, true
		}
	}
	return "", false
}
