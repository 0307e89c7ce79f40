// Package calendar maps days to the Song lunisolar calendar of 1115–1128,
// with its reign eras and intercalary months, and to the Julian calendar.
//
// Days are counted as Julian Day Numbers. The Song months come from an
// embedded table (months.tsv, a copy of
// shared/history/song-lunar-months-1115-1128.tsv).
package calendar

import (
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Day is a day, counted as its Julian Day Number (JDN).
type Day int

// Date is a Song calendar date.
type Date struct {
	Era   string // reign era, e.g. "Xuanhe"
	Year  int    // year of the era, from 1
	Month int    // lunar month, 1–12
	Leap  bool   // intercalary month (閏), following the ordinary month of the same number
	Day   int    // day of the month, 1–30
}

// era is a reign era: its romanized and Chinese names and how many years it
// lasted in history (its last years may lie beyond the month table).
type era struct {
	name, chinese string
	years         int
}

var eras = []era{
	{"Zhenghe", "政和", 8},
	{"Chonghe", "重和", 2},
	{"Xuanhe", "宣和", 7},
	{"Jingkang", "靖康", 2},
	{"Jianyan", "建炎", 4},
}

func findEra(name string) *era {
	for i := range eras {
		if strings.EqualFold(eras[i].name, name) {
			return &eras[i]
		}
	}
	return nil
}

// month is one row of the month table.
type month struct {
	era   *era
	year  int
	num   int
	leap  bool
	days  int
	first Day
}

//go:embed months.tsv
var monthsTSV string

// months is the month table in order; each month starts the day after the
// previous one ends.
var months = mustParseMonths(monthsTSV)

func mustParseMonths(text string) []month {
	ms, err := parseMonths(text)
	if err != nil {
		panic("calendar: months.tsv: " + err.Error())
	}
	return ms
}

func parseMonths(text string) ([]month, error) {
	var ms []month
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "lunar_year\t") {
			continue
		}
		m, err := parseMonth(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		if n := len(ms); n > 0 && ms[n-1].first+Day(ms[n-1].days) != m.first {
			return nil, fmt.Errorf("line %d: month does not start the day after the previous one ends", i+1)
		}
		ms = append(ms, m)
	}
	if len(ms) == 0 {
		return nil, errors.New("no months")
	}
	return ms, nil
}

func parseMonth(line string) (month, error) {
	f := strings.Split(line, "\t")
	if len(f) != 7 {
		return month{}, fmt.Errorf("want 7 tab-separated fields, got %d", len(f))
	}
	var m month
	if m.era = findEra(f[1]); m.era == nil {
		return m, fmt.Errorf("unknown era %q", f[1])
	}
	var n [4]int
	for i, s := range []string{f[2], f[3], f[4], f[5]} {
		v, err := strconv.Atoi(s)
		if err != nil {
			return m, err
		}
		n[i] = v
	}
	m.year, m.num, m.leap, m.days = n[0], n[1], n[2] == 1, n[3]
	ymd := strings.Split(f[6], "-")
	if len(ymd) != 3 {
		return m, fmt.Errorf("bad date %q", f[6])
	}
	var jd [3]int
	for i, s := range ymd {
		v, err := strconv.Atoi(s)
		if err != nil {
			return m, err
		}
		jd[i] = v
	}
	m.first = FromJulian(jd[0], jd[1], jd[2])
	if m.year < 1 || m.year > m.era.years || m.num < 1 || m.num > 12 ||
		n[2] < 0 || n[2] > 1 || m.days < 29 || m.days > 30 || m.first.ISO() != f[6] {
		return m, errors.New("value out of range")
	}
	return m, nil
}

// First returns the first day the month table covers.
func First() Day { return months[0].first }

// Last returns the last day the month table covers.
func Last() Day {
	m := months[len(months)-1]
	return m.first + Day(m.days) - 1
}

// InRange reports whether d lies between First and Last.
func (d Day) InRange() bool { return d >= First() && d <= Last() }

// month returns the Song month containing d.
func (d Day) month() (*month, bool) {
	i := sort.Search(len(months), func(i int) bool { return months[i].first > d }) - 1
	if i < 0 || d >= months[i].first+Day(months[i].days) {
		return nil, false
	}
	return &months[i], true
}

