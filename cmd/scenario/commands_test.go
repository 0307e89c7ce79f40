package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// historicalEnding is the ending the record reaches.
const historicalEnding = "yanshan_falls"

func TestHistoricalTranscripts(t *testing.T) {
	for _, seed := range []string{"1", "2", "1125"} {
		out, errOut, status := runCmd(t, "play", "--historical", "--seed", seed)
		if status != 0 {
			t.Fatalf("seed %s: exit %d: %s", seed, status, errOut)
		}
		if got := lastLine(out); got != "ending: "+historicalEnding {
			t.Fatalf("seed %s: last line %q, want ending: %s", seed, got, historicalEnding)
		}
		if seed == "1" {
			golden(t, "historical-seed1", out)
		}
		again, _, _ := runCmd(t, "play", "--historical", "--seed", seed)
		if again != out {
			t.Fatalf("seed %s: two runs differ", seed)
		}
	}
}

func TestPendingWithoutInput(t *testing.T) {
	out, errOut, status := runCmd(t, "play", "--seed", "1")
	if status != 0 || !strings.Contains(out, "\npending: ") || !strings.Contains(out, "1. ") {
		t.Fatalf("exit %d, stderr %q; output ends %q", status, errOut, tail(out))
	}
}

func TestUnknownChoice(t *testing.T) {
	_, errOut, status := runCmd(t, "play", "--seed", "1", "--choices", "no_such_choice")
	if status != 1 || !strings.Contains(errOut, "no_such_choice") {
		t.Fatalf("exit %d, stderr %q", status, errOut)
	}
}

func TestSaveAndLoad(t *testing.T) {
	full, _, _ := runCmd(t, "play", "--historical", "--seed", "7")
	taken := chosenIDs(full)
	if len(taken) < 3 {
		t.Fatalf("the historical course takes %d choices", len(taken))
	}
	path := filepath.Join(t.TempDir(), "save.json")
	_, errOut, status := runCmd(t, "play", "--seed", "7", "--choices", strings.Join(taken[:2], ","), "--save", path)
	if status != 0 {
		t.Fatalf("play --save: exit %d: %s", status, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), `"`+taken[1]+`"`) || !strings.Contains(string(data), `"seed": 7`) {
		t.Fatalf("save file: %v\n%s", err, data)
	}
	loaded, errOut, status := runCmd(t, "play", "--load", path, "--historical")
	if status != 0 {
		t.Fatalf("play --load: exit %d: %s", status, errOut)
	}
	if got := chosenIDs(loaded); strings.Join(got, ",") != strings.Join(taken, ",") {
		t.Fatalf("loaded game took %v, the whole game %v", got, taken)
	}
	if lastLine(loaded) != lastLine(full) {
		t.Fatalf("loaded game ends %q, the whole game %q", lastLine(loaded), lastLine(full))
	}
}

var chosenID = regexp.MustCompile(`(?m)^> \[([a-z0-9_]+)\]`)

// chosenIDs returns the ids of the choices a transcript shows taken.
func chosenIDs(out string) []string {
	var ids []string
	for _, m := range chosenID.FindAllStringSubmatch(out, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func TestBadLoads(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	data := []byte(`{"version": 1, "choices": [`)
	if err := os.WriteFile(broken, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(dir, "missing.json"), broken} {
		_, errOut, status := runCmd(t, "play", "--load", path)
		if status != 1 || !strings.Contains(errOut, "cannot load the save") || strings.Contains(errOut, "panic") {
			t.Fatalf("%s: exit %d, stderr %q", path, status, errOut)
		}
	}
	if after, _ := os.ReadFile(broken); string(after) != string(data) {
		t.Fatal("the broken save was changed")
	}
}

func TestValidate(t *testing.T) {
	out, _, status := runCmd(t, "validate", "../../scenarios")
	if status != 0 || !regexp.MustCompile(`\d+ events, \d+ choices, \d+ endings`).MatchString(out) {
		t.Fatalf("exit %d: %s", status, out)
	}
	dir := t.TempDir()
	camp := filepath.Join(dir, "c")
	if err := os.CopyFS(camp, os.DirFS("../../scenarios/jingkang")); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(camp, "campaign.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n  : [unclosed\n")
	f.Close()
	out, _, status = runCmd(t, "validate", dir)
	if status != 1 || !regexp.MustCompile(`campaign\.yaml:\d+:\d+: `).MatchString(out) {
		t.Fatalf("broken file: exit %d: %s", status, out)
	}
	if _, _, status := runCmd(t, "validate", filepath.Join(dir, "none")); status != 1 {
		t.Fatalf("missing folder: exit %d", status)
	}
}

func TestFacts(t *testing.T) {
	out, _, status := runCmd(t, "facts")
	if status != 0 {
		t.Fatalf("exit %d", status)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	row := regexp.MustCompile(`^[a-z0-9_]+\t[A-Z][a-z]+ \d+/(leap )?\d+/\d+\t\d{4}-\d\d-\d\d\t(attested|disputed|invented)\t.+$`)
	for _, l := range lines {
		if !row.MatchString(l) {
			t.Errorf("facts row %q", l)
		}
	}
}

func tail(s string) string {
	if len(s) > 600 {
		return s[len(s)-600:]
	}
	return s
}
