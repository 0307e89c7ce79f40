package calendar_test

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/bianjing1125/bianjing/game/calendar"
)

// factsFile is the fact base for scenario writers, kept beside the repository.
const factsFile = "../../../shared/history/FACTS.md"

// eraChinese lists the characters of every era the month table may use.
var eraChinese = map[string]string{
	"Zhenghe":  "政和",
	"Chonghe":  "重和",
	"Xuanhe":   "宣和",
	"Jingkang": "靖康",
	"Jianyan":  "建炎",
}

// factsSections returns FACTS.md split into its "## N." sections, keyed
// "§N", with the bold markers removed.
func factsSections(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(factsFile)
	if err != nil {
		t.Fatalf("FACTS.md must be present: %v", err)
	}
	text := strings.ReplaceAll(string(b), "**", "")
	sections := map[string]string{}
	for _, s := range strings.Split(text, "\n## ")[1:] {
		n, _, _ := strings.Cut(s, ".")
		sections["§"+n] = s
	}
	return sections
}

type factRow struct {
	line                   int
	song, julian, label    string
	section, quote, remark string
}

var labelRE = regexp.MustCompile(`^(§\d+) \[([^\]]+)\] (.+)$`)

func readFacts(t *testing.T) []factRow {
	t.Helper()
	f, err := os.Open("testdata/facts-timeline.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []factRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || line == "song\tjulian\tlabel" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("facts-timeline.tsv:%d: want 3 columns, got %d", n, len(cols))
		}
		m := labelRE.FindStringSubmatch(cols[2])
		if m == nil {
			t.Fatalf("facts-timeline.tsv:%d: label %q is not `§N [quoted FACTS text] description`", n, cols[2])
		}
		rows = append(rows, factRow{n, cols[0], cols[1], cols[2], m[1], m[2], m[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func isoDate(t *testing.T, s string) calendar.Day {
	t.Helper()
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d); err != nil {
		t.Fatalf("bad ISO date %q: %v", s, err)
	}
	return calendar.FromJulian(y, m, d)
}

func TestFactsTimeline(t *testing.T) {
	rows := readFacts(t)
	if len(rows) < 50 {
		t.Fatalf("only %d rows in facts-timeline.tsv", len(rows))
	}
	sections := factsSections(t)
	for _, r := range rows {
		if !strings.Contains(sections[r.section], r.quote) {
			t.Errorf("line %d: FACTS.md %s has no text %q", r.line, r.section, r.quote)
		}
		d, err := calendar.Parse(r.song)
		if err != nil {
			t.Errorf("line %d (%s): %v", r.line, r.remark, err)
			continue
		}
		if want := isoDate(t, r.julian); d != want {
			t.Errorf("line %d (%s): Parse(%q) = %s, want %s = %s", r.line, r.remark, r.song, d.ISO(), r.julian, want.Short())
		}
		if got := d.ISO(); got != r.julian {
			t.Errorf("line %d: Parse(%q).ISO() = %s, want %s", r.line, r.song, got, r.julian)
		}
		if got := isoDate(t, r.julian).Short(); got != r.song {
			t.Errorf("line %d: %s Short() = %q, want %q", r.line, r.julian, got, r.song)
		}
	}
}

// TestFactsTimelineCoversFACTS checks that every row of FACTS.md §1 whose
// first cell names a Julian day and whose second cell gives a month/day is
// quoted by some row of facts-timeline.tsv.
func TestFactsTimelineCoversFACTS(t *testing.T) {
	quoted := map[string]bool{}
	for _, r := range readFacts(t) {
		quoted[r.quote] = true
	}
	julianDay := regexp.MustCompile(`\d+ (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)`)
	monthDay := regexp.MustCompile(`\d+/\d+`)
	n := 0
	for _, line := range strings.Split(factsSections(t)["§1"], "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !julianDay.MatchString(cells[1]) || !monthDay.MatchString(cells[2]) {
			continue
		}
		n++
		if key := "|" + cells[1] + "|" + cells[2] + "|"; !quoted[key] {
			t.Errorf("FACTS.md §1 row %q is not in testdata/facts-timeline.tsv", key)
		}
	}
	if n < 40 {
		t.Errorf("found only %d dated rows in FACTS.md §1; has its format changed?", n)
	}
}

func TestEveryDayRoundTrips(t *testing.T) {
	first, last := calendar.First(), calendar.Last()
	if first.ISO() != "1115-01-28" || last.ISO() != "1129-01-21" {
		t.Fatalf("table covers %s to %s", first.ISO(), last.ISO())
	}
	var prev calendar.Date
	for d := first; d <= last; d++ {
		date, ok := d.Song()
		if !ok || !d.InRange() {
			t.Fatalf("%d: Song ok=%v, InRange=%v", d, ok, d.InRange())
		}
		if d > first && date.Day != prev.Day+1 && (date.Day != 1 || prev.Day < 29) {
			t.Errorf("%s follows %s", date, prev)
		}
		prev = date
		if got, err := calendar.Parse(d.Short()); err != nil || got != d {
			t.Errorf("Parse(%q) = %d, %v; want %d", d.Short(), got, err, d)
		}
		if date.String() != d.Short() {
			t.Errorf("Date.String() = %q, Short() = %q", date, d.Short())
		}
		if got := calendar.FromJulian(d.Julian()); got != d {
			t.Errorf("FromJulian(%d.Julian()) = %d", d, got)
		}
		chars, known := eraChinese[date.Era]
		if !known {
			t.Fatalf("era %q has no known Chinese characters", date.Era)
		}
		if zh := d.Chinese(); !strings.HasPrefix(zh, chars) || strings.IndexFunc(zh, func(r rune) bool { return r <= unicode.MaxASCII }) >= 0 {
			t.Errorf("%s: Chinese() = %q", d.Short(), zh)
		}
		start, end := d.XunStart(), d.XunEnd()
		if !(start <= d && d <= end) || d.NextXun() != end+1 || end-start > 9 || end-start < 8 {
			t.Errorf("%s: xun %s..%s, next %s", d.Short(), start.Short(), end.Short(), d.NextXun().Short())
		}
		if s, _ := start.Song(); s.Day != 1 && s.Day != 11 && s.Day != 21 {
			t.Errorf("%s: xun starts on %s", d.Short(), start.Short())
		}
		if n, _ := d.NextXun().Song(); d.NextXun() <= last && n.Day != 1 && n.Day != 11 && n.Day != 21 {
			t.Errorf("%s: next xun starts on %s", d.Short(), d.NextXun().Short())
		}
	}
}

func TestOutsideTheTable(t *testing.T) {
	for _, d := range []calendar.Day{calendar.First() - 1, calendar.Last() + 1, 0, -1 << 40, 1 << 40} {
		if _, ok := d.Song(); ok || d.InRange() {
			t.Errorf("%d: Song ok or InRange", d)
		}
		want := fmt.Sprintf("JDN %d", int(d))
		if d.Short() != want || d.Chinese() != want || !strings.HasPrefix(d.String(), want+" (") {
			t.Errorf("%d: Short %q, Chinese %q, String %q", d, d.Short(), d.Chinese(), d.String())
		}
		if d.XunStart() != d || d.XunEnd() != d || d.NextXun() != d+1 {
			t.Errorf("%d: xun %d..%d next %d", d, d.XunStart(), d.XunEnd(), d.NextXun())
		}
		if _, err := calendar.Parse(d.Short()); err == nil {
			t.Errorf("Parse(%q) succeeded", d.Short())
		}
	}
	if got := (calendar.First() - 1).String(); got != "JDN 2128338 (27 January 1115)" {
		t.Errorf("day before the table: %q", got)
	}
}

func TestJulian(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		jdn     calendar.Day
	}{
		{-4712, 1, 1, 0},        // the JDN epoch
		{1582, 10, 4, 2299160},  // last Julian day before the Gregorian reform
		{1125, 12, 27, 2132325}, // Xuanhe 7/12/1
		{1128, 2, 29, 2133119},  // a Julian leap day
		{2000, 1, 1, 2451558},   // Gregorian 14 January 2000
	} {
		if got := calendar.FromJulian(tc.y, tc.m, tc.d); got != tc.jdn {
			t.Errorf("FromJulian(%d, %d, %d) = %d, want %d", tc.y, tc.m, tc.d, got, tc.jdn)
		}
	}
	if y, m, d := calendar.Day(2133119).Julian(); y != 1128 || m != 2 || d != 29 {
		t.Errorf("2133119.Julian() = %d-%d-%d", y, m, d)
	}
	if got := calendar.Day(-1).ISO(); got != "-4713-12-31" {
		t.Errorf("Day(-1).ISO() = %q", got)
	}
}

func TestParseAccepts(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Xuanhe 7/12/1", "1125-12-27"},
		{"  xuanhe 7 / 12 / 1  ", "1125-12-27"},
		{"XUANHE\t7/12/1", "1125-12-27"},
		{"Xuanhe7/12/1", "1125-12-27"},
		{"Xuanhe 07/012/01", "1125-12-27"},
		{"Jingkang 1/leap 11/25", "1127-01-09"},
		{"jingkang 1 / Leap11 / 25", "1127-01-09"},
		{"Jingkang 1/11/25", "1126-12-10"},
		{"Zhenghe 5/1/1", "1115-01-28"},
		{"Chonghe 1/11/1", "1118-12-15"},
		{"Jianyan 2/12/29", "1129-01-21"},
	} {
		d, err := calendar.Parse(tc.in)
		if err != nil || d.ISO() != tc.want {
			t.Errorf("Parse(%q) = %s, %v; want %s", tc.in, d.ISO(), err, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "missing era name"},
		{"   ", "missing era name"},
		{"7/12/1", "missing era name"},
		{"Foo 1/1/1", "no era named Foo"},
		{"宣和 7/12/1", "no era named 宣和"},
		{"Xuan he 7/12/1", "no era named Xuan"},
		{"Xuanhe", "want era year/month/day"},
		{"Xuanhe 7/12", "want era year/month/day"},
		{"Xuanhe 7/12/1/1", "want era year/month/day"},
		{"Xuanhe 7-12-1", "want era year/month/day"},
		{"Xuanhe x/12/1", `bad year "x"`},
		{"Xuanhe /12/1", `bad year ""`},
		{"Xuanhe 7/-1/1", `bad month "-1"`},
		{"Xuanhe 7/+1/1", `bad month "+1"`},
		{"Xuanhe 7/leap/1", `bad month ""`},
		{"Xuanhe 7/intercalary 12/1", `bad month "intercalary 12"`},
		{"Xuanhe 7/12/1st", `bad day "1st"`},
		{"Xuanhe 7/12/99999999999999999999", "bad day"},
		{"Xuanhe 0/1/1", "Xuanhe has no year 0"},
		{"Xuanhe 9/1/1", "Xuanhe has no year 9"},
		{"Zhenghe 1/1/1", "outside the calendar (1115-1128)"},
		{"Zhenghe 4/12/29", "outside the calendar (1115-1128)"},
		{"Jianyan 3/1/1", "outside the calendar (1115-1128)"},
		{"Xuanhe 7/13/1", "Xuanhe 7 has no 13th month"},
		{"Xuanhe 7/0/1", "Xuanhe 7 has no 0th month"},
		{"Chonghe 1/1/1", "Chonghe 1 has no 1st month"},
		{"Jingkang 2/5/1", "Jingkang 2 has no 5th month"},
		{"Jingkang 1/leap 10/1", "Jingkang 1 has no intercalary 10th month"},
		{"Xuanhe 7/12/30", "Xuanhe 7/12 has 29 days"},
		{"Xuanhe 7/12/0", "Xuanhe 7/12 has 29 days"},
		{"Jingkang 1/leap 11/31", "Jingkang 1/leap 11 has 30 days"},
	} {
		d, err := calendar.Parse(tc.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want error containing %q", tc.in, d.Short(), tc.want)
		} else if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error %q, want it to contain %q", tc.in, err, tc.want)
		}
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct{ short, long, chinese string }{
		{"Xuanhe 7/12/1", "Xuanhe 7, 12th month, 1st day (27 December 1125)", "宣和七年十二月一日"},
		{"Jingkang 1/leap 11/25", "Jingkang 1, intercalary 11th month, 25th day (9 January 1127)", "靖康元年閏十一月二十五日"},
		{"Jingkang 1/1/2", "Jingkang 1, 1st month, 2nd day (26 January 1126)", "靖康元年正月二日"},
		{"Jingkang 1/1/3", "Jingkang 1, 1st month, 3rd day (27 January 1126)", "靖康元年正月三日"},
		{"Zhenghe 5/1/1", "Zhenghe 5, 1st month, 1st day (28 January 1115)", "政和五年正月一日"},
		{"Zhenghe 6/leap 1/11", "Zhenghe 6, intercalary 1st month, 11th day (26 February 1116)", "政和六年閏正月十一日"},
		{"Chonghe 1/11/10", "Chonghe 1, 11th month, 10th day (24 December 1118)", "重和元年十一月十日"},
		{"Xuanhe 1/2/20", "Xuanhe 1, 2nd month, 20th day (1 April 1119)", "宣和元年二月二十日"},
		{"Xuanhe 3/leap 5/21", "Xuanhe 3, intercalary 5th month, 21st day (7 July 1121)", "宣和三年閏五月二十一日"},
		{"Xuanhe 7/12/12", "Xuanhe 7, 12th month, 12th day (7 January 1126)", "宣和七年十二月十二日"},
		{"Xuanhe 7/12/13", "Xuanhe 7, 12th month, 13th day (8 January 1126)", "宣和七年十二月十三日"},
		{"Xuanhe 7/12/22", "Xuanhe 7, 12th month, 22nd day (17 January 1126)", "宣和七年十二月二十二日"},
		{"Xuanhe 7/12/23", "Xuanhe 7, 12th month, 23rd day (18 January 1126)", "宣和七年十二月二十三日"},
		{"Jingkang 1/11/30", "Jingkang 1, 11th month, 30th day (15 December 1126)", "靖康元年十一月三十日"},
		{"Jianyan 2/12/29", "Jianyan 2, 12th month, 29th day (21 January 1129)", "建炎二年十二月二十九日"},
	} {
		d, err := calendar.Parse(tc.short)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.short, err)
			continue
		}
		if d.Short() != tc.short || d.String() != tc.long || d.Chinese() != tc.chinese {
			t.Errorf("%s:\n got %q, %q, %q\nwant %q, %q, %q", tc.short,
				d.Short(), d.String(), d.Chinese(), tc.short, tc.long, tc.chinese)
		}
		// The parts, never parsed back from String: the Song date spelled out and the Julian.
		if got := d.Long() + " (" + d.JulianLong() + ")"; got != tc.long {
			t.Errorf("%s: Long and JulianLong make %q, want %q", tc.short, got, tc.long)
		}
		if date, _ := d.Song(); date.Long() != d.Long() {
			t.Errorf("%s: Date.Long %q, Day.Long %q", tc.short, date.Long(), d.Long())
		}
	}
}

