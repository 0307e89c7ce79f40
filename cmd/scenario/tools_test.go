package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestAutoplaySameSeedSameReport(t *testing.T) {
	for _, st := range []string{"random", "historical", "cautious", "bold"} {
		args := []string{"autoplay", "--runs", "30", "--seed", "5", "--strategy", st}
		a, errOut, status := runCmd(t, args...)
		if status != 0 {
			t.Fatalf("%s: exit %d: %s", st, status, errOut)
		}
		b, _, _ := runCmd(t, append(args, "--workers", "1")...)
		if a != b {
			t.Fatalf("%s: two runs differ", st)
		}
		if !strings.Contains(a, "strategy "+st+", 30 runs, seeds 5..34\n") || strings.Contains(a, "timing") {
			t.Fatalf("%s: report header:\n%s", st, a)
		}
	}
	out, _, _ := runCmd(t, "autoplay", "--runs", "30", "--seed", "5", "--timing")
	if !regexp.MustCompile(`\ntiming: slowest run seed \d+, \S+\n$`).MatchString(out) {
		t.Fatalf("--timing: output ends %q", tail(out))
	}
}

func TestAutoplayHistorical(t *testing.T) {
	out, errOut, status := runCmd(t, "autoplay", "--runs", "50", "--strategy", "historical", "--json")
	if status != 0 {
		t.Fatalf("exit %d: %s", status, errOut)
	}
	var r struct {
		Runs    int
		Endings []struct {
			ID      string
			Runs    int
			Percent float64
		}
		Errors []any
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, e := range r.Endings {
		want := 0.0
		if e.ID == historicalEnding {
			want = 100
		}
		if e.Percent != want {
			t.Errorf("ending %s: %.1f%%, want %.0f%%", e.ID, e.Percent, want)
		}
	}
	if r.Runs != 50 || len(r.Errors) != 0 {
		t.Fatalf("runs %d, errors %v", r.Runs, r.Errors)
	}
	golden(t, "autoplay-historical", mustRun(t, "autoplay", "--runs", "20", "--strategy", "historical"))
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, status := runCmd(t, args...)
	if status != 0 {
		t.Fatalf("%v: exit %d: %s", args, status, errOut)
	}
	return out
}

func TestAutoplayMisuse(t *testing.T) {
	for _, args := range [][]string{{"--strategy", "reckless"}, {"--runs", "0"}, {"extra"}} {
		if _, _, status := runCmd(t, append([]string{"autoplay"}, args...)...); status != 2 {
			t.Errorf("%v: exit %d, want 2", args, status)
		}
	}
}

// TestExploreCoverage records what explore reaches on the shipped campaign with seed 1 and a
// budget of 2000 replays. Content behind weighted draws that seed 1 never makes (and
// censors_memorial, which 5000 random games never reach either) stays unreached, so explore
// exits 1 and names it.
// TestExploreCoverage checks that explore reaches every event, choice and ending of the shipped
// campaign (CI runs it too) and gives the same report twice.
func TestExploreCoverage(t *testing.T) {
	out, _, status := runCmd(t, "explore", "--budget", "3000")
	if status != 0 {
		t.Fatalf("exit %d, want 0: the shipped campaign has content explore cannot reach:\n%s", status, out)
	}
	if !strings.Contains(out, "coverage: ") || strings.Contains(out, "never reached") {
		t.Errorf("want full coverage:\n%s", out)
	}
	again, _, _ := runCmd(t, "explore", "--budget", "3000")
	if again != out {
		t.Fatal("two explorations differ")
	}
}

// TestExploreUnreachable checks that explore names unreachable content and exits 1.
func TestExploreUnreachable(t *testing.T) {
	dir := t.TempDir()
	mini := filepath.Join("..", "..", "game", "sim", "testdata", "mini")
	if err := os.CopyFS(filepath.Join(dir, "mini"), os.DirFS(mini)); err != nil {
		t.Fatal(err)
	}
	lost := `events:
  - id: never_told
    date: Xuanhe 7/12/9
    when: treasury > 900
    title: Never
    text: This cannot happen.
    choices:
      - {id: never_taken, text: Never.}
    history: {date: Xuanhe 7/12/9, tag: invented, happened: A test., sources: [none]}
endings:
  - {id: never_ended, title: Never, kind: counterfactual, when: treasury > 950, text: Never., history: A test.}
`
	if err := os.WriteFile(filepath.Join(dir, "mini", "lost.yaml"), []byte(lost), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, status := runCmd(t, "explore", "--dir", dir, "--budget", "500")
	if status != 1 {
		t.Fatalf("exit %d, want 1:\n%s", status, out)
	}
	for _, want := range []string{
		"every reachable state visited",
		"never reached: events: never_told\n",
		"never reached: choices: bribe, never_taken\n", // bribe needs a treasury the mini campaign never has
		"never reached: endings: never_ended\n",
		"  yanshan_lost: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestGraph(t *testing.T) {
	out := mustRun(t, "graph", "--budget", "300")
	if !strings.HasPrefix(out, "digraph \"jingkang\" {\n") || !strings.HasSuffix(out, "}\n") {
		t.Fatalf("not a DOT digraph:\n%s", tail(out))
	}
	facts := mustRun(t, "facts")
	for _, line := range strings.Split(strings.TrimSpace(facts), "\n") {
		id := strings.SplitN(line, "\t", 2)[0]
		if !strings.Contains(out, "\"event:"+id+"\" [shape=box") {
			t.Errorf("event %s is not in the graph", id)
		}
	}
	if !strings.Contains(out, "shape=doubleoctagon") || !strings.Contains(out, "color=red") {
		t.Error("no endings, or nothing unreached drawn in red")
	}
	if again := mustRun(t, "graph", "--budget", "300"); again != out {
		t.Fatal("two graphs differ")
	}
}

func TestValidateWarnings(t *testing.T) {
	dir := t.TempDir()
	mini := filepath.Join("..", "..", "game", "sim", "testdata", "mini")
	if err := os.CopyFS(filepath.Join(dir, "mini"), os.DirFS(mini)); err != nil {
		t.Fatal(err)
	}
	extra := "flags:\n  - id: never_read\nevents:\n  - id: writes\n    date: Xuanhe 7/12/2\n    title: W\n    text: W.\n    effects: [never_read = true]\n    history: {date: Xuanhe 7/12/2, tag: invented, happened: A test., sources: [none]}\n"
	if err := os.WriteFile(filepath.Join(dir, "mini", "extra.yaml"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, status := runCmd(t, "validate", dir)
	if status != 0 {
		t.Fatalf("warnings changed the exit status to %d:\n%s", status, out)
	}
	warn := regexp.MustCompile(`(?m)^.*/mini/extra\.yaml:8:15: warning: never_read is written but never read`)
	if !warn.MatchString(out) {
		t.Fatalf("no warning for never_read:\n%s", out)
	}
}
