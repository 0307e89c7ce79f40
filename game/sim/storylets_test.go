package sim

import (
	"os"
	"slices"
	"testing"

	"github.com/bianjing1125/bianjing/game/scenario"
)

func TestStorylets(t *testing.T) {
	c, err := scenario.Load(os.DirFS("testdata"), "storylets")
	if err != nil {
		t.Fatal(err)
	}
	type told struct{ id, day, title, text string }
	tests := []struct {
		choice string
		want   []told
	}{
		{"keep_quiet", []told{
			{"council", "Jingkang 1/1/2", "The council", "Speak or not?"},
			{"rumour", "Jingkang 1/1/12", "A rumour", "The city is quiet."},
			{"students_write", "Jingkang 1/2/6", "The students write", "They write."},
			{"letter", "Jingkang 1/3/11", "A letter", "A letter comes."},
		}},
		{"speak", []told{
			{"council", "Jingkang 1/1/2", "The council", "Speak or not?"},
			{"rumour", "Jingkang 1/1/12", "A riot", "The city is burning."}, // the first variant that holds
			{"students_march", "Jingkang 1/2/5", "The students march", "They march."},
			{"letter", "Jingkang 1/3/11", "A letter", "A letter comes."},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.choice, func(t *testing.T) {
			g := New(c, 1)
			if err := g.Choose(tc.choice); err != nil {
				t.Fatal(err)
			}
			var got []told
			for _, r := range g.Chronicle() {
				if r.Kind == EventRecord {
					got = append(got, told{r.Event.ID, r.Day.Short(), r.Title, r.Text})
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("told:\n%v\nwant:\n%v", got, tc.want)
			}
		})
	}
	ev, _ := c.Event("rumour")
	if h := ev.History; !h.Month || h.SongDate() != "Jingkang 1/1" || h.When() != "Jingkang 1/1, 1126-01-25 to 1126-02-23" {
		t.Errorf("month-precise history: month=%v %q %q", h.Month, h.SongDate(), h.When())
	}
	if ev, _ := c.Event("letter"); !ev.Floating || ev.Date.Short() != "Jingkang 1/1/15" {
		t.Errorf("floating event: floating=%v date %s", ev.Floating, ev.Date.Short())
	}
}
