package scenario_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bianjing1125/bianjing/game/scenario"
)

// base is a small valid campaign; cases replace or add files to break it.
var base = map[string]string{
	"c/campaign.yaml": `campaign:
  id: test
  version: 1
  title: Test
  start: Xuanhe 7/11/15
  end: Xuanhe 7/12/29
  role: You.
quantities:
  - {id: trust, label: Trust, start: 50}
flags:
  - id: warned
people:
  - {id: tong_guan, name: Tong Guan}
places:
  - {id: yanshan, name: Yanshan}
`,
	"c/endings.yaml": `endings:
  - id: lost
    title: Lost
    kind: historical
    when: yanshan == "jin"
    text: Lost.
    history: As it was.
  - id: quiet
    title: Quiet
    kind: counterfactual
    fallback: true
    text: Quiet.
    history: Not as it was.
`,
	"c/events.yaml": `events:
  - id: one
    date: Xuanhe 7/12/1
    title: One
    text: Text.
    choices:
      - id: a
        text: A.
        historical: true
        effects: [trust += 5, warned = true, tong_guan = "fled"]
      - id: b
        text: B.
        enable: trust > 60
        disabled: Not yet.
    history:
      date: Xuanhe 7/12/1
      tag: attested
      happened: It happened.
      sources: [SBH j.23]
`,
}

