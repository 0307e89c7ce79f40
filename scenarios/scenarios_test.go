package scenarios_test

import (
	"io/fs"
	"testing"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/scenarios"
)

func load(t *testing.T, id string) *scenario.Campaign {
	t.Helper()
	c, err := scenario.Load(scenarios.FS, id)
	if err != nil {
		t.Fatalf("the shipped campaign %s does not load:\n%v", id, err)
	}
	return c
}

// TestEveryCampaignLoads checks each folder shipped in the binary.
func TestEveryCampaignLoads(t *testing.T) {
	entries, err := fs.ReadDir(scenarios.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() {
			load(t, e.Name())
			n++
		}
	}
	if n == 0 {
		t.Fatal("no campaign is shipped")
	}
}

// TestHistoricalCourse takes the course history took under many seeds: it must always reach
// the historical ending, with every history note's date on the day of its scene's turn.
func TestHistoricalCourse(t *testing.T) {
	c := load(t, "jingkang")
	for seed := uint64(0); seed < 100; seed++ {
		g := sim.New(c, seed)
		for !g.Over() {
			if err := g.Choose(g.HistoricalChoice()); err != nil {
				t.Fatal(err)
			}
		}
		if g.Err() != nil {
			t.Fatalf("seed %d: %v", seed, g.Err())
		}
		if e := g.Ending(); e == nil || e.ID != "yanshan_falls" || e.Kind != "historical" {
			t.Fatalf("seed %d: the historical course ends in %v", seed, e)
		}
		for _, r := range g.Chronicle() {
			if r.Kind != sim.EventRecord || r.Event.History.Tag != "attested" {
				continue
			}
			if d := r.Event.History.Date; d < r.Day.XunStart() || d > r.Day.XunEnd() {
				t.Errorf("seed %d: attested event %s happened %s but played in the turn of %s", seed, r.Event.ID, d.Short(), r.Day.Short())
			}
		}
	}
}

// TestCampaignSize holds the opening chapter to the size the design asks for.
func TestCampaignSize(t *testing.T) {
	c := load(t, "jingkang")
	choices := 0
	for _, ev := range c.Events {
		choices += len(ev.Choices)
	}
	if len(c.Events) < 15 || choices < 40 || len(c.Endings) < 3 {
		t.Fatalf("%d events, %d choices, %d endings; want at least 15, 40 and 3", len(c.Events), choices, len(c.Endings))
	}
}
