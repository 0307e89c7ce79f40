// Package save writes and reads saved games. A save is a small versioned JSON document: the
// campaign's id and version, the seed and the ids of the choices taken. Loading replays the
// choices, so a save made before the campaign changed still loads as far as it still fits.
package save

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

// Format names the document; Version is the version of its layout that this code writes.
const (
	Format  = "bianjing-save"
	Version = 1
)

// Limits on what a save file may hold.
const (
	MaxSize    = 1 << 20
	MaxChoices = 10_000
	maxIDLen   = 200
	maxNoteLen = 1000
)

// Save is a saved game.
type Save struct {
	Format          string   `json:"format"`
	Version         int      `json:"version"`
	Campaign        string   `json:"campaign"`
	CampaignVersion int      `json:"campaign_version"`
	Seed            uint64   `json:"seed"`
	Choices         []string `json:"choices"`
	// Note is a line for a list of saves (the date and the scene); replay never reads it.
	Note string `json:"note,omitempty"`
}

// Of returns the save of a game as it stands.
func Of(g *sim.Game) Save {
	c := g.Campaign()
	return Save{
		Format: Format, Version: Version,
		Campaign: c.ID, CampaignVersion: c.Version,
		Seed: g.Seed(), Choices: append([]string{}, g.Log()...),
		Note: note(g),
	}
}

// note describes where a game stands: its date and its scene or ending.
func note(g *sim.Game) string {
	where := ""
	switch {
	case g.Ending() != nil:
		where = "Ended: " + g.Ending().Title
	case g.Pending() != nil:
		where = g.Pending().Title
	}
	return strings.TrimSuffix(g.Today().Short()+" — "+where, " — ")
}

// Encode returns the save as indented JSON ending in a newline.
func (s Save) Encode() []byte {
	out, _ := json.MarshalIndent(s, "", "  ") // strings and numbers only: cannot fail
	return append(out, '\n')
}

// Decode reads a save document, checking its format, version and size. It never panics,
// whatever the input.
func Decode(data []byte) (Save, error) {
	var s Save
	if len(data) > MaxSize {
		return s, fmt.Errorf("save is %d bytes; a save is at most %d", len(data), MaxSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return s, errors.New("save is empty or cut short")
		}
		return s, fmt.Errorf("save is not a valid save document: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return s, errors.New("save has data after its end")
	}
	switch {
	case s.Format != Format:
		return s, fmt.Errorf("not a Bianjing save (format %q)", s.Format)
	case s.Version < 1 || s.Version > Version:
		return s, fmt.Errorf("save version %d is not one this game reads (1 to %d)", s.Version, Version)
	case s.Campaign == "":
		return s, errors.New("save names no campaign")
	case len(s.Note) > maxNoteLen:
		return s, fmt.Errorf("save note is %d bytes; at most %d", len(s.Note), maxNoteLen)
	case len(s.Choices) > MaxChoices:
		return s, fmt.Errorf("save holds %d choices; at most %d", len(s.Choices), MaxChoices)
	}
	for i, id := range s.Choices {
		if id == "" || len(id) > maxIDLen || strings.ContainsAny(id, "\x00\n") {
			return s, fmt.Errorf("save choice %d is not a choice id", i+1)
		}
	}
	return s, nil
}

// ReadFile reads and decodes a save file. It only reads: a file it cannot load is left as it is.
func ReadFile(path string) (Save, error) {
	f, err := os.Open(path)
	if err != nil {
		return Save{}, fmt.Errorf("opening save: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return Save{}, fmt.Errorf("reading save %s: %w", path, err)
	}
	s, err := Decode(data)
	if err != nil {
		return s, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// WriteFile writes the save atomically: to a temporary file in the same folder, then renamed
// over path, so a crash never leaves half a save.
func WriteFile(path string, s Save) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing save: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(s.Encode()); err != nil {
		tmp.Close()
		return fmt.Errorf("writing save: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing save: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing save: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing save: %w", err)
	}
	return nil
}

// Stop says where a replay could not follow the saved choices, and why.
type Stop struct {
	Index  int    // index in the save's choices of the first one not taken
	Choice string // its id
	Reason string
}

// Error describes the stop for the player.
func (s *Stop) Error() string {
	return fmt.Sprintf("the save was replayed up to choice %d of its log (%s): %s", s.Index+1, s.Choice, s.Reason)
}

// Replay starts a new game of c with the save's seed and takes its choices in order. When the
// campaign has changed since the save was made and a choice no longer fits, it stops there and
// returns the game so far with a Stop saying where and why. A save of another campaign is an error.
func Replay(c *scenario.Campaign, s Save) (*sim.Game, *Stop, error) {
	if s.Campaign != c.ID {
		return nil, nil, fmt.Errorf("save is of campaign %q, not %q", s.Campaign, c.ID)
	}
	g := sim.New(c, s.Seed)
	for i, id := range s.Choices {
		var reason string
		switch {
		case g.Err() != nil:
			reason = "the game stopped: " + g.Err().Error()
		case g.Ending() != nil:
			reason = "the game had already ended (" + g.Ending().ID + ")"
		default:
			if err := g.Choose(id); err != nil {
				reason = err.Error()
			}
		}
		if reason != "" {
			if s.CampaignVersion != c.Version {
				reason += fmt.Sprintf(" (the save was made with version %d of the campaign; this is version %d)", s.CampaignVersion, c.Version)
			}
			return g, &Stop{Index: i, Choice: id, Reason: reason}, nil
		}
	}
	return g, nil, nil
}
