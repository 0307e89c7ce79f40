//go:build !js

package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// Default returns where the game keeps its documents: on the desktop, the folder
// bianjing1125 in the user's configuration folder (os.UserConfigDir: ~/.config on Linux,
// ~/Library/Application Support on macOS, %AppData% on Windows). The folder is created on the
// first write. The error says why there is no such folder; the game may then use Memory.
func Default() (Store, error) {
	config, err := os.UserConfigDir()
	if err != nil {
		return nil, fmt.Errorf("store: no folder for the game's files: %w", err)
	}
	return Dir(filepath.Join(config, AppName)), nil
}
