package sim

import (
	"encoding/json"
	"fmt"
)

// snapshot is the whole state of a game in a stable order, for comparing two games exactly.
type snapshot struct {
	Campaign string      `json:"campaign"`
	Version  int         `json:"version"`
	Seed     uint64      `json:"seed"`
	RNG      string      `json:"rng"`
	Turn     int         `json:"turn"`
	Today    string      `json:"today"`
	World    []namedItem `json:"world"`
	WarDay   string      `json:"war_day"`
	Armies   []armyItem  `json:"armies,omitempty"`
	Fired    []string    `json:"fired"`
	Memory   []string    `json:"memory,omitempty"` // what expressions may recall: "chosen(x)", "days_since(y)@12"
	Pending  string      `json:"pending,omitempty"`
	Ending   string      `json:"ending,omitempty"`
	Log      []string    `json:"log"`
	Ledger   []Entry     `json:"ledger"`
}

type armyItem struct {
	ID     string  `json:"id"`
	State  string  `json:"state"`
	At     string  `json:"at"`
	Stop   int     `json:"stop"`
	Li     int     `json:"li"`
	Days   int     `json:"days"`
	Factor float64 `json:"factor"`
}

type namedItem struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// Snapshot returns the whole state of the game as JSON: two games in the same state give the
// same bytes. It is for tests and bug reports; saves hold only the seed and the choices.
func (g *Game) Snapshot() []byte {
	rng, _ := g.pcg.MarshalBinary()
	s := snapshot{
		Campaign: g.c.ID, Version: g.c.Version, Seed: g.seed, RNG: fmt.Sprintf("%x", rng),
		Turn: g.turn, Today: g.today.Short(), Log: g.log, Ledger: g.ledger,
	}
	if len(s.Log) == 0 {
		s.Log = nil // an empty log is the same state whatever its memory
	}
	if len(s.Ledger) == 0 {
		s.Ledger = nil
	}
	for i, q := range g.c.Quantities {
		s.World = append(s.World, namedItem{q.ID, g.quantities[i]})
	}
	for i, f := range g.c.Flags {
		s.World = append(s.World, namedItem{f.ID, g.flags[i]})
	}
	for i, p := range g.c.People {
		s.World = append(s.World, namedItem{p.ID, g.people[i]})
	}
	for i, p := range g.c.Places {
		s.World = append(s.World, namedItem{p.ID, g.places[i]})
	}
	s.WarDay = g.warDay.Short()
	for i, a := range g.c.Armies {
		r := g.armies[i]
		s.Armies = append(s.Armies, armyItem{ID: a.ID, State: r.state, At: g.ArmyAt(a).At, Stop: r.stop, Li: r.li, Days: r.days, Factor: r.factor})
	}
	for i, ev := range g.c.Events {
		if g.fired[i] {
			s.Fired = append(s.Fired, ev.ID)
		}
	}
	for _, r := range g.c.Recalls() {
		if g.env[r.Key] == true {
			s.Memory = append(s.Memory, r.Key)
		}
	}
	for _, sn := range g.since {
		s.Memory = append(s.Memory, fmt.Sprintf("%s@%d", sn.key, sn.days))
	}
	if g.pending != nil {
		s.Pending = g.pending.ID
	}
	if g.ending != nil {
		s.Ending = g.ending.ID
	}
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		// Every field is a plain value; failing here is a programming error.
		panic(fmt.Sprintf("sim: snapshot: %v", err))
	}
	return out
}