func load(t *testing.T, changes map[string]string) (*scenario.Campaign, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range base {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	for name, text := range changes {
		if text == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return scenario.Load(fsys, "c")
}

func TestValidCampaign(t *testing.T) {
	c, err := load(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "test" || len(c.Events) != 1 || len(c.Events[0].Choices) != 2 || len(c.Endings) != 2 {
		t.Fatalf("campaign = %+v", c)
	}
	if c.Fallback() == nil || c.Fallback().ID != "quiet" {
		t.Fatalf("fallback = %v", c.Fallback())
	}
	if c.Events[0].Date.ISO() != "1125-12-27" {
		t.Fatalf("event date = %s", c.Events[0].Date.ISO())
	}
}

func TestProblems(t *testing.T) {
	ev := func(body string) map[string]string {
		return map[string]string{"c/events.yaml": "events:\n  - id: one\n    date: Xuanhe 7/12/1\n    title: One\n    text: Text.\n" + body +
			"    history: {date: Xuanhe 7/12/1, tag: attested, happened: H., sources: [SBH j.23]}\n"}
	}
	tests := []struct {
		name    string
		changes map[string]string
		want    []string // each a problem's start "FILE:LINE:COL: " followed by a part of its message
	}{
		{"broken yaml", map[string]string{"c/x.yaml": "events:\n  - id: [unclosed\n"}, []string{"c/x.yaml:1:1: did not find expected"}},
		{"unknown top key", map[string]string{"c/x.yaml": "evnets: []\n"}, []string{`c/x.yaml:1:1: unknown top-level key "evnets"`}},
		{"unknown event key", ev("    colour: red\n"), []string{`c/events.yaml:6:5: event: unknown key "colour"`}},
		{"misspelt name", ev("    when: trsut > 5\n"), []string{"c/events.yaml:6:11: event one when: unknown name trsut"}},
		{"quoted condition", ev("    when: \"trust >> 5\"\n"), []string{"c/events.yaml:6:"}},
		{"not boolean", ev("    when: trust + 1\n"), []string{"c/events.yaml:6:11: event one when: expected bool"}},
		{"bad status", ev("    when: tong_guan == \"fleed\"\n"), []string{`c/events.yaml:6:24: event one when: "fleed" is not a status`}},
		{"bad holder", ev("    effects: [yanshan = \"mongol\"]\n"), []string{`c/events.yaml:6:25: event one: yanshan takes a quoted holder`}},
		{"effect on undeclared", ev("    effects: [morale += 1]\n"), []string{`c/events.yaml:6:15: event one: effect on "morale"`}},
		{"effect on builtin", ev("    effects: [turn = 3]\n"), []string{"c/events.yaml:6:15: event one: turn is kept by the engine"}},
		{"flag with +=", ev("    effects: [warned += 1]\n"), []string{"c/events.yaml:6:15: event one: warned is a flag"}},
		{"not an effect", ev("    effects: [trust up 5]\n"), []string{`c/events.yaml:6:15: event one: effect "trust up 5" is not`}},
		{"bad date", map[string]string{"c/events.yaml": strings.Replace(base["c/events.yaml"], "date: Xuanhe 7/12/1\n    title", "date: Xuanhe 7/13/1\n    title", 1)}, []string{"c/events.yaml:3:11: event one date: "}},
		{"enable without reason", map[string]string{"c/events.yaml": strings.Replace(base["c/events.yaml"], "        disabled: Not yet.\n", "", 1)}, []string{"c/events.yaml:13:17: choice b: enable needs a disabled"}},
		{"two historical", map[string]string{"c/events.yaml": strings.Replace(base["c/events.yaml"], "        text: B.\n", "        text: B.\n        historical: true\n", 1)}, []string{"c/events.yaml:7:7: event one: 2 choices are marked historical"}},
		{"history missing", map[string]string{"c/events.yaml": base["c/events.yaml"][:strings.Index(base["c/events.yaml"], "    history:")]}, []string{"c/events.yaml:2:5: event one history is missing"}},
		{"bad tag", map[string]string{"c/events.yaml": strings.Replace(base["c/events.yaml"], "tag: attested", "tag: likely", 1)}, []string{`c/events.yaml:17:12: event one history: tag "likely"`}},
		{"no sources", map[string]string{"c/events.yaml": strings.Replace(base["c/events.yaml"], "      sources: [SBH j.23]\n", "", 1)}, []string{"c/events.yaml:16:7: event one history: sources are missing"}},
		{"duplicate choice id", map[string]string{"c/more.yaml": strings.Replace(base["c/events.yaml"], "id: one", "id: two", 1)}, []string{`c/more.yaml:7:13: choice id "a" is used again`, `c/more.yaml:11:13: choice id "b" is used again`}},
		{"duplicate name", map[string]string{"c/more.yaml": "flags:\n  - id: trust\n"}, []string{`c/more.yaml:2:5: "trust" is already declared`}},
		{"no fallback", map[string]string{"c/endings.yaml": strings.Replace(base["c/endings.yaml"], "    fallback: true\n", "    when: trust > 1\n", 1)}, []string{"c/campaign.yaml:1:1: no ending is marked fallback"}},
		{"no campaign", map[string]string{"c/campaign.yaml": "quantities: []\n"}, []string{"c:1:1: no file declares the campaign"}},
		{"start outside bounds", map[string]string{"c/more.yaml": "quantities:\n  - {id: gold, label: Gold, min: 0, max: 10, start: 11}\n"}, []string{"c/more.yaml:2:5: quantity gold: start 11 is outside 0..10"}},
		{"window outside campaign", ev("    window: [Jingkang 1/3/1, Jingkang 1/3/5]\n"), []string{"c/events.yaml:2:5: event one: its window"}},
		{"army to nowhere", map[string]string{"c/army.yaml": "armies:\n  - {id: east, name: East, speed: 50, march: warned, start: yanshan, route: [{to: kaifeng, li: 100}]}\n"}, []string{`c/army.yaml:2:83: army east stop: to "kaifeng" is not a declared place`}},
		{"army without speed", map[string]string{"c/army.yaml": "armies:\n  - {id: east, name: East, march: warned, start: yanshan, route: [{to: yanshan, li: 100}]}\n"}, []string{"c/army.yaml:2:5: army east: speed"}},
		{"army without march", map[string]string{"c/army.yaml": "armies:\n  - {id: east, name: East, speed: 50, start: yanshan, route: [{to: yanshan, li: 100}]}\n"}, []string{"c/army.yaml:2:5: army east: march"}},
		{"army state misspelt", map[string]string{
			"c/army.yaml":   "armies:\n  - {id: east, name: East, speed: 50, march: warned, start: yanshan, route: [{to: yanshan, li: 100}]}\n",
			"c/events.yaml": strings.Replace(base["c/events.yaml"], "enable: trust > 60", "enable: east.state == \"marchng\"", 1)},
			[]string{`c/events.yaml:13:31: choice b enable: "marchng" is not an army state`}},
		{"army place misspelt", map[string]string{
			"c/army.yaml":   "armies:\n  - {id: east, name: East, speed: 50, march: warned, start: yanshan, route: [{to: yanshan, li: 100}]}\n",
			"c/events.yaml": strings.Replace(base["c/events.yaml"], "enable: trust > 60", "enable: east.at == \"yanshen\"", 1)},
			[]string{`c/events.yaml:13:28: choice b enable: "yanshen" is not a declared place`}},
		{"army field misspelt", map[string]string{
			"c/army.yaml":   "armies:\n  - {id: east, name: East, speed: 50, march: warned, start: yanshan, route: [{to: yanshan, li: 100}]}\n",
			"c/events.yaml": strings.Replace(base["c/events.yaml"], "enable: trust > 60", "enable: east.dayz > 3", 1)},
			[]string{`c/events.yaml:13:`}},
		{"effect on an army", map[string]string{
			"c/army.yaml":   "armies:\n  - {id: east, name: East, speed: 50, march: warned, start: yanshan, route: [{to: yanshan, li: 100}]}\n",
			"c/events.yaml": strings.Replace(base["c/events.yaml"], "warned = true,", "east = 3,", 1)},
			[]string{"c/events.yaml:10:31: choice a: east is an army"}},
		{"holds on a pass", map[string]string{"c/army.yaml": "armies:\n  - {id: east, name: East, speed: 50, march: warned, start: yanshan, route: [{to: yanshan, li: 100, pass: true, holds: 3}]}\n"}, []string{"c/army.yaml:2:"}},
		{"alone in a group", ev("    group: protest\n"), []string{"c/events.yaml:2:5: event one: it is alone in group protest"}},
		{"variant without when", ev("    variants: [{text: Other.}]\n"), []string{"c/events.yaml:6:16: event one: a variant needs a when"}},
		{"neither date nor window", map[string]string{"c/events.yaml": strings.Replace(base["c/events.yaml"], "    date: Xuanhe 7/12/1\n    title", "    title", 1)}, []string{"c/events.yaml:2:5: event one: needs a date"}},
		{"bad history month", map[string]string{"c/events.yaml": strings.Replace(base["c/events.yaml"], "      date: Xuanhe 7/12/1", "      date: Xuanhe 7/13", 1)}, []string{"c/events.yaml:16:13: event one history date: calendar: parsing \"Xuanhe 7/13\""}},
		{"court_while without court", map[string]string{"c/more.yaml": "quantities:\n  - {id: gold, label: Gold, court_while: warned}\n"}, []string{"c/more.yaml:2:42: quantity gold: court_while is only read with court: true"}},
		{"alias bomb", map[string]string{"c/x.yaml": aliasBomb()}, []string{"c/x.yaml:"}},
		{"second document", map[string]string{"c/x.yaml": "flags: []\n---\nflags: []\n"}, []string{"c/x.yaml:2:1: a second YAML document"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.changes)
			var ps scenario.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("err = %v, want problems", err)
			}
			for _, want := range tt.want {
				found := false
				for _, p := range ps {
					found = found || strings.HasPrefix(p.String(), want)
				}
				if !found {
					t.Errorf("no problem starting %q; got:\n%v", want, err)
				}
			}
		})
	}
}

// aliasBomb is the billion-laughs file: nine levels of nine aliases.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("events: *a9\n")
	return b.String()
}

