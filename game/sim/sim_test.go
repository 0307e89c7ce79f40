package sim_test

import (
	"os"
	"strings"
	"testing"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

func loadMini(t testing.TB) *scenario.Campaign {
	t.Helper()
	c, err := scenario.Load(os.DirFS("testdata"), "mini")
	if err != nil {
		t.Fatalf("loading the test campaign:\n%v", err)
	}
	return c
}

func play(t *testing.T, c *scenario.Campaign, seed uint64, choices ...string) *sim.Game {
	t.Helper()
	g := sim.New(c, seed)
	for _, id := range choices {
		if err := g.Choose(id); err != nil {
			t.Fatalf("choose %s: %v", id, err)
		}
	}
	return g
}

func TestPaths(t *testing.T) {
	c := loadMini(t)
	tests := []struct {
		name    string
		seed    uint64
		choices []string
		ending  string
	}{
		{"historical", 1, []string{"send_quietly", "let_him_go"}, "yanshan_lost"},
		{"quiet without the report", 1, []string{"send_quietly", "let_him_go"}, "yanshan_lost"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := play(t, c, tt.seed, tt.choices...)
			if g.Ending() == nil || g.Ending().ID != tt.ending {
				t.Fatalf("ending = %v, want %s (err %v, pending %v)", g.Ending(), tt.ending, g.Err(), g.Pending())
			}
		})
	}
}

func TestWarnCourtDependsOnChance(t *testing.T) {
	c := loadMini(t)
	endings := map[string]int{}
	for seed := uint64(0); seed < 200; seed++ {
		g := play(t, c, seed, "warn_court")
		if g.Pending() == nil {
			t.Fatalf("seed %d: no decision after warn_court (ending %v, err %v)", seed, g.Ending(), g.Err())
		}
		var ids []string
		for _, o := range g.Options() {
			ids = append(ids, o.Choice.ID)
		}
		last := "let_him_go"
		if len(ids) == 2 {
			last = "beg_him_stay"
		}
		if err := g.Choose(last); err != nil {
			t.Fatal(err)
		}
		endings[g.Ending().ID]++
	}
	if endings["hebei_holds"] == 0 || endings["yanshan_lost"] == 0 {
		t.Fatalf("endings over 200 seeds = %v; want both hebei_holds and yanshan_lost", endings)
	}
}

func TestDisabledChoiceShowsReason(t *testing.T) {
	g := sim.New(loadMini(t), 1)
	var found bool
	for _, o := range g.Options() {
		if o.Choice.ID == "bribe" {
			found = true
			if o.Enabled || o.Reason != "The treasury cannot spare it." {
				t.Fatalf("bribe: enabled %v, reason %q", o.Enabled, o.Reason)
			}
		}
	}
	if !found {
		t.Fatal("bribe is not listed")
	}
	if err := g.Choose("bribe"); err == nil || !strings.Contains(err.Error(), "treasury") {
		t.Fatalf("choosing a closed choice: err = %v", err)
	}
}

func TestLedgerSaysWhy(t *testing.T) {
	g := play(t, loadMini(t), 1, "send_quietly")
	l := g.Ledger()
	if len(l) == 0 || l[0].Quantity != "trust" || l[0].From != 50 || l[0].To != 52 || l[0].Choice != "send_quietly" {
		t.Fatalf("ledger = %+v", l)
	}
}

func TestSameSeedSameGame(t *testing.T) {
	c := loadMini(t)
	a := play(t, c, 7, "warn_court")
	b := play(t, c, 7, "warn_court")
	if string(a.Snapshot()) != string(b.Snapshot()) {
		t.Fatal("two games with the same seed and choices differ")
	}
}
