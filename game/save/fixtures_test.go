package save_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/scenarios"
)

const fixtureDir = "testdata/fixtures"

// fixture is a row of the fixtures' README: a save players may have, and where it stood.
type fixture struct {
	file    string
	seed    uint64
	choices int
	waiting string // an event id, or "ended: ENDING"
}

// readFixtures reads the table of testdata/fixtures/README.md.
func readFixtures(t *testing.T) []fixture {
	t.Helper()
	f, err := os.Open(filepath.Join(fixtureDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixture
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(strings.Trim(strings.TrimSpace(sc.Text()), "|"), "|")
		if len(cells) != 4 || !strings.HasSuffix(strings.TrimSpace(cells[0]), ".json") {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		seed, err1 := strconv.ParseUint(cells[1], 10, 64)
		n, err2 := strconv.Atoi(cells[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("README row %q: seed and choices must be numbers", sc.Text())
		}
		out = append(out, fixture{cells[0], seed, n, cells[3]})
	}
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, fx := range out {
		listed[fx.file] = true
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") && !listed[e.Name()] {
			t.Errorf("fixture %s is not in the README's table", e.Name())
		}
	}
	return out
}

// where says where a game stands, as the README writes it.
func where(g *sim.Game) string {
	switch {
	case g.Ending() != nil:
		return "ended: " + g.Ending().ID
	case g.Pending() != nil:
		return g.Pending().ID
	case g.Err() != nil:
		return "error: " + g.Err().Error()
	}
	return "nowhere"
}

// TestFixtures loads every save of testdata/fixtures with the campaign as it is now. Each
// either replays whole to the state its README row gives, or stops at a named choice (or after
// the last) with a reason; and play goes on from there to an ending. A save that replays whole
// to another state without a word is a silently different game.
func TestFixtures(t *testing.T) {
	c, err := scenario.Load(scenarios.FS, "jingkang")
	if err != nil {
		t.Fatal(err)
	}
	fixtures := readFixtures(t)
	if len(fixtures) < 5 {
		t.Fatalf("%d fixtures in the README; want at least 5", len(fixtures))
	}
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			s, err := save.ReadFile(filepath.Join(fixtureDir, fx.file))
			if err != nil {
				t.Fatal(err)
			}
			if s.Seed != fx.seed || len(s.Choices) != fx.choices {
				t.Fatalf("the save has seed %d and %d choices; the README says %d and %d", s.Seed, len(s.Choices), fx.seed, fx.choices)
			}
			g, stop, err := save.Replay(c, s)
			if err != nil {
				t.Fatalf("the save no longer loads: %v", err)
			}
			switch {
			case stop == nil:
				if got := where(g); got != fx.waiting || len(g.Log()) != fx.choices {
					t.Fatalf("the save replays whole, without a word, to another game: %s after %d choices, where it was saved at %s after %d; "+
						"bump the campaign's version (docs/scenario-format.md, Versions and saves)", got, len(g.Log()), fx.waiting, fx.choices)
				}
			case stop.Reason == "":
				t.Fatalf("the replay stopped at choice %d without a reason", stop.Index+1)
			case stop.Choice != "" && (stop.Choice != s.Choices[stop.Index] || len(g.Log()) != stop.Index):
				t.Fatalf("stop %+v does not name the choice it stopped at (log %d long)", stop, len(g.Log()))
			default:
				t.Logf("%s: %v", fx.file, stop)
			}
			playOn(t, g)
		})
	}
}

// playOn plays g to an ending by the historical course, failing the test if it cannot.
func playOn(t *testing.T, g *sim.Game) {
	t.Helper()
	for steps := 0; !g.Over(); steps++ {
		id := g.HistoricalChoice()
		if id == "" || steps > 1000 {
			t.Fatalf("play cannot go on at %s", where(g))
		}
		if err := g.Choose(id); err != nil {
			t.Fatalf("play cannot go on: %v", err)
		}
	}
	if g.Err() != nil || g.Ending() == nil {
		t.Fatalf("play stopped: %v", g.Err())
	}
}
