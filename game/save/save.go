// Package save writes and reads saved games. A save is a small versioned JSON document: the
// campaign's id and version, the seed, the ids of the choices taken and a digest of the story
// told before each of them. Loading replays the choices, so a save made before the campaign
// changed still loads as far as it still fits, and stops where the story it tells is no longer
// the one the player read.
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
// Version 1 had no story; version 2 adds it. Both are read.
const (
	Format  = "bianjing-save"
	Version = 2
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
	// Story is the digest of what the game told, four hex digits before each choice and four
	// after the last (see Story); "" in saves of version 1, which did not record it.
	Story string `json:"story,omitempty"`
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
		Story: Story(g), Note: note(g),
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
	if s.Story != "" {
		if _, ok := storySteps(s.Story, len(s.Choices)); !ok || s.Version < 2 {
			return s, fmt.Errorf("save story is not %d hex digits for %d choices", stepDigits*(len(s.Choices)+1), len(s.Choices))
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

// Stop says where a replay could not follow the saved game, and why: a choice that no longer
// fits, or a story that is no longer the one the save recorded. Index is the index in the save's
// choices of the first one not taken; when it is len(choices), Choice is "" and every choice was
// taken, but what was told after the last one (or, in a save without a story, anything) may
// differ from what the player read.
type Stop struct {
	Index  int
	Choice string
	Reason string
}

// Error describes the stop for the player.
func (s *Stop) Error() string {
	if s.Choice == "" {
		return "the save was replayed to its end, but " + s.Reason
	}
	return fmt.Sprintf("the save was replayed up to choice %d of its log (%s): %s", s.Index+1, s.Choice, s.Reason)
}

// Replay starts a new game of c with the save's seed and takes its choices in order. When the
// campaign has changed since the save was made, it stops before the first choice that no longer
// fits, or before the first decision reached by a story other than the one the save recorded,
// and returns the game so far, waiting at that decision, with a Stop saying where and why. A save
// of version 1 records no story: made with another version of the campaign, it replays as far as
// its choices fit and its Stop says the story may differ. A save of another campaign is an error.
func Replay(c *scenario.Campaign, s Save) (*sim.Game, *Stop, error) {
	if s.Campaign != c.ID {
		return nil, nil, fmt.Errorf("save is of campaign %q, not %q", s.Campaign, c.ID)
	}
	versions := ""
	if s.CampaignVersion != c.Version {
		versions = fmt.Sprintf(" (the save was made with version %d of the campaign; this is version %d)", s.CampaignVersion, c.Version)
	}
	var check storyCheck
	if s.Story != "" {
		check.steps, _ = storySteps(s.Story, len(s.Choices))
	}
	g := sim.New(c, s.Seed)
	for i, id := range s.Choices {
		var reason string
		switch {
		case g.Err() != nil:
			reason = "the game stopped: " + g.Err().Error()
		case g.Ending() != nil:
			reason = "the game had already ended (" + g.Ending().ID + ")"
		case check.differs(g, i):
			reason = "the scenes told before this decision are no longer the ones the save recorded; play goes on from here"
		default:
			if err := g.Choose(id); err != nil {
				reason = err.Error()
			}
		}
		if reason != "" {
			return g, &Stop{Index: i, Choice: id, Reason: reason + versions}, nil
		}
	}
	n := len(s.Choices)
	switch {
	case check.steps != nil && check.differs(g, n):
		return g, &Stop{Index: n, Choice: "", Reason: "what is told after the last choice is no longer what the save recorded" + versions}, nil
	case check.steps == nil && versions != "":
		return g, &Stop{Index: n, Choice: "", Reason: "the save does not record the story it told, and the campaign has changed since: the story may differ from what was read" + versions}, nil
	}
	return g, nil, nil
}
