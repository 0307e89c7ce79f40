//go:build !js

package ui

// What the code panel says on the desktop, where Ebiten offers no clipboard.
const (
	codeWhere    = "It is also printed in the terminal the game was started from."
	codeTypeHint = "Type the code: spaces and line breaks in it do not matter."
)

// openPage returns the page around the game: on the desktop there is none.
func openPage() pageView { return nil }
