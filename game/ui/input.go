package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Input is what the player did in one tick. The window reads it from Ebiten; tests script it,
// so the same code answers a real player and a synthetic one.
type Input struct {
	Keys    []ebiten.Key // pressed this tick
	X, Y    int          // the cursor, in device pixels
	Click   bool         // the primary button or a touch was released this tick
	Wheel   float64      // vertical wheel movement, positive away from the player
	Chars   []rune       // typed characters
	Pick    string       // a menu item's id to choose as a click would (the browser's reader mirror)
	touches []ebiten.TouchID
}

// Pressed reports whether k was pressed this tick.
func (in *Input) Pressed(k ebiten.Key) bool {
	for _, p := range in.Keys {
		if p == k {
			return true
		}
	}
	return false
}

// Any reports whether any key was pressed or the pointer clicked.
func (in *Input) Any() bool { return len(in.Keys) > 0 || in.Click }

// readInput fills in from Ebiten, reusing its slices so a tick allocates nothing.
func readInput(in *Input, scale float64) {
	in.Keys = inpututil.AppendJustPressedKeys(in.Keys[:0])
	x, y := ebiten.CursorPosition()
	in.X, in.Y = int(float64(x)*scale), int(float64(y)*scale)
	in.Click = inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft)
	in.touches = inpututil.AppendJustReleasedTouchIDs(in.touches[:0])
	if len(in.touches) > 0 {
		tx, ty := inpututil.TouchPositionInPreviousTick(in.touches[0])
		in.X, in.Y = int(float64(tx)*scale), int(float64(ty)*scale)
		in.Click = true
	}
	_, wy := ebiten.Wheel()
	in.Wheel = wy
	in.Chars = ebiten.AppendInputChars(in.Chars[:0])
}
