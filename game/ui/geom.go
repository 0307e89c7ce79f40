package ui

import (
	"image"
	"image/color"
	"strconv"
)

func imageRect(x0, y0, x1, y1 int) image.Rectangle { return image.Rect(x0, y0, x1, y1) }

// box is a rectangle in device pixels.
type box struct{ x, y, w, h float64 }

func (b box) contains(px, py int) bool {
	x, y := float64(px), float64(py)
	return x >= b.x && x < b.x+b.w && y >= b.y && y < b.y+b.h
}

// colorRGBA is the colour type the palettes use.
type colorRGBA = color.RGBA

func itoa(n int) string { return strconv.Itoa(n) }
