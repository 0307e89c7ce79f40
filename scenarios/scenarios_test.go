package scenarios_test

import (
	"io/fs"
	"strings"
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
		if e := g.Ending(); e == nil || e.ID != "jingkang" || e.Kind != "historical" {
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

// TestCampaignSize holds the campaign to the size the design asks for: 70 events, 180 choices,
// 8 endings, 40 codex entries and 30,000 words the player reads.
func TestCampaignSize(t *testing.T) {
	c := load(t, "jingkang")
	choices, words := 0, 0
	count := func(texts ...string) {
		for _, s := range texts {
			words += len(strings.Fields(s))
		}
	}
	for _, ev := range c.Events {
		count(ev.Title, ev.Text, ev.History.Happened)
		for _, v := range ev.Variants {
			count(v.Title, v.Text)
		}
		for _, ch := range ev.Choices {
			choices++
			count(ch.Text, ch.Hint, ch.Result)
			for _, o := range ch.Outcomes {
				count(o.Text)
			}
		}
	}
	for _, e := range c.Endings {
		count(e.Title, e.Text, e.History)
	}
	for _, e := range c.Codex {
		count(e.Title, e.Text)
	}
	t.Logf("%d events, %d choices, %d endings, %d codex entries, %d words the player reads", len(c.Events), choices, len(c.Endings), len(c.Codex), words)
	if len(c.Events) < 70 || choices < 180 || len(c.Endings) < 8 || len(c.Codex) < 40 || words < 30000 {
		t.Fatalf("%d events, %d choices, %d endings, %d codex entries, %d words; want at least 70, 180, 8, 40 and 30,000",
			len(c.Events), choices, len(c.Endings), len(c.Codex), words)
	}
	counterfactual := 0
	for _, e := range c.Endings {
		if e.Kind == "counterfactual" {
			counterfactual++
		}
	}
	if f := c.Fallback(); f == nil || f.ID != "jingkang" || f.Kind != "historical" || counterfactual < 7 {
		t.Fatalf("fallback %v and %d counterfactual endings; want jingkang, historical, and at least 7", f, counterfactual)
	}
}
