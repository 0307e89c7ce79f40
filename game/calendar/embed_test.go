package calendar

import (
	"os"
	"strings"
	"testing"
)

// sharedTable is the original month table, kept beside the repository.
const sharedTable = "../../../shared/history/song-lunar-months-1115-1128.tsv"

func TestEmbeddedTableMatchesShared(t *testing.T) {
	want, err := os.ReadFile(sharedTable)
	if err != nil {
		t.Fatalf("the shared month table must be present: %v", err)
	}
	if monthsTSV != string(want) {
		t.Errorf("embedded months.tsv differs from %s; copy it again byte for byte", sharedTable)
	}
}

func TestParseMonthsRejectsMalformedTables(t *testing.T) {
	const header = "# comment\nlunar_year\tsong_era\tera_year\tmonth\tleap\tdays\tfirst_day_julian\n"
	for _, tc := range []struct{ name, rows, want string }{
		{"empty", "", "no months"},
		{"fields", "1125\tXuanhe\t7\t12\t0\t29\n", "want 7"},
		{"era", "1125\tFoo\t7\t12\t0\t29\t1125-12-27\n", `unknown era "Foo"`},
		{"number", "1125\tXuanhe\tseven\t12\t0\t29\t1125-12-27\n", "invalid syntax"},
		{"date", "1125\tXuanhe\t7\t12\t0\t29\t1125/12/27\n", "bad date"},
		{"impossible date", "1125\tXuanhe\t7\t12\t0\t29\t1125-02-30\n", "out of range"},
		{"days", "1125\tXuanhe\t7\t12\t0\t31\t1125-12-27\n", "out of range"},
		{"year", "1125\tXuanhe\t8\t12\t0\t29\t1125-12-27\n", "out of range"},
		{"gap", "1125\tXuanhe\t7\t11\t0\t30\t1125-11-27\n1125\tXuanhe\t7\t12\t0\t29\t1125-12-28\n", "line 4: month does not start"},
	} {
		_, err := parseMonths(header + tc.rows)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	if ms, err := parseMonths(monthsTSV); err != nil || len(ms) != len(months) {
		t.Errorf("parseMonths(embedded table) = %d months, %v", len(ms), err)
	}
}