func TestLongOutsideTable(t *testing.T) {
	d := calendar.First() - 1
	if d.Long() != d.Short() || d.JulianLong() != "27 January 1115" {
		t.Errorf("outside the table: Long %q (Short %q), JulianLong %q", d.Long(), d.Short(), d.JulianLong())
	}
}

func TestXun(t *testing.T) {
	for _, tc := range []struct{ day, start, end, next string }{
		{"Xuanhe 7/12/1", "Xuanhe 7/12/1", "Xuanhe 7/12/10", "Xuanhe 7/12/11"},
		{"Xuanhe 7/12/10", "Xuanhe 7/12/1", "Xuanhe 7/12/10", "Xuanhe 7/12/11"},
		{"Xuanhe 7/12/11", "Xuanhe 7/12/11", "Xuanhe 7/12/20", "Xuanhe 7/12/21"},
		{"Xuanhe 7/12/29", "Xuanhe 7/12/21", "Xuanhe 7/12/29", "Jingkang 1/1/1"},
		{"Jingkang 1/11/25", "Jingkang 1/11/21", "Jingkang 1/11/30", "Jingkang 1/leap 11/1"},
		{"Jingkang 1/leap 11/25", "Jingkang 1/leap 11/21", "Jingkang 1/leap 11/30", "Jingkang 1/12/1"},
	} {
		d, _ := calendar.Parse(tc.day)
		if d.XunStart().Short() != tc.start || d.XunEnd().Short() != tc.end || d.NextXun().Short() != tc.next {
			t.Errorf("%s: xun %s..%s next %s, want %s..%s next %s", tc.day,
				d.XunStart().Short(), d.XunEnd().Short(), d.NextXun().Short(), tc.start, tc.end, tc.next)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("Xuanhe 7/12/1")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := calendar.Parse(s)
		if err != nil {
			if d != 0 || err.Error() == "" {
				t.Fatalf("Parse(%q) = %d, %q", s, d, err)
			}
			return
		}
		if !d.InRange() {
			t.Fatalf("Parse(%q) = %d, outside the table", s, d)
		}
		if again, err := calendar.Parse(d.Short()); err != nil || again != d {
			t.Fatalf("Parse(%q) = %s, but Parse(%q) = %d, %v", s, d.Short(), d.Short(), again, err)
		}
		_, _, _ = d.String(), d.Chinese(), d.NextXun()
	})
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := calendar.Parse("Jingkang 1/leap 11/25"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSong(b *testing.B) {
	first, n := calendar.First(), int(calendar.Last()-calendar.First())+1
	i := 0
	for b.Loop() {
		if _, ok := (first + calendar.Day(i%n)).Song(); !ok {
			b.Fatal("not in range")
		}
		i++
	}
}

func ExampleParse() {
	d, err := calendar.Parse("Xuanhe 7/12/1")
	if err != nil {
		panic(err)
	}
	fmt.Println(d)
	fmt.Println(d.Chinese(), d.ISO())
	_, err = calendar.Parse("Xuanhe 7/13/1")
	fmt.Println(err)
	// Output:
	// Xuanhe 7, 12th month, 1st day (27 December 1125)
	// 宣和七年十二月一日 1125-12-27
	// calendar: parsing "Xuanhe 7/13/1": Xuanhe 7 has no 13th month
}