// Song returns d as a Song calendar date; ok is false when d is outside the
// table (see First and Last).
func (d Day) Song() (date Date, ok bool) {
	m, ok := d.month()
	if !ok {
		return Date{}, false
	}
	return Date{Era: m.era.name, Year: m.year, Month: m.num, Leap: m.leap, Day: int(d-m.first) + 1}, true
}

// FromJulian returns the day with the given Julian (not Gregorian) calendar
// date: year y (astronomical numbering: 1 AD = 1, 1 BC = 0), month m (1–12),
// day d.
func FromJulian(y, m, d int) Day {
	a := floorDiv(14-m, 12)
	y += 4800 - a
	m += 12*a - 3
	return Day(d + floorDiv(153*m+2, 5) + 365*y + floorDiv(y, 4) - 32083)
}

// Julian returns d's Julian calendar date: year, month (1–12) and day.
func (d Day) Julian() (y, m, day int) {
	c := int(d) + 32082
	b := floorDiv(4*c+3, 1461)
	e := c - floorDiv(1461*b, 4)
	k := (5*e + 2) / 153
	day = e - (153*k+2)/5 + 1
	m = k + 3 - 12*(k/10)
	y = b - 4800 + k/10
	return y, m, day
}

// floorDiv divides rounding down, so negative days convert correctly too.
func floorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// ISO returns d's Julian calendar date as year-month-day, e.g. "1125-12-27".
func (d Day) ISO() string {
	y, m, day := d.Julian()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
}

// Short returns d in the form Parse reads, e.g. "Xuanhe 7/12/1" or
// "Jingkang 1/leap 11/25"; outside the table it returns e.g. "JDN 2131000".
func (d Day) Short() string {
	if date, ok := d.Song(); ok {
		return date.String()
	}
	return fmt.Sprintf("JDN %d", int(d))
}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// String returns d spelled out with its Julian date, e.g.
// "Xuanhe 7, 12th month, 1st day (27 December 1125)" or
// "Jingkang 1, intercalary 11th month, 25th day (9 January 1127)";
// outside the table, e.g. "JDN 2131000 (9 March 1122)". It is Long and JulianLong together.
func (d Day) String() string { return d.Long() + " (" + d.JulianLong() + ")" }

// Long returns d's Song date spelled out, e.g. "Xuanhe 7, 12th month, 1st day" or
// "Jingkang 1, intercalary 11th month, 25th day"; outside the table it returns Short.
func (d Day) Long() string {
	date, ok := d.Song()
	if !ok {
		return d.Short()
	}
	return date.Long()
}

// JulianLong returns d's Julian calendar date spelled out, e.g. "27 December 1125".
func (d Day) JulianLong() string {
	y, m, day := d.Julian()
	return fmt.Sprintf("%d %s %d", day, monthNames[((m-1)%12+12)%12], y)
}

// Long returns the date spelled out, e.g. "Xuanhe 7, 12th month, 1st day" or
// "Jingkang 1, intercalary 11th month, 25th day".
func (d Date) Long() string {
	leap := ""
	if d.Leap {
		leap = "intercalary "
	}
	return fmt.Sprintf("%s %d, %s%s month, %s day", d.Era, d.Year, leap, ordinal(d.Month), ordinal(d.Day))
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// Chinese returns d written in Chinese, e.g. "宣和七年十二月一日" or
// "靖康元年閏十一月二十五日" (元年 for year 1, 正月 for the first month);
// outside the table it returns the same as Short.
func (d Day) Chinese() string {
	m, ok := d.month()
	if !ok {
		return d.Short()
	}
	year, mon := chineseNumber(m.year), chineseNumber(m.num)
	if m.year == 1 {
		year = "元"
	}
	if m.num == 1 {
		mon = "正"
	}
	if m.leap {
		mon = "閏" + mon
	}
	return m.era.chinese + year + "年" + mon + "月" + chineseNumber(int(d-m.first)+1) + "日"
}

// chineseNumber writes n, from 1 to 99, in Chinese numerals.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if n < 10 {
		return digits[n]
	}
	tens := digits[n/10] + "十"
	if n < 20 {
		tens = "十"
	}
	return tens + digits[n%10]
}

// xun returns the first and last day of the xun containing d; outside the
// table both are d.
func (d Day) xun() (start, end Day) {
	m, ok := d.month()
	if !ok {
		return d, d
	}
	switch off := d - m.first; {
	case off < 10:
		return m.first, m.first + 9
	case off < 20:
		return m.first + 10, m.first + 19
	default:
		return m.first + 20, m.first + Day(m.days) - 1
	}
}

