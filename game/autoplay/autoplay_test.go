package autoplay_test

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bianjing1125/bianjing/game/autoplay"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/scenarios"
)

func loadShipped(tb testing.TB) *scenario.Campaign {
	tb.Helper()
	c, err := scenario.Load(scenarios.FS, "jingkang")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func TestRunDeterministic(t *testing.T) {
	c := loadShipped(t)
	for _, s := range autoplay.Strategies {
		a := autoplay.Run(c, autoplay.Config{Runs: 40, Seed: 3, Strategy: s, Workers: 1})
		b := autoplay.Run(c, autoplay.Config{Runs: 40, Seed: 3, Strategy: s, Workers: 4})
		a.Slowest, b.Slowest = autoplay.Slowest{}, autoplay.Slowest{}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: one worker and four give different reports", s)
		}
		if len(a.Errors) > 0 {
			t.Errorf("%s: %v", s, a.Errors)
		}
	}
}

func TestExploreSmall(t *testing.T) {
	c := loadShipped(t)
	x := autoplay.Explore(c, []uint64{1}, 200)
	if x.Replays > 200 || x.States == 0 || len(x.Endings) == 0 {
		t.Fatalf("replays %d, states %d, endings %d", x.Replays, x.States, len(x.Endings))
	}
}

// BenchmarkAutoplay measures whole games on one core, in the memory of the last game, as
// autoplay plays them; it reports games per second. Random games often end in 1125 (the median
// is 31 turns); historical ones run to the spring of 1127 (about 77 turns).
func BenchmarkAutoplay(b *testing.B) {
	c := loadShipped(b)
	for _, s := range []autoplay.Strategy{autoplay.Random, autoplay.Historical} {
		b.Run(string(s), func(b *testing.B) {
			b.ReportAllocs()
			seed := uint64(0)
			start := time.Now()
			var g *sim.Game
			for b.Loop() {
				seed++
				g = autoplay.PlayOn(g, c, seed, s)
			}
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "games/s")
		})
	}
}

// A text that contradicts the game fails explore and autoplay, with a path that replays it.
func TestBrokenAssumptions(t *testing.T) {
	c, err := scenario.Load(os.DirFS("../sim/testdata"), "memory")
	if err != nil {
		t.Fatal(err)
	}
	x := autoplay.Explore(c, []uint64{1}, 100)
	const claim = `memory/events.yaml:41:17: assumes "chosen(keep_quiet)", which does not hold when event aftermath is told`
	p := x.Broken[claim]
	if p == nil || len(x.Broken) != 1 {
		t.Fatalf("broken = %v, want only %s", x.Broken, claim)
	}
	g := sim.New(c, p.Seed)
	for _, m := range p.Choices {
		id, outcome := autoplay.SplitMove(m)
		if err := g.ChooseOutcome(id, outcome); err != nil {
			t.Fatal(err)
		}
	}
	if len(g.Broken()) == 0 || g.Broken()[0].Claim() != claim {
		t.Fatalf("replaying %v breaks %v", p.Choices, g.Broken())
	}
	r := autoplay.Run(c, autoplay.Config{Runs: 20, Seed: 1, Strategy: autoplay.Random, Workers: 1})
	if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Err, claim) || !strings.Contains(r.Errors[0].Err, "replay: scenario play --seed ") {
		t.Fatalf("autoplay errors: %v", r.Errors)
	}
}
