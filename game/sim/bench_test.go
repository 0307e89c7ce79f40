package sim_test

import (
	"math/rand/v2"
	"testing"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/scenarios"
)

// loadShipped loads the first campaign shipped with the game.
func loadShipped(tb testing.TB) *scenario.Campaign {
	tb.Helper()
	entries, err := scenarios.FS.ReadDir(".")
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			c, err := scenario.Load(scenarios.FS, e.Name())
			if err != nil {
				tb.Fatal(err)
			}
			return c
		}
	}
	tb.Fatal("no campaign is shipped")
	return nil
}

// playRandomly plays a whole game, taking a random enabled choice at every decision.
func playRandomly(c *scenario.Campaign, seed uint64) *sim.Game {
	pick := rand.New(rand.NewPCG(seed, 1))
	g := sim.New(c, seed)
	for !g.Over() {
		var open []string
		for _, o := range g.Options() {
			if o.Enabled {
				open = append(open, o.Choice.ID)
			}
		}
		if err := g.Choose(open[pick.IntN(len(open))]); err != nil {
			panic(err)
		}
	}
	return g
}

func TestRandomPlaysEnd(t *testing.T) {
	c := loadShipped(t)
	for seed := uint64(0); seed < 300; seed++ {
		g := playRandomly(c, seed)
		if g.Err() != nil {
			t.Fatalf("seed %d: %v", seed, g.Err())
		}
		if g.Ending() == nil {
			t.Fatalf("seed %d: no ending", seed)
		}
	}
}

// BenchmarkLoad measures loading and validating the shipped campaign.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadShipped(b)
	}
}

// BenchmarkPlaythrough measures one whole seeded game with random choices.
func BenchmarkPlaythrough(b *testing.B) {
	c := loadShipped(b)
	b.ReportAllocs()
	seed := uint64(0)
	for b.Loop() {
		seed++
		playRandomly(c, seed)
	}
}