// MonthEnd returns the last day of the Song month containing d. Outside the table it returns d.
func (d Day) MonthEnd() Day {
	m, ok := d.month()
	if !ok {
		return d
	}
	return m.first + Day(m.days) - 1
}

// ParseMonth reads a Song month written era year/month, e.g. "Jingkang 1/5" or
// "Jingkang 1/leap 11", and returns its first day.
func ParseMonth(s string) (Day, error) {
	d, err := parse(strings.TrimSpace(s) + "/1")
	if err != nil {
		return 0, fmt.Errorf("calendar: parsing %q: %v", s, err)
	}
	return d, nil
}

// XunStart returns the first day of the xun (days 1–10, 11–20 or 21 to the
// end of the lunar month) containing d. Outside the table it returns d.
func (d Day) XunStart() Day { s, _ := d.xun(); return s }

// XunEnd returns the last day of the xun containing d. Outside the table it
// returns d.
func (d Day) XunEnd() Day { _, e := d.xun(); return e }

// NextXun returns the first day of the xun after the one containing d,
// that is d.XunEnd()+1.
func (d Day) NextXun() Day { return d.XunEnd() + 1 }

// String returns the date in the form Parse reads, e.g. "Xuanhe 7/12/1" or
// "Jingkang 1/leap 11/25".
func (d Date) String() string {
	leap := ""
	if d.Leap {
		leap = "leap "
	}
	return fmt.Sprintf("%s %d/%s%d/%d", d.Era, d.Year, leap, d.Month, d.Day)
}

// Parse reads a Song date written era year/month/day, e.g. "Xuanhe 7/12/1",
// with "leap" before an intercalary month: "Jingkang 1/leap 11/25". The era
// name is case-insensitive and spaces around '/' are allowed. The date must
// exist in the month table.
func Parse(s string) (Day, error) {
	d, err := parse(s)
	if err != nil {
		return 0, fmt.Errorf("calendar: parsing %q: %v", s, err)
	}
	return d, nil
}

func parse(s string) (Day, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsDigit(r) || r == '/' })
	if i < 0 {
		i = len(s)
	}
	name := s[:i]
	if name == "" {
		return 0, errors.New(`missing era name (want e.g. "Xuanhe 7/12/1")`)
	}
	e := findEra(name)
	if e == nil {
		return 0, fmt.Errorf("no era named %s", name)
	}
	parts := strings.Split(s[i:], "/")
	if len(parts) != 3 {
		return 0, errors.New(`want era year/month/day, e.g. "Xuanhe 7/12/1"`)
	}
	mon := strings.TrimSpace(parts[1])
	leap := len(mon) >= 4 && strings.EqualFold(mon[:4], "leap")
	if leap {
		mon = mon[4:]
	}
	var n [3]int
	for i, p := range []string{parts[0], mon, parts[2]} {
		p = strings.TrimSpace(p)
		v, err := strconv.Atoi(p)
		if err != nil || strings.TrimLeft(p, "0123456789") != "" {
			return 0, fmt.Errorf("bad %s %q", [...]string{"year", "month", "day"}[i], p)
		}
		n[i] = v
	}
	year, num, day := n[0], n[1], n[2]
	if year < 1 || year > e.years {
		return 0, fmt.Errorf("%s has no year %d (the era lasted %d years)", e.name, year, e.years)
	}
	var m *month
	seen := false
	for i := range months {
		if months[i].era == e && months[i].year == year {
			seen = true
			if months[i].num == num && months[i].leap == leap {
				m = &months[i]
			}
		}
	}
	switch {
	case !seen:
		return 0, fmt.Errorf("%s %d is outside the calendar (1115-1128)", e.name, year)
	case m == nil && leap:
		return 0, fmt.Errorf("%s %d has no intercalary %s month", e.name, year, ordinal(num))
	case m == nil:
		return 0, fmt.Errorf("%s %d has no %s month", e.name, year, ordinal(num))
	case day < 1 || day > m.days:
		mo := Date{Era: e.name, Year: year, Month: num, Leap: leap}.String()
		return 0, fmt.Errorf("%s has %d days", mo[:strings.LastIndexByte(mo, '/')], m.days)
	}
	return m.first + Day(day-1), nil
}
