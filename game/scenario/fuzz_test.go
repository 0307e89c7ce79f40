package scenario_test

import (
	"errors"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/bianjing1125/bianjing/game/scenario"
)

// FuzzLoad feeds arbitrary text as one file of an otherwise valid campaign: loading must end
// with a campaign or with problems, never a panic, a hang or another kind of error.
func FuzzLoad(f *testing.F) {
	for _, text := range base {
		f.Add(text)
	}
	f.Add(aliasBomb())
	f.Add("events:\n  - id: x\n    when: \"" + "(" + "\"\n")
	f.Add("events: [{id: a, date: Jingkang 1/leap 11/25, title: t, text: t, history: {date: Xuanhe 7/12/1, tag: invented, happened: h, sources: s}}]")
	inline := "events:\n  - id: x\n    date: Xuanhe 7/12/1\n    title: t\n    assumes: [seen(x), \"chosen('a')\"]\n    text: |\n      %s\n    history: {date: Xuanhe 7/12/1, tag: invented, happened: h, sources: [s]}\n"
	for _, body := range []string{
		"Li Ye {chosen(a): went|stayed}. {{brace}}",
		"{seen('x'): {warned: deep|{trust > 5: deeper}}}{assumes: tong_guan == 'fled'}",
		"{warned: open", "close}", "{: x}", "{a|b}", "{days_since(x) > 2: later}",
	} {
		f.Add(fmt.Sprintf(inline, body))
	}
	f.Fuzz(func(t *testing.T, text string) {
		fsys := fstest.MapFS{}
		for name, data := range base {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		fsys["c/events.yaml"] = &fstest.MapFile{Data: []byte(text)}
		c, err := scenario.Load(fsys, "c")
		var ps scenario.Problems
		switch {
		case err == nil && c == nil:
			t.Fatal("no campaign and no error")
		case err != nil && !errors.As(err, &ps):
			t.Fatalf("error that is not a list of problems: %v", err)
		case err != nil && len(ps) == 0:
			t.Fatal("an empty list of problems")
		}
		for _, p := range ps {
			if p.Pos.File == "" || p.Pos.Line < 1 || p.Pos.Col < 1 {
				t.Fatalf("problem without a position: %+v", p)
			}
		}
	})
}
