package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// SettingsKey is the key of the settings document.
const SettingsKey = "settings.json"

// The text sizes.
const (
	TextSmall  = 0
	TextMedium = 1
	TextLarge  = 2
)

// MaxTextSpeed is the fastest text speed that is not instant, in characters per second.
const MaxTextSpeed = 1000

// Settings are the player's choices of how the game looks and runs.
type Settings struct {
	TextSize   int  `json:"text_size"`  // TextSmall, TextMedium or TextLarge
	TextSpeed  int  `json:"text_speed"` // characters per second; 0 shows the text at once
	Fullscreen bool `json:"fullscreen"`
	Night      bool `json:"night"` // the dark theme
}

// DefaultSettings returns the settings of a new player: medium text at 60 characters a
// second, in a window, with the light theme.
func DefaultSettings() Settings {
	return Settings{TextSize: TextMedium, TextSpeed: 60}
}

// Clamp returns the settings with each value brought into its range: the text size to
// TextSmall..TextLarge, the text speed to 0..MaxTextSpeed.
func (s Settings) Clamp() Settings {
	s.TextSize = min(max(s.TextSize, TextSmall), TextLarge)
	s.TextSpeed = min(max(s.TextSpeed, 0), MaxTextSpeed)
	return s
}

// settingsFile is the settings document as written: the settings and the version of its layout.
type settingsFile struct {
	Version int `json:"version"`
	Settings
}

// settingsRead is the settings document as read: each value may be missing (nil), and a
// number is read as a float so that one out of the range of an int is clamped, not an error.
type settingsRead struct {
	TextSize   *float64 `json:"text_size"`
	TextSpeed  *float64 `json:"text_speed"`
	Fullscreen *bool    `json:"fullscreen"`
	Night      *bool    `json:"night"`
}

// clampInt rounds v and brings it into lo..hi.
func clampInt(v float64, lo, hi int) int {
	return int(min(max(math.Round(v), float64(lo)), float64(hi)))
}

// LoadSettings reads the settings from st. When there are none yet it returns
// DefaultSettings and no error. A value that is missing takes its default, a number out of
// range is clamped (a fraction is rounded), and fields it does not know are ignored. When the
// document is damaged it returns DefaultSettings and an error wrapping ErrDamaged for the UI
// to show; the document is left as it is until SaveSettings replaces it.
func LoadSettings(st Store) (Settings, error) {
	data, err := st.Read(SettingsKey)
	if errors.Is(err, ErrNotFound) {
		return DefaultSettings(), nil
	}
	if err != nil {
		return DefaultSettings(), fmt.Errorf("the settings cannot be read; the defaults are used: %w", err)
	}
	var f settingsRead
	if err := json.Unmarshal(data, &f); err != nil {
		return DefaultSettings(), fmt.Errorf("the settings file %s is %w; the defaults are used until a setting is changed: %w", SettingsKey, ErrDamaged, err)
	}
	s := DefaultSettings()
	if f.TextSize != nil {
		s.TextSize = clampInt(*f.TextSize, TextSmall, TextLarge)
	}
	if f.TextSpeed != nil {
		s.TextSpeed = clampInt(*f.TextSpeed, 0, MaxTextSpeed)
	}
	if f.Fullscreen != nil {
		s.Fullscreen = *f.Fullscreen
	}
	if f.Night != nil {
		s.Night = *f.Night
	}
	return s, nil
}

// SaveSettings writes the settings, clamped, to st, replacing what was there.
func SaveSettings(st Store, s Settings) error {
	out, _ := json.MarshalIndent(settingsFile{Version: 1, Settings: s.Clamp()}, "", "  ") // numbers and booleans: cannot fail
	if err := st.Write(SettingsKey, append(out, '\n')); err != nil {
		return fmt.Errorf("saving the settings: %w", err)
	}
	return nil
}
