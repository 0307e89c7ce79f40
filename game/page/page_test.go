package page_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/bianjing1125/bianjing/game/calendar"
	"github.com/bianjing1125/bianjing/game/page"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden page dumps in testdata/")

var (
	shippedOnce sync.Once
	shippedC    *scenario.Campaign
	shippedErr  error
)

// shipped loads the campaign shipped with the game, once.
func shipped(t testing.TB) *scenario.Campaign {
	t.Helper()
	shippedOnce.Do(func() { shippedC, shippedErr = scenario.Load(scenarios.FS, "jingkang") })
	if shippedErr != nil {
		t.Fatal(shippedErr)
	}
	return shippedC
}

func mini(t testing.TB) *scenario.Campaign {
	t.Helper()
	c, err := scenario.Load(os.DirFS("../sim/testdata"), "mini")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// historical plays g on as history went for at most n decisions.
func historical(t testing.TB, g *sim.Game, n int) {
	t.Helper()
	for i := 0; i < n && !g.Over(); i++ {
		if err := g.Choose(g.HistoricalChoice()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestNewText(t *testing.T) {
	c := shipped(t)
	tests := []struct {
		name  string
		in    string
		want  page.Text
		links []page.Link
	}{
		{"plain", "Rain on the river.", page.Text{{{Text: "Rain on the river."}}}, nil},
		{"empty", " \n\n \n", nil, nil},
		{"a name at each end", "Huizong fled from Kaifeng",
			page.Text{{{Text: "Huizong", Link: "c_huizong"}, {Text: " fled from "}, {Text: "Kaifeng", Link: "c_kaifeng"}}},
			[]page.Link{{0, 7, "c_huizong"}, {18, 25, "c_kaifeng"}}},
		{"only whole words", "Kaifenger Huizongs", page.Text{{{Text: "Kaifenger Huizongs"}}}, nil},
		{"paragraphs, CRLF, kept line", "Tong Guan rode.\r\n\r\n\r\n\r\nTo Taiyuan\nand on.",
			page.Text{
				{{Text: "Tong Guan", Link: "c_tong_guan"}, {Text: " rode."}},
				{{Text: "To "}, {Text: "Taiyuan", Link: "c_taiyuan"}, {Text: "\nand on."}},
			},
			[]page.Link{{0, 9, "c_tong_guan"}, {20, 27, "c_taiyuan"}}},
		{"longest name first", "the Yisheng army held",
			page.Text{{{Text: "the "}, {Text: "Yisheng army", Link: "c_yisheng"}, {Text: " held"}}},
			[]page.Link{{4, 16, "c_yisheng"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := page.NewText(c, tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("NewText(%q) = %#v\nwant %#v", tt.in, got, tt.want)
			}
			if links := got.Links(); !reflect.DeepEqual(links, tt.links) {
				t.Errorf("Links = %v, want %v", links, tt.links)
			}
			s := got.String()
			for _, l := range got.Links() {
				if name := s[l.Start:l.End]; !strings.Contains(tt.in, name) || c.Links(name) == nil {
					t.Errorf("link %v covers %q, not a name", l, name)
				}
			}
		})
	}
}

func TestParagraphPlain(t *testing.T) {
	p := page.Paragraph{{Text: "Verse one,\n  "}, {Text: "Kaifeng", Link: "c_kaifeng"}, {Text: "\nverse two."}}
	if got := p.Plain(); got != "Verse one, Kaifeng verse two." {
		t.Errorf("Plain = %q", got)
	}
	if got := p.String(); got != "Verse one,\n  Kaifeng\nverse two." {
		t.Errorf("String = %q", got)
	}
}

func TestOptions(t *testing.T) {
	g := sim.New(mini(t), 1)
	p, ok := page.Of(g, page.Latest(g))
	if !ok || !p.Waiting || p.Choice != nil {
		t.Fatalf("the first page: ok %v, waiting %v, choice %v", ok, p.Waiting, p.Choice)
	}
	want := []page.Option{
		{Number: 1, ID: "send_quietly", Text: "Let him go as Tong Guan wishes."},
		{Number: 2, ID: "warn_court", Text: "Write to the court that war is near.", Hint: "Tong Guan will read the copy."},
		{Number: 3, ID: "bribe", Text: "Pay the Jin envoys.", Closed: true, Why: "The treasury cannot spare it."},
	}
	if !reflect.DeepEqual(p.Options, want) {
		t.Fatalf("options %#v\nwant %#v", p.Options, want)
	}
	for i, aside := range []string{"", "Tong Guan will read the copy.", "closed: The treasury cannot spare it."} {
		if got := p.Options[i].Aside(); got != aside {
			t.Errorf("option %d: Aside %q, want %q", i+1, got, aside)
		}
	}
	if err := g.Choose("warn_court"); err != nil {
		t.Fatal(err)
	}
	p, _ = page.Of(g, p.Index)
	if p.Waiting || p.Options != nil || p.Choice == nil || p.Choice.ID != "warn_court" {
		t.Fatalf("after the choice: waiting %v, options %v, choice %+v", p.Waiting, p.Options, p.Choice)
	}
	if p.Choice.Outcome.Empty() || p.Choice.Moves[0].Reason() != "-5: You wrote over the commissioner's head" {
		t.Errorf("chosen: outcome %q, moves %+v", p.Choice.Outcome, p.Choice.Moves)
	}
	if q, _ := page.Of(g, p.Index+1); q.Index != p.Index {
		t.Errorf("the page of the choice record is at %d, want the event's %d", q.Index, p.Index)
	}
}

func TestNote(t *testing.T) {
	day, month := mustDay(t, "Xuanhe 7/12/1"), mustDay(t, "Jingkang 1/5/1")
	tests := []struct {
		name                           string
		note                           page.Note
		song, julian, when, line, list string
	}{
		{"a day, two sources", page.Note{Date: page.DateOf(day), Until: page.DateOf(day), Tag: "attested", Sources: []string{"SBH j.23", "SS j.22"}},
			"Xuanhe 7/12/1", "27 December 1125", "Xuanhe 7/12/1, 1125-12-27", "Sources: SBH j.23; SS j.22", "SBH j.23; SS j.22"},
		{"a month, one source", page.Note{Date: page.DateOf(month), Month: true, Until: page.DateOf(month.MonthEnd()), Tag: "disputed", Sources: []string{"JYZ"}},
			"Jingkang 1/5", "24 May 1126 to 22 June 1126", "Jingkang 1/5, 1126-05-24 to 1126-06-22", "Sources: JYZ", "JYZ"},
		{"no sources", page.Note{Date: page.DateOf(day), Until: page.DateOf(day), Tag: "invented"},
			"Xuanhe 7/12/1", "27 December 1125", "Xuanhe 7/12/1, 1125-12-27", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.note
			got := []string{n.Song(), n.Julian(), n.When(), n.SourceLine(), n.SourceList()}
			want := []string{tt.song, tt.julian, tt.when, tt.line, tt.list}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %q\nwant %q", got, want)
			}
			if h := n.Heading(); h != "The record · "+tt.song+" · "+tt.julian+" · "+n.Tag {
				t.Errorf("Heading %q", h)
			}
		})
	}
}

func mustDay(t *testing.T, s string) calendar.Day {
	t.Helper()
	d, err := calendar.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDateOf(t *testing.T) {
	d := page.DateOf(mustDay(t, "Jingkang 1/leap 11/25"))
	want := calendar.Date{Era: "Jingkang", Year: 1, Month: 11, Leap: true, Day: 25}
	if !d.InTable || d.Song != want || d.JulianYear != 1127 || d.JulianMonth != 1 || d.JulianDay != 9 {
		t.Errorf("parts %+v", d)
	}
	got := []string{d.Chinese(), d.Long(), d.Julian(), d.Short(), d.ISO(), d.String()}
	wantS := []string{"靖康元年閏十一月二十五日", "Jingkang 1, intercalary 11th month, 25th day", "9 January 1127",
		"Jingkang 1/leap 11/25", "1127-01-09", "Jingkang 1, intercalary 11th month, 25th day (9 January 1127)"}
	if !reflect.DeepEqual(got, wantS) {
		t.Errorf("got %q\nwant %q", got, wantS)
	}
	if out := page.DateOf(calendar.First() - 1); out.InTable || out.Song != (calendar.Date{}) || out.Long() != out.Short() {
		t.Errorf("outside the table: %+v, Long %q", out, out.Long())
	}
}

func TestCodex(t *testing.T) {
	c := shipped(t)
	g := sim.New(c, 1)
	p, _ := page.Of(g, page.Latest(g))
	if !p.Waiting {
		t.Fatal("the first page does not wait")
	}
	body := p.Body.Links()
	if len(body) == 0 {
		t.Fatal("the first page names no codex entry")
	}
	waiting := p.Codex()
	for _, id := range waiting {
		found := false
		for _, l := range body {
			found = found || l.ID == id
		}
		if !found {
			t.Errorf("while waiting, the page names %s, which its text does not", id)
		}
	}
	historical(t, g, 1)
	p, _ = page.Of(g, p.Index)
	after := p.Codex()
	if !reflect.DeepEqual(after[:len(waiting)], waiting) {
		t.Errorf("after the choice the text's entries come first: %v, then %v", waiting, after)
	}
	for _, l := range p.Note.Text.Links() {
		found := false
		for _, id := range after {
			found = found || id == l.ID
		}
		if !found {
			t.Errorf("after the choice, the note's %s is not among the page's entries %v", l.ID, after)
		}
	}
	seen := map[string]bool{}
	for _, id := range after {
		if seen[id] {
			t.Errorf("%s is named twice", id)
		}
		seen[id] = true
	}
}

func TestEntryFacts(t *testing.T) {
	for _, tt := range []struct{ kind, dates, want string }{
		{"person", "1082–1135", "person  ·  1082–1135"},
		{"person", "", "person"}, // no dangling "person  ·"
		{"place", "", "place"},
	} {
		if got := page.EntryFacts(&scenario.CodexEntry{Kind: tt.kind, Dates: tt.dates}); got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.kind, tt.dates, got, tt.want)
		}
	}
}

func TestIndexes(t *testing.T) {
	g := sim.New(mini(t), 1)
	historical(t, g, 5)
	var pages []int
	for i := page.First(g); i >= 0; i = page.Next(g, i) {
		pages = append(pages, i)
		if page.Waiting(g, i) {
			t.Errorf("page %d of a finished game waits", i)
		}
	}
	if len(pages) != 4 || pages[len(pages)-1] != page.Latest(g) {
		t.Errorf("pages %v, latest %d", pages, page.Latest(g))
	}
	if _, ok := page.Of(g, -1); ok {
		t.Error("a page at -1")
	}
	if _, ok := page.Of(g, len(g.Chronicle())-1); ok {
		t.Error("the ending record is a page")
	}
}

func TestEnd(t *testing.T) {
	g := sim.New(mini(t), 1)
	if e := page.EndOf(g); e.Ending != nil || e.Stopped != page.Stopped {
		t.Errorf("a game going on: %+v", e)
	}
	historical(t, g, 5)
	e := page.EndOf(g)
	if e.Ending == nil || e.Kind != page.HistoricalKind || e.Title != "The north gate opens" ||
		e.Text.String() != "Yanshan is lost." || e.History.String() != "As it happened." || e.Stopped != "" {
		t.Errorf("the historical ending: %+v", e)
	}
}

// TestCompare sets games beside history's: history's own game never parts from it; a game
// that chose otherwise parts where it did, and each row is dated in order.
func TestCompare(t *testing.T) {
	c := mini(t)
	hist := sim.New(c, 1)
	historical(t, hist, 10)
	same := page.Compare(hist)
	if same.HistoryEnding != hist.Ending() || same.HistoryEnds() != "History ends: The north gate opens" {
		t.Errorf("history's ending: %v, %q", same.HistoryEnding, same.HistoryEnds())
	}
	for _, r := range same.Rows {
		if r.Diverges || r.Yours != r.Record {
			t.Errorf("history beside itself parts at %+v", r)
		}
	}
	g := sim.New(c, 3)
	for _, id := range []string{"warn_court", "beg_him_stay"} {
		if err := g.Choose(id); err != nil {
			t.Fatal(err)
		}
	}
	cmp := page.Compare(g)
	var got []string
	for i, r := range cmp.Rows {
		if i > 0 && r.Date.Day < cmp.Rows[i-1].Date.Day {
			t.Errorf("row %d is dated before the row above it", i)
		}
		got = append(got, fmt.Sprintf("%s | %s | %s | %v", r.Date.Short(), r.Yours, r.Record, r.Diverges))
	}
	want := []string{
		"Xuanhe 7/11/19 | The mission to Yunzhong: Write to the court that war is near. | The mission to Yunzhong: Let him go as Tong Guan wishes. | true",
		"Xuanhe 7/12/3 | The envoys | The envoys | false",
		"Xuanhe 7/12/7 | Stay or go: Beg him to stay. | Stay or go: Say nothing. | true",
		"Xuanhe 7/12/10 | — | Yanshan falls | true",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestGolden dumps pages of the shipped campaign in a few states and compares them with
// testdata/NAME.txt (go test ./game/page -update rewrites them after a change to the
// campaign's text).
func TestGolden(t *testing.T) {
	c := shipped(t)
	tests := []struct {
		name string
		dump func(t *testing.T) string
	}{
		{"first-page", func(t *testing.T) string {
			g := sim.New(c, 1)
			return dumpPage(g, page.Latest(g))
		}},
		{"first-chosen", func(t *testing.T) string {
			g := sim.New(c, 1)
			i := page.Latest(g)
			historical(t, g, 1)
			return dumpPage(g, i)
		}},
		{"first-report", func(t *testing.T) string {
			g := sim.New(c, 1)
			historical(t, g, 40)
			for i := page.First(g); i >= 0; i = page.Next(g, i) {
				if p, _ := page.Of(g, i); p.Report {
					return dumpPage(g, i)
				}
			}
			t.Fatal("no report in 40 decisions")
			return ""
		}},
		{"historical-ending", func(t *testing.T) string {
			g := sim.New(c, 1)
			historical(t, g, 1000)
			return dumpEnd(g)
		}},
		{"first-choice-otherwise-ending", func(t *testing.T) string {
			g := sim.New(c, 1)
			open := ""
			for _, o := range g.Options() {
				if o.Enabled && !o.Choice.Historical {
					open = o.Choice.ID
				}
			}
			if err := g.Choose(open); err != nil {
				t.Fatal(err)
			}
			historical(t, g, 1000)
			return dumpEnd(g)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []byte(tt.dump(t))
			path := filepath.Join("testdata", tt.name+".txt")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./game/page -update makes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the page differs from %s (check, then go test ./game/page -update):\n%s", path, got)
			}
		})
	}
}

// dumpPage writes everything page i of g holds, one field a line.
func dumpPage(g *sim.Game, i int) string {
	p, ok := page.Of(g, i)
	if !ok {
		return "no page\n"
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	d := p.Date
	w("index: %d  last: %v  report: %v  waiting: %v  ledger to: %d", p.Index, p.Last, p.Report, p.Waiting, p.LedgerTo)
	w("date: %s | %s | %s | era %s year %d month %d leap %v day %d | julian %d-%d-%d",
		d.Chinese(), d.Long(), d.Julian(), d.Song.Era, d.Song.Year, d.Song.Month, d.Song.Leap, d.Song.Day, d.JulianYear, d.JulianMonth, d.JulianDay)
	w("place: %s", p.Place)
	w("title: %s", p.Title)
	dumpText(w, "body", p.Body)
	for _, m := range p.Moves {
		w("moved: %s %d → %d (%s)", m.Label, m.From, m.To, m.Reason())
	}
	for _, o := range p.Options {
		w("option %d [%s] closed %v: %s | %s", o.Number, o.ID, o.Closed, o.Text, o.Aside())
	}
	if ch := p.Choice; ch != nil {
		w("chosen [%s] historical %v", ch.ID, ch.Historical)
		dumpText(w, "choice", ch.Text)
		dumpText(w, "result", ch.Result)
		dumpText(w, "outcome", ch.Outcome)
		for _, m := range ch.Moves {
			w("moved: %s %d → %d (%s)", m.Label, m.From, m.To, m.Reason())
		}
		for _, m := range ch.Court {
			w("court: %s %d %s", m.Label, m.Value, m.Reasons())
		}
	}
	n := p.Note
	w("note: %s | %s", n.Heading(), n.When())
	dumpText(w, "happened", n.Text)
	w("sources: %s", n.SourceLine())
	w("codex: %s", strings.Join(p.Codex(), " "))
	return b.String()
}

// dumpEnd writes the ending page of g and its course beside history's.
func dumpEnd(g *sim.Game) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	e := page.EndOf(g)
	w("%s: %s", e.Kind, e.Title)
	dumpText(w, "text", e.Text)
	dumpText(w, "history", e.History)
	w("codex: %s", strings.Join(e.Codex(), " "))
	cmp := page.Compare(g)
	for _, r := range cmp.Rows {
		mark := " "
		if r.Diverges {
			mark = "≠"
		}
		w("%s %-22s | %s | %s", mark, r.Date.Short(), r.Yours, r.Record)
	}
	w("%s", cmp.HistoryEnds())
	return b.String()
}

func dumpText(w func(string, ...any), name string, t page.Text) {
	for _, p := range t {
		var parts []string
		for _, s := range p {
			if s.Link != "" {
				parts = append(parts, "["+s.Text+"→"+s.Link+"]")
			} else {
				parts = append(parts, s.Text)
			}
		}
		w("%s: %s", name, strings.Join(parts, ""))
	}
}
