package sim

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bianjing1125/bianjing/game/scenario"
)

// told lists the events a game told, as "id day: text".
func told(g *Game) []string {
	var out []string
	for _, r := range g.Chronicle() {
		if r.Kind == EventRecord {
			out = append(out, r.Event.ID+" "+r.Day.Short()+": "+r.Text)
		}
	}
	return out
}

func TestMemory(t *testing.T) {
	c, err := scenario.Load(os.DirFS("testdata"), "memory")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		move string
		want []string
	}{
		{"keep_quiet", []string{
			"council Jingkang 1/1/2: Speak or not?",
			"aftermath Jingkang 1/1/5: Nobody mentions the council.",
			"echo Jingkang 1/1/14: Twelve days on.",
		}},
		{"speak#0", []string{
			"council Jingkang 1/1/2: Speak or not?",
			"remembered Jingkang 1/1/2: They remember you spoke.",
			"aftermath Jingkang 1/1/5: Your words are repeated, even approved.",
			"echo Jingkang 1/1/14: Twelve days on, they still quote you.",
		}},
		{"speak#1", []string{
			"council Jingkang 1/1/2: Speak or not?",
			"remembered Jingkang 1/1/2: They remember you spoke.",
			"aftermath Jingkang 1/1/5: Your words are repeated.",
			"echo Jingkang 1/1/14: Twelve days on.",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.move, func(t *testing.T) {
			g := New(c, 1)
			id, n, _ := strings.Cut(tc.move, "#")
			outcome := -1
			if n != "" {
				outcome = int(n[0] - '0')
			}
			if err := g.ChooseOutcome(id, outcome); err != nil {
				t.Fatal(err)
			}
			if g.Err() != nil {
				t.Fatal(g.Err())
			}
			got := told(g)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("told:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			// The aftermath's text assumes the player kept quiet.
			broken := ""
			for _, b := range g.Broken() {
				broken += b.String() + "\n"
			}
			if want := strings.HasPrefix(tc.move, "speak"); want != (broken != "") ||
				(want && (!strings.Contains(broken, `assumes "chosen(keep_quiet)", which does not hold when event aftermath is told (Jingkang 1/1/5)`) ||
					!strings.Contains(broken, "memory/events.yaml:41:17:") || g.Broken()[0].Log != 1)) {
				t.Errorf("broken assumptions:\n%s", broken)
			}
			// The memory is part of the state: a restarted game forgets it.
			snap := string(g.Snapshot())
			if !strings.Contains(snap, `"days_since(council)@1"`) {
				t.Errorf("snapshot lacks the day council was seen:\n%s", snap)
			}
			g.Restart(1)
			if got, want := string(g.Snapshot()), string(New(c, 1).Snapshot()); got != want {
				t.Errorf("a restarted game remembers the last:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// Reading days_since of an event not yet fired stops the game, at the expression.
func TestDaysSinceUnseen(t *testing.T) {
	fsys := fstest.MapFS{}
	entries, _ := os.ReadDir("testdata/memory")
	for _, e := range entries {
		data, err := os.ReadFile("testdata/memory/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(string(data), `"seen('council') && days_since('council') >= 12"`, `"days_since('council') >= 12"`, 1)
		fsys["m/"+e.Name()] = &fstest.MapFile{Data: []byte(text)}
	}
	c, err := scenario.Load(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	g := New(c, 1)
	if g.Err() == nil || !strings.Contains(g.Err().Error(), "has not fired yet") || !strings.Contains(g.Err().Error(), "m/events.yaml:") {
		t.Fatalf("err = %v", g.Err())
	}
}
