package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// historicalEnding is the ending the record reaches.
const historicalEnding = "jingkang"

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

// Paths through the opening chapter, one for each ending that is not the record's.
const (
	heedMaKuo = "no_time_for_congratulation,back_three_corps,walls_before_land,petition_to_throne,provide_for_yisheng,make_good_payment,back_border_patrol,reports_to_throne,keep_liangmen_suicheng,summon_hebei_commanders,strength_behind_mission,sign_with_ma_kuo,ma_kuo_answer,counsel_zhending,walls_first,no_foot_of_land"
	backZhang = "sign_congratulation,four_commanders,guo_can_hold,file_petition,provide_for_yisheng,inquiry_at_mozhou,winter_garrisons,reports_to_register,copy_garrison_memorial,on_to_taiyuan,brief_as_written,to_zhang_xiaochun,ma_kuo_answer,counsel_stay,papers_as_written,back_li_ye"
	overreach = "no_time_for_congratulation,back_three_corps,guo_to_court,petition_to_throne,passes_from_yisheng,pay_the_grain,back_border_patrol,reports_to_throne,keep_liangmen_suicheng,envoy_words_to_court,strength_behind_mission,sign_with_ma_kuo,offer_money,counsel_go,shaanxi_first,crown_prince_authority"
)

// TestEndingPaths plays a golden transcript to each ending: heeding Ma Kuo reaches another
// ending than the record's.
func TestEndingPaths(t *testing.T) {
	tests := []struct{ name, seed, choices, ending string }{
		{"heed-ma-kuo-seed1", "1", heedMaKuo, "hebei_holds"},
		{"heed-ma-kuo-seed6", "6", heedMaKuo, "zhending_command"},
		{"back-zhang-xiaochun-seed2", "2", backZhang, "tong_holds_taiyuan"},
		{"overreach-seed1", "1", overreach, "recalled_in_disgrace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := runCmd(t, "play", "--seed", tt.seed, "--choices", tt.choices)
			if status != 0 {
				t.Fatalf("exit %d: %s", status, errOut)
			}
			if got := lastLine(out); got != "ending: "+tt.ending {
				t.Fatalf("last line %q, want ending: %s", got, tt.ending)
			}
			golden(t, tt.name, out)
		})
	}
}
