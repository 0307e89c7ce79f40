package sim

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bianjing1125/bianjing/game/scenario"
)

func loadWar(t testing.TB) *scenario.Campaign {
	t.Helper()
	c, err := scenario.Load(os.DirFS("testdata"), "war")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// warLines returns the war records of g as "DAY LINE".
func warLines(g *Game) []string {
	var out []string
	for _, r := range g.Chronicle() {
		if r.Kind == WarRecord {
			out = append(out, r.Day.Short()+" "+r.WarLine())
		}
	}
	return out
}

func TestWar(t *testing.T) {
	march := []string{
		"Xuanhe 7/12/2 The raiding band sets out from North.",
		"Xuanhe 7/12/4 The raiding band takes Village.", // no holds: taken on arrival, 100 li at 50 a day
		"Xuanhe 7/12/5 The raiding band passes Town.",   // pass: true
		"Xuanhe 7/12/7 The raiding band besieges Fort.",
	}
	tests := []struct {
		name    string
		choices []string
		after   []string // war lines after the march
		fort    string
		ending  string
	}{
		// walls 20, times a chance between 0.8 and 1.2: the fort holds 16 to 24 days.
		{"siege runs its course", []string{"they_come", "hold_on"}, []string{
			"Jingkang 1/1/2 The raiding band takes Fort.",
			"Jingkang 1/1/4 The raiding band besieges City.",
		}, "jin", "winter_ends"},
		// The siege length is re-read as the world changes: walls 60 hold about three times as long.
		{"mended walls hold longer", []string{"they_come", "mend_walls"}, []string{
			"Jingkang 1/2/19 The raiding band takes Fort.",
			"Jingkang 1/2/21 The raiding band besieges City.",
		}, "jin", "winter_ends"},
		{"handed over, the army moves on", []string{"they_come", "hand_over"}, []string{
			"Xuanhe 7/12/8 The raiding band enters Fort.",
			"Xuanhe 7/12/10 The raiding band besieges City.",
		}, "jin", "winter_ends"},
		{"relieved, the army goes home", []string{"they_come", "relieve"}, []string{
			"Xuanhe 7/12/8 The raiding band lifts the siege of Fort.",
			"Xuanhe 7/12/8 The raiding band turns for home from Fort.",
			"Xuanhe 7/12/13 The raiding band is gone home.",     // 250 li back at 50 a day
			"Xuanhe 7/12/13 The raiding band has left Village.", // what it took goes back to the Song
		}, "song", "raiders_gone"},
		{"peace lifts the siege", []string{"they_come", "make_peace"}, []string{
			"Xuanhe 7/12/8 The raiding band turns for home from Fort.",
			"Xuanhe 7/12/13 The raiding band is gone home.",
			"Xuanhe 7/12/13 The raiding band has left Village.",
		}, "song", "raiders_gone"},
	}
	c := loadWar(t)
	fort, _ := c.Lookup("fort")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := New(c, 1)
			for _, id := range tc.choices {
				if err := g.Choose(id); err != nil {
					t.Fatalf("choose %s: %v", id, err)
				}
			}
			want := append(slices.Clone(march), tc.after...)
			if got := warLines(g); !slices.Equal(got, want) {
				t.Errorf("war:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if got := g.Holder(c.Places[fort.Index]); got != tc.fort {
				t.Errorf("fort held by %s, want %s", got, tc.fort)
			}
			if g.Ending() == nil || g.Ending().ID != tc.ending {
				t.Errorf("ending %v, want %s", g.Ending(), tc.ending)
			}
		})
	}
}

func TestWarWaitsForItsCondition(t *testing.T) {
	c := loadWar(t)
	g := New(c, 1)
	if err := g.Choose("they_stay"); err != nil {
		t.Fatal(err)
	}
	if lines := warLines(g); len(lines) != 0 {
		t.Errorf("the army moved without its march condition: %v", lines)
	}
	if v := g.ArmyAt(c.Armies[0]); v.State != scenario.ArmyWaiting || v.At != "north" {
		t.Errorf("army %+v, want waiting at north", v)
	}
}

// TestNewsAfterTheFact checks that an event reporting a fall is set on the day of the fall, not
// on an earlier day of its window.
func TestNewsAfterTheFact(t *testing.T) {
	c := loadWar(t)
	g := New(c, 1)
	for _, id := range []string{"they_come", "hold_on"} {
		if err := g.Choose(id); err != nil {
			t.Fatal(err)
		}
	}
	fell := ""
	for _, r := range g.Chronicle() {
		if r.Kind == WarRecord && r.War == Takes && r.Place.ID == "fort" {
			fell = r.Day.Short()
		}
		if r.Kind == EventRecord && r.Event.ID == "fort_falls" {
			if got := r.Day.Short(); fell == "" || got != fell {
				t.Errorf("fort_falls told on %s; the fort fell on %q", got, fell)
			}
			return
		}
	}
	t.Error("fort_falls never fired")
}

func TestWarSameSeedSameGame(t *testing.T) {
	c := loadWar(t)
	for seed := uint64(1); seed <= 20; seed++ {
		a, b := New(c, seed), New(c, seed)
		for _, g := range []*Game{a, b} {
			for _, id := range []string{"they_come", "hold_on"} {
				if err := g.Choose(id); err != nil {
					t.Fatal(err)
				}
			}
		}
		if string(a.Snapshot()) != string(b.Snapshot()) {
			t.Fatalf("seed %d: two games differ", seed)
		}
	}
}

// TestDailyCondition checks that an event reading an army's days fires on the day its condition
// comes true, though nothing else in the world changes that day.
func TestDailyCondition(t *testing.T) {
	c := loadWar(t)
	g := New(c, 1)
	for _, id := range []string{"they_come", "hold_on"} {
		if err := g.Choose(id); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range g.Chronicle() {
		if r.Kind == EventRecord && r.Event.ID == "third_day" {
			if got := r.Day.Short(); got != "Xuanhe 7/12/10" { // the siege began on 12/7
				t.Errorf("third_day told on %s, want Xuanhe 7/12/10", got)
			}
			return
		}
	}
	t.Error("third_day never fired")
}

// TestRestartIsNew checks that a game restarted in the memory of another plays exactly as a new
// game with the same seed.
func TestRestartIsNew(t *testing.T) {
	mini, err := scenario.Load(os.DirFS("testdata"), "mini")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*scenario.Campaign{loadWar(t), mini} {
		var reused *Game
		for seed := uint64(1); seed <= 12; seed++ {
			fresh := New(c, seed)
			if reused == nil {
				reused = New(c, 99)
			}
			reused.Restart(seed)
			for _, g := range []*Game{fresh, reused} {
				for k := 0; !g.Over(); k++ {
					var open []string
					for _, o := range g.Options() {
						if o.Enabled {
							open = append(open, o.Choice.ID)
						}
					}
					if err := g.Choose(open[(k+int(seed))%len(open)]); err != nil {
						t.Fatal(err)
					}
				}
			}
			if a, b := string(fresh.Snapshot()), string(reused.Snapshot()); a != b {
				t.Fatalf("%s seed %d: a restarted game differs from a new one", c.ID, seed)
			}
		}
	}
}
