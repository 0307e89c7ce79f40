package save_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

const miniDir = "../sim/testdata/mini"

// loadMini loads the engine's test campaign, with each replacement old→new made in its events.
func loadMini(t testing.TB, replace ...string) *scenario.Campaign {
	t.Helper()
	fsys := fstest.MapFS{}
	entries, err := os.ReadDir(miniDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(miniDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for i := 0; i+1 < len(replace); i += 2 {
			text = strings.ReplaceAll(text, replace[i], replace[i+1])
		}
		fsys["mini/"+e.Name()] = &fstest.MapFile{Data: []byte(text)}
	}
	c, err := scenario.Load(fsys, "mini")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSaveLoadReplayIsIdentical(t *testing.T) {
	c := loadMini(t)
	for seed := uint64(0); seed < 20; seed++ {
		g := sim.New(c, seed)
		if err := g.Choose("warn_court"); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "save.json")
		if err := save.WriteFile(path, save.Of(g)); err != nil {
			t.Fatal(err)
		}
		s, err := save.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		g2, stop, err := save.Replay(c, s)
		if err != nil || stop != nil {
			t.Fatalf("replay: %v, %v", stop, err)
		}
		if !bytes.Equal(g.Snapshot(), g2.Snapshot()) {
			t.Fatalf("seed %d: replayed state differs:\n%s\n---\n%s", seed, g.Snapshot(), g2.Snapshot())
		}
	}
}

func TestReplayStopsWhereTheCampaignChanged(t *testing.T) {
	old := loadMini(t)
	g := sim.New(old, 3)
	for _, id := range []string{"send_quietly", "let_him_go"} {
		if err := g.Choose(id); err != nil {
			t.Fatal(err)
		}
	}
	s := save.Of(g)
	changed := loadMini(t, "id: let_him_go", "id: keep_silent", "version: 2", "version: 3")
	g2, stop, err := save.Replay(changed, s)
	if err != nil {
		t.Fatal(err)
	}
	if stop == nil || stop.Index != 1 || stop.Choice != "let_him_go" {
		t.Fatalf("stop = %+v, want at choice 2, let_him_go", stop)
	}
	for _, want := range []string{"choice 2", "let_him_go", "event stay_or_go offers no choice let_him_go", "version 2", "version 3"} {
		if !strings.Contains(stop.Error(), want) {
			t.Errorf("stop message %q lacks %q", stop.Error(), want)
		}
	}
	if g2.Pending() == nil || g2.Pending().ID != "stay_or_go" || len(g2.Log()) != 1 {
		t.Fatalf("replayed game: pending %v, log %v", g2.Pending(), g2.Log())
	}
}

func TestReplayAfterTheEnd(t *testing.T) {
	c := loadMini(t)
	s := save.Save{Format: save.Format, Version: 1, Campaign: "mini", CampaignVersion: 2, Seed: 1,
		Choices: []string{"send_quietly", "let_him_go", "send_quietly"}}
	_, stop, err := save.Replay(c, s)
	if err != nil || stop == nil || stop.Index != 2 || !strings.Contains(stop.Reason, "already ended") {
		t.Fatalf("stop = %v, err = %v", stop, err)
	}
}

func TestReplayOtherCampaign(t *testing.T) {
	s := save.Save{Format: save.Format, Version: 1, Campaign: "other", Seed: 1}
	if _, _, err := save.Replay(loadMini(t), s); err == nil || !strings.Contains(err.Error(), `"other"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestDecodeRejects(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"empty", "", "empty or cut short"},
		{"truncated", `{"version": 1, "choices": [`, "cut short"},
		{"not json", "hello", "not a valid save"},
		{"wrong format", `{"format":"x","version":1,"campaign":"c","seed":1,"choices":[]}`, "not a Bianjing save"},
		{"future version", `{"format":"bianjing-save","version":9,"campaign":"c","seed":1,"choices":[]}`, "version 9"},
		{"no campaign", `{"format":"bianjing-save","version":1,"seed":1,"choices":[]}`, "names no campaign"},
		{"unknown field", `{"format":"bianjing-save","version":1,"campaign":"c","seed":1,"choices":[],"cheat":1}`, "unknown field"},
		{"trailing data", `{"format":"bianjing-save","version":1,"campaign":"c","seed":1,"choices":[]} {}`, "data after its end"},
		{"empty choice", `{"format":"bianjing-save","version":1,"campaign":"c","seed":1,"choices":[""]}`, "choice 1 is not"},
		{"negative seed", `{"format":"bianjing-save","version":1,"campaign":"c","seed":-1,"choices":[]}`, "not a valid save"},
		{"too big", strings.Repeat(" ", save.MaxSize+1), "at most"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := save.Decode([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to say %q", err, tt.want)
			}
		})
	}
}

func TestBadFileIsLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "save.json")
	data := []byte(`{"version": 1, "choices": [`)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := save.ReadFile(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want one naming the file", err)
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(after, data) {
		t.Fatalf("the bad save was changed: %q, %v", after, err)
	}
}

func TestWriteFileReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "save.json")
	s := save.Save{Format: save.Format, Version: 1, Campaign: "mini", CampaignVersion: 2, Seed: 5, Choices: []string{"a"}}
	for i := 0; i < 2; i++ {
		if err := save.WriteFile(path, s); err != nil {
			t.Fatal(err)
		}
	}
	got, err := save.ReadFile(path)
	if err != nil || got.Seed != 5 || len(got.Choices) != 1 {
		t.Fatalf("read back %+v, %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d files, want only the save (no temporary files left)", len(entries))
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"format":"bianjing-save","version":1,"campaign":"mini","campaign_version":2,"seed":1,"choices":["send_quietly"]}`))
	f.Add([]byte(`{"version": 1, "choices": [`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"format":"bianjing-save","version":2,"campaign":"mini","campaign_version":2,"seed":3,"choices":["send_quietly"],"story":"12ab34cd"}`))
	c := loadMini(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := save.Decode(data)
		if err != nil {
			return
		}
		// Whatever a decoded save says, replaying it must not panic.
		s.Campaign = c.ID
		g, _, err := save.Replay(c, s)
		if err != nil || g == nil {
			t.Fatalf("replay of a decoded save: %v", err)
		}
		// And what it encodes to decodes to the same save.
		again, err := save.Decode(s.Encode())
		if err != nil || again.Seed != s.Seed || len(again.Choices) != len(s.Choices) {
			t.Fatalf("round trip: %+v, %v", again, err)
		}
	})
}

// A campaign that tells another story with the same choices stops the replay at the first
// decision reached by the changed story, and says so: never a silently different game.
func TestReplayStopsWhereTheStoryChanged(t *testing.T) {
	old := loadMini(t)
	g := sim.New(old, 3)
	for _, id := range []string{"send_quietly", "let_him_go"} {
		if err := g.Choose(id); err != nil {
			t.Fatal(err)
		}
	}
	s := save.Of(g)
	if len(s.Story) != 4*3 {
		t.Fatalf("story %q: want 4 digits for each of 3 steps", s.Story)
	}
	// The envoys' report no longer fires: the second decision is reached by another story.
	changed := loadMini(t, "title: The envoys\n", "title: The envoys\n    when: \"false\"\n")
	g2, stop, err := save.Replay(changed, s)
	if err != nil {
		t.Fatal(err)
	}
	if stop == nil || stop.Index != 1 || stop.Choice != "let_him_go" || !strings.Contains(stop.Error(), "no longer the ones the save recorded") {
		t.Fatalf("stop = %v, want one before choice 2, let_him_go, saying the story changed", stop)
	}
	if g2.Pending() == nil || g2.Pending().ID != "stay_or_go" || len(g2.Log()) != 1 {
		t.Fatalf("replayed game: pending %v, log %v", g2.Pending(), g2.Log())
	}
	// Mending the wording is not a change of story.
	mended := loadMini(t, "The Jin envoys demand Hedong and Hebei.", "The Jin envoys demand Hedong and all Hebei.")
	if _, stop, err := save.Replay(mended, s); err != nil || stop != nil {
		t.Fatalf("mended wording: stop %v, err %v", stop, err)
	}
	// A save of version 1 records no story: with another version of the campaign it replays
	// whole and says the story may differ.
	s.Version, s.Story, s.CampaignVersion = 1, "", 1
	if _, stop, err := save.Replay(changed, s); err != nil || stop == nil || stop.Choice != "" || !strings.Contains(stop.Error(), "may differ") {
		t.Fatalf("version 1 save: stop %v, err %v", stop, err)
	}
}

func TestDecodeRejectsABadStory(t *testing.T) {
	for _, story := range []string{"abc", "zzzz0000", "00000000000"} {
		doc := `{"format":"bianjing-save","version":2,"campaign":"c","seed":1,"choices":["a"],"story":"` + story + `"}`
		if _, err := save.Decode([]byte(doc)); err == nil || !strings.Contains(err.Error(), "story") {
			t.Errorf("story %q: err = %v", story, err)
		}
	}
	ok := `{"format":"bianjing-save","version":2,"campaign":"c","seed":1,"choices":["a"],"story":"0a1bFFFF"}`
	if _, err := save.Decode([]byte(ok)); err != nil {
		t.Errorf("a good story: %v", err)
	}
}
