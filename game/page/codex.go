package page

import "github.com/bianjing1125/bianjing/game/scenario"

// EntryFacts is the line under a codex entry's name: its kind, and its dates when it has
// them ("person  ·  1083–1140", or "place" alone).
func EntryFacts(e *scenario.CodexEntry) string {
	if e.Dates == "" {
		return e.Kind
	}
	return e.Kind + "  ·  " + e.Dates
}
