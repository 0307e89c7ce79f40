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

// TestEndingPaths plays a golden transcript to each ending other than the record's (which
// TestHistoricalTranscripts plays): heeding Ma Kuo, backing Zhang Xiaochun, overreaching at
// court, and the counterfactual endings of 1126-27.
func TestEndingPaths(t *testing.T) {
	tests := []struct{ name, seed, choices, ending string }{
		{"heed-ma-kuo-seed1", "1", heedMaKuo, "hebei_holds"},
		{"heed-ma-kuo-seed6", "6", heedMaKuo, "zhending_command"},
		{"back-zhang-xiaochun-seed2", "2", backZhang, "tong_holds_taiyuan"},
		{"overreach-seed1", "1", overreach, "recalled_in_disgrace"},
		// The 1126-27 endings, on the first path explore found to each (ID#N forces an outcome).
		{"river-held-explored", "1", "no_time_for_congratulation#1,back_three_corps#1,guo_can_hold,petition_to_throne,run_them_down,pay_the_grain,winter_garrisons,reports_to_register,delay_till_spring,envoy_words_to_court,offer_the_fugitives,to_zhang_xiaochun,ma_kuo_answer,counsel_stay,papers_as_written,no_foot_of_land,succession_silence,call_the_west,picked_men_on_bank,memorial_wait,recall_tong_guan,strike_across,strike_their_rear", "river_held"},
		{"court-in-flight-explored", "1", "no_time_for_congratulation#1,back_three_corps#1,walls_before_land,petition_to_cai_you,run_them_down,pay_the_grain,back_border_patrol,after_the_sacrifice,copy_garrison_memorial,summon_hebei_commanders,strength_behind_mission,to_zhang_xiaochun,offer_money,counsel_zhending,walls_first,crown_prince_authority,succession_silence,call_the_west,back_he_guan,memorial_testify,go_east_with_tong,silence_in_the_hall,let_the_carts_go", "court_in_flight"},
		{"five-answers-explored", "1", "no_time_for_congratulation#1,back_three_corps#1,walls_before_land#0,petition_to_throne,provide_for_yisheng,pay_the_grain,leave_for_banquet,reports_to_throne,copy_garrison_memorial,on_to_taiyuan,strength_behind_mission,sign_with_ma_kuo,refer_to_court,counsel_stay,strike_sichuan,crown_prince_authority,urge_regency,call_the_west,send_all_to_liang,memorial_back_chen_dong,keep_guard_and_treasure,hold_with_li_gang,stand_with_li_gang,rear_army_on_fanjia,guard_granary,palace_steady,send_li_zhuo,hold_fire_for_talks,five_answers_counsel,palace_only,fire_the_camps,send_prince_kang,file_ma_kuo,separate_commission,open_sentence,buy_the_towns,case_to_capital,banners_forbid", "five_answers"},
		{"crossing-strike-explored", "1", "no_time_for_congratulation#1,back_three_corps#1,walls_before_land#0,petition_to_throne#1,passes_from_yisheng#0,pay_the_grain,winter_garrisons,reports_to_register,delay_till_spring,envoy_words_to_court,offer_the_fugitives,to_zhang_xiaochun,offer_money,counsel_stay,papers_as_written,boats_east,urge_emperor_south,counsel_talks,picked_men_on_bank,memorial_testify,go_east_with_tong,appeal_to_li_gang,silence_in_the_hall,to_the_uncles,take_fanjia_yourself,guard_granary,palace_steady,send_li_zhuo,hold_fire_for_talks,five_answers_counsel,palace_only,give_way_now,no_hostage_yet,ma_kuo_to_throne,one_command,spare_wang_fu,back_li_gang_day,write_liu_ge,tell_zhong_leak,chen_dong_caution,ride_out_li_gang,speak_for_li_gang,march_with_students,strike_half_across", "crossing_strike"},
		{"taiyuan-relieved-explored", "1", "no_time_for_congratulation#0,back_three_corps#1,walls_before_land#1,petition_to_throne#0,passes_from_yisheng,pay_the_grain,leave_for_banquet,reports_to_throne,delay_till_spring,envoy_words_to_court,offer_the_fugitives,sign_with_ma_kuo,refer_to_court,counsel_stay,strike_sichuan,back_li_ye,urge_emperor_south,counsel_talks,back_he_guan,memorial_back_chen_dong,stay_at_post,hold_with_li_gang,find_cao_meng,take_fanjia_yourself,bring_in_granary,stop_spy_killings,five_answers_for_envoy,ropes_down_wall,send_li_gang,palace_only,no_hostage_yet,file_ma_kuo,relief_outside,leave_to_nie_shan,back_yao_raid,law_takes_course,say_nothing_leak,chen_dong_caution,palace_raid,tell_students,give_crowd_its_way,envoys_to_treaty,strike_half_across,back_xu_han,towns_for_taxes,nanjing_let_come,shortcut_back,students_sun_di,return_geng,stations_refuse,wait_summer,vaults_li_gang,li_gang_full,ma_kuo_leave,letter_detain,levies_one_day,reckon_accuse", "taiyuan_relieved"},
		{"western-court-explored", "1", "no_time_for_congratulation#1,four_commanders,walls_before_land,petition_to_cai_you,provide_for_yisheng,inquiry_at_mozhou,winter_garrisons,reports_to_register,keep_liangmen_suicheng,envoy_words_to_court,strength_behind_mission,sign_with_ma_kuo,ma_kuo_answer,counsel_stay,walls_first,no_foot_of_land,succession_silence,call_the_west,back_he_guan,memorial_students_warned,keep_guard_and_treasure,hold_with_li_gang,find_cao_meng,take_fanjia_yourself,burn_granary,water_gate_with_li_gang,five_answers_for_envoy,hold_fire_for_talks,refuse_terms,fire_the_camps,ma_kuo_to_throne,one_command,spare_wang_fu,settle_five_answers,back_zhong_wait,law_takes_course,chen_dong_caution,strike_the_camp,send_back_empty,banners_forbid,no_escort,keep_armies_autumn,hold_the_towns,nanjing_let_come,shortcut_back,students_quiet,return_xu_churen,stations_crossings,press_shizhong,vaults_confiscate,li_gang_keep,ma_kuo_leave,letter_detain,levies_disband,reckon_mercy,ministers_li_gang,changan_go", "western_court"},
		{"walls-hold-explored", "1", "no_time_for_congratulation#1,back_three_corps#1,walls_before_land#0,petition_to_throne#1,passes_from_yisheng#0,make_good_payment#1,back_border_patrol#0,reports_to_register,keep_liangmen_suicheng,on_to_taiyuan,strength_behind_mission,to_zhang_xiaochun,offer_money,counsel_go,walls_first,back_li_ye,urge_emperor_south,counsel_talks,send_all_to_liang,memorial_students_warned,stay_at_post,hold_with_li_gang,to_the_uncles,rear_army_on_fanjia,bring_in_granary,palace_steady,send_li_zhuo,hold_fire_for_talks,accept_all_terms,strip_everything,minister_not_prince,ma_kuo_to_li_gang,one_command,spare_wang_fu,back_yao_raid,law_takes_course,say_nothing_leak,chen_dong_caution,palace_raid,banners_forbid,no_escort,keep_armies_autumn,towns_for_taxes,nanjing_nie_shan,shortcut_jingxing,students_sun_di,return_shengjie_west,stations_adopt,send_silver,vaults_li_gang,li_gang_as_ordered,ma_kuo_capital,letter_refuse,levies_one_day,ministers_li_gang,holds_grain,changan_refuse,assembly_refuse,terms_from_strength", "walls_hold"},
		{"beyond-the-walls-explored", "1", "sign_congratulation,cut_changsheng#1,guo_to_court,file_petition,provide_for_yisheng,make_good_payment,leave_for_banquet,reports_to_throne,keep_liangmen_suicheng,on_to_taiyuan,strength_behind_mission,prince_letter_only,ma_kuo_answer,counsel_go,papers_as_written,no_foot_of_land,urge_emperor_south,call_the_west,back_he_guan,memorial_back_chen_dong,recall_tong_guan,silence_in_the_hall,stand_with_li_gang,rear_army_on_fanjia,guard_granary,stop_spy_killings,back_li_gang_going,hold_fire_for_talks,refuse_terms,strip_everything,send_prince_kang,ma_kuo_to_li_gang,separate_commission,open_sentence,back_zhong_wait,write_liu_ge,say_nothing_leak,chen_dong_caution,ride_out_li_gang,side_li_bangyan,march_with_students,send_back_empty,banners_forbid,no_escort,let_zhong_rest,hold_the_towns,nanjing_li_gang,shortcut_jingxing,students_honour,return_geng,stations_adopt,send_silver,vaults_li_gang,li_gang_as_ordered,ma_kuo_free,letter_own_man,levies_disband,reckon_mercy,ministers_accept,changan_four_roads,assembly_cede,recall_relief,sixteen_patrols,progress_south_east", "beyond_the_walls"},
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
