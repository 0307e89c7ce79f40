package lint_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bianjing1125/bianjing/game/lint"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/scenarios"
)

func TestShippedCampaign(t *testing.T) {
	c, err := scenario.Load(scenarios.FS, "jingkang")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range lint.Campaign(c) {
		t.Log(w)
		if strings.Contains(w.Message, "but the calendar makes it") {
			t.Errorf("a date in the shipped text disagrees with the calendar: %s", w)
		}
	}
}

func TestFindings(t *testing.T) {
	fsys := fstest.MapFS{}
	mini := os.DirFS(filepath.Join("..", "sim", "testdata", "mini"))
	for _, name := range []string{"campaign.yaml", "endings.yaml", "events.yaml"} {
		b, err := fs.ReadFile(mini, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys["c/"+name] = &fstest.MapFile{Data: b}
	}
	fsys["c/lint.yaml"] = &fstest.MapFile{Data: []byte(`flags:
  - id: written_only
  - id: marching_orders
  - id: read_only
armies:
  - {id: raiders, name: Raiders, speed: 50, march: marching_orders, start: yanshan, route: [{to: yanshan, li: 100}]}
events:
  - id: lint_event
    date: Xuanhe 7/12/2
    when: "!read_only"
    title: Lint
    text: On Xuanhe 7/12/1 (27 December 1125) all was well; on Xuanhe 7/12/2 (29 December 1125) it was not.
    effects: [written_only = true, marching_orders = true]
    choices:
      - {id: lint_never, text: Never., enable: "1 > 2", disabled: Never.}
      - {id: lint_open, text: Open.}
    history: {date: Xuanhe 7/12/2, tag: invented, happened: A test., sources: [none]}
`)}
	c, err := scenario.Load(fsys, "c")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range lint.Campaign(c) {
		if strings.HasPrefix(w.String(), "c/lint.yaml:") {
			got = append(got, w.String())
		}
	}
	want := []string{
		"c/lint.yaml:8:5: warning: event lint_event: the text says Xuanhe 7/12/2 is 29 December 1125, but the calendar makes it Xuanhe 7, 12th month, 2nd day (28 December 1125)",
		"c/lint.yaml:10:12: warning: read_only is read but never written: it keeps its start value",
		"c/lint.yaml:13:15: warning: written_only is written but never read: no condition or amount uses it",
		"c/lint.yaml:15:49: warning: choice lint_never is never open: its enable is always false (\"1 > 2\")",
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