func TestFileSizeLimit(t *testing.T) {
	big := "flags: []\n" + strings.Repeat("# padding\n", scenario.MaxFileSize/10+1)
	_, err := load(t, map[string]string{"c/big.yaml": big})
	if err == nil || !strings.Contains(err.Error(), "c/big.yaml:1:1: file larger than") {
		t.Fatalf("err = %v", err)
	}
}

func TestLoadFromDisk(t *testing.T) {
	_, err := scenario.LoadAs(os.DirFS("testdata"), "missing", "testdata/missing")
	if err == nil {
		t.Fatal("loading a missing folder gave no error")
	}
}

func TestCodexAndMap(t *testing.T) {
	c, err := load(t, map[string]string{"c/codex.yaml": `codex:
  - {id: cai_jing, kind: person, title: Cai Jing, chars: 蔡京, pinyin: Cài Jīng, text: T., source: SS j.472}
  - {id: cai_jing_yanshan, kind: person, title: Cai Jing of Yanshan, names: [Cai Jing 蔡靖], chars: 蔡靖, pinyin: Cài Jìng, text: T., source: SBH j.23}
  - {id: yanshan_fu, kind: place, title: Yanshan, chars: 燕山, pinyin: Yānshān, text: T., source: SBH j.16}
map:
  - {id: river, kind: river, label: River, points: [[110.4, 35.1], [113.6, 34.9]]}
places:
  - {id: kaifeng, name: Kaifeng, at: [114.3, 34.8]}
  - {id: pingzhou, name: Pingzhou, at: [118.9, 40.0]}
`, "c/map.yaml": "map:\n  - {id: east, kind: route, side: jin, label: East, through: [pingzhou, yanshan, kaifeng]}\n"})
	if err != nil {
		t.Fatal(err)
	}
	text := "Cai Jing 蔡靖 held Yanshan; Cai Jing had retired. Yanshanese is no word."
	var got []string
	for _, l := range c.Links(text) {
		got = append(got, text[l.Start:l.End]+"="+l.Entry.ID)
	}
	want := "Cai Jing 蔡靖=cai_jing_yanshan Yanshan=yanshan_fu Cai Jing=cai_jing"
	if strings.Join(got, " ") != want {
		t.Fatalf("links = %q, want %q", strings.Join(got, " "), want)
	}
	if len(c.Map) != 2 || len(c.Map[1].Through) != 3 || c.Map[1].Through[2].ID != "kaifeng" {
		t.Fatalf("map = %+v", c.Map)
	}
	_, err = load(t, map[string]string{"c/map.yaml": "map:\n  - {id: east, kind: route, side: jin, label: East, through: [nowhere, yanshan]}\n  - {id: r, kind: river, label: R, points: [[10, 35], [113, 34]]}\n"})
	if err == nil || !strings.Contains(err.Error(), `c/map.yaml:2:63: map feature east: "nowhere" is not a declared place`) ||
		!strings.Contains(err.Error(), "not in North China") {
		t.Fatalf("err = %v", err)
	}
}
