//go:build display

package ui_test

import (
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/store"
	"github.com/bianjing1125/bianjing/game/ui"
	"github.com/hajimehoshi/ebiten/v2"
)

// liveCampaign copies the engine's small test campaign into a temporary folder an author can
// edit, and returns the folder.
func liveCampaign(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "sim", "testdata", "mini")
	dst := filepath.Join(t.TempDir(), "mini")
	if err := os.Mkdir(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// edits counts the edits, so that each gets a later modification time than the one before.
var edits int

// edit replaces old by new in a file of the folder, as an author's editor saves it.
func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s holds no %q", name, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	edits++
	when := time.Now().Add(time.Duration(edits) * time.Second)
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
}

// lineOf is the line (from 1) of the first line of a file of dir that holds s.
func lineOf(t *testing.T, dir, name, s string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%s holds no %q", name, s)
	return 0
}

// liveApp is a scripted App that plays and watches a campaign folder, with what a test does
// to it.
type liveApp struct {
	*ui.App
	t   *testing.T
	dst *ebiten.Image
}

func newLiveApp(t *testing.T, opts ui.Options) *liveApp {
	t.Helper()
	opts.Scripted = true
	opts.WatchEvery = 10 * time.Millisecond
	if opts.Store == nil {
		opts.Store = store.Memory()
	}
	var a *ui.App
	var err error
	inFrame(func() {
		if a, err = ui.New(opts); err == nil {
			a.Resize(1280, 800, 1)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	return &liveApp{App: a, t: t, dst: newImage(1280, 800)}
}

// step runs one tick with the input (the pointer out of the window unless given) and draws.
func (la *liveApp) step(in ui.Input) {
	la.t.Helper()
	if in.X == 0 && in.Y == 0 {
		in.X, in.Y = -1, -1
	}
	if err := tick(la.t, la.App, in, la.dst); err != nil {
		la.t.Fatal(err)
	}
}

// await ticks until cond holds, as the folder is polled and loaded in the background.
func (la *liveApp) await(what string, cond func() bool) {
	la.t.Helper()
	for end := time.Now().Add(15 * time.Second); !cond(); {
		if time.Now().After(end) {
			la.t.Fatalf("waited in vain for %s; screen %s, notice %q, problems %v", what, la.Screen(), la.Notice(), la.Problems())
		}
		la.step(ui.Input{})
	}
	la.step(ui.Input{}) // and draw it
	la.shot(what)
}

// shot writes the screen last drawn to $BIANJING_LIVE_SHOTS/NAME.png when that is set, to
// look at.
func (la *liveApp) shot(name string) {
	dir := os.Getenv("BIANJING_LIVE_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, la.t.Name()+"-"+strings.ReplaceAll(name, " ", "-")+".png"))
	if err != nil {
		la.t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, pixels(la.dst)); err != nil {
		la.t.Fatal(err)
	}
}

// TestLivePreview plays a choice of a campaign on disk, breaks a file (the problems are
// shown and the game kept), fixes it (the game resumes with its choice replayed on the new
// text), then renames the choice taken (the replay stops there and says why).
func TestLivePreview(t *testing.T) {
	dir := liveCampaign(t)
	a := newLiveApp(t, ui.Options{Watch: dir, Seed: 1})
	step, await := a.step, a.await
	step(ui.Input{})
	if a.Screen() != ui.AudienceScreen || !a.AwaitsChoice() || a.Problems() != nil {
		t.Fatalf("at start: screen %s, awaits %v, problems %v", a.Screen(), a.AwaitsChoice(), a.Problems())
	}
	step(key(ebiten.KeyEnter))  // the whole scene at once
	step(key(ebiten.KeyDigit1)) // "Let him go as Tong Guan wishes."
	g := a.Game()
	if !slices.Equal(g.Log(), []string{"send_quietly"}) {
		t.Fatalf("log %v after the first choice", g.Log())
	}

	// A misspelt quantity: the problems screen names the file, line and column.
	line := lineOf(t, dir, "events.yaml", "trust += 2")
	edit(t, dir, "events.yaml", "trust += 2", "trusty += 2")
	await("problems", func() bool { return a.Screen() == ui.ProblemsScreen })
	var ps scenario.Problems
	if !errors.As(a.Problems(), &ps) || len(ps) == 0 {
		t.Fatalf("problems %v", a.Problems())
	}
	if p := ps[0]; p.Pos.File != filepath.Join(dir, "events.yaml") || p.Pos.Line != line || !strings.Contains(p.Message, "trusty") {
		t.Errorf("problem %v, want one at %s:%d about trusty", p, filepath.Join(dir, "events.yaml"), line)
	}
	text := readerText(a.App)
	for _, want := range []string{ps[0].String(), "Your game is kept", "its one choice is replayed"} {
		if !strings.Contains(text, want) {
			t.Errorf("the problems screen does not say %q:\n%s", want, text)
		}
	}
	if a.Game() != g {
		t.Fatal("the game in progress was not kept")
	}

	// Escape plays on with the last version that loaded; P shows the problems again.
	step(key(ebiten.KeyEscape))
	if a.Screen() != ui.AudienceScreen || a.Game() != g {
		t.Fatalf("after Escape: screen %s", a.Screen())
	}
	a.shot("played on")
	step(key(ebiten.KeyP))
	if a.Screen() != ui.ProblemsScreen {
		t.Fatalf("after P: screen %s", a.Screen())
	}

	// The fix, with a new line of text: the game resumes on the page it was on.
	edit(t, dir, "events.yaml", "trusty += 2", "trust += 2")
	edit(t, dir, "events.yaml", "Tong Guan sends Ma Kuo north.", "Tong Guan sends Ma Kuo north, into the snow.")
	await("resumed", func() bool { return a.Screen() == ui.AudienceScreen })
	if a.Problems() != nil {
		t.Fatalf("problems after the fix: %v", a.Problems())
	}
	if a.Game() == g || a.Game().Campaign() == g.Campaign() || !slices.Equal(a.Game().Log(), g.Log()) {
		t.Fatalf("after the fix: log %v, a new game %v", a.Game().Log(), a.Game() != g)
	}
	if n := a.Notice(); !strings.Contains(n, "Reloaded (events.yaml changed): replayed the one choice") {
		t.Errorf("notice %q", n)
	}
	if text := readerText(a.App); !strings.Contains(text, "into the snow") || !strings.Contains(text, "Let him go as Tong Guan wishes.") {
		t.Errorf("the audience does not show the mission's new text and the choice taken:\n%s", text)
	}
	if a.AwaitsChoice() {
		t.Error("the page of the choice taken became a decision again")
	}

	// The choice taken renamed: the replay stops there, and the decision waits again.
	edit(t, dir, "events.yaml", "id: send_quietly", "id: send_north")
	await("stopped", func() bool { return strings.Contains(a.Notice(), "stopped") })
	want := "Reloaded (events.yaml changed): replayed 0 of 1 choice; stopped at choice 1 (send_quietly): event mission offers no choice send_quietly."
	if n := a.Notice(); n != want {
		t.Errorf("notice\n%q, want\n%q", n, want)
	}
	if a.Screen() != ui.AudienceScreen || !a.AwaitsChoice() || len(a.Game().Log()) != 0 {
		t.Errorf("after the stop: screen %s, awaits %v, log %v", a.Screen(), a.AwaitsChoice(), a.Game().Log())
	}
}

// TestLivePreviewStartsBroken starts on a folder that does not load: the window opens on its
// problems, and on the title once it is fixed.
func TestLivePreviewStartsBroken(t *testing.T) {
	dir := liveCampaign(t)
	edit(t, dir, "campaign.yaml", "title: The envoy's winter", "titel: The envoy's winter")
	var reports []string
	a := newLiveApp(t, ui.Options{Watch: dir, Report: func(s string) { reports = append(reports, s) }})
	step, await := a.step, a.await
	step(ui.Input{})
	if a.Screen() != ui.ProblemsScreen || a.Problems() == nil || a.Game() != nil || a.Title() != "Bianjing 1125" {
		t.Fatalf("at start: screen %s, problems %v", a.Screen(), a.Problems())
	}
	if text := readerText(a.App); !strings.Contains(text, "campaign.yaml:") || !strings.Contains(text, "titel") || !strings.Contains(text, "the game opens as soon as they load") {
		t.Errorf("the problems screen says:\n%s", text)
	}
	for _, k := range []ebiten.Key{ebiten.KeyEscape, ebiten.KeyEnter, ebiten.KeyM, ebiten.KeyPageDown} {
		step(key(k)) // nothing to go back to, nothing to play
	}
	step(ui.Input{Click: true, X: 640, Y: 400, Wheel: -3})
	if a.Screen() != ui.ProblemsScreen {
		t.Fatalf("screen %s without a campaign", a.Screen())
	}

	edit(t, dir, "campaign.yaml", "titel:", "title:")
	await("opened", func() bool { return a.Screen() == ui.TitleScreen })
	if a.Title() != "The envoy's winter" || a.Problems() != nil || !strings.Contains(a.Notice(), "Loaded") {
		t.Fatalf("after the fix: title %q, problems %v, notice %q", a.Title(), a.Problems(), a.Notice())
	}
	step(key(ebiten.KeyEnter)) // New game
	if a.Screen() != ui.AudienceScreen || a.Game() == nil {
		t.Fatalf("after New game: screen %s", a.Screen())
	}
	if len(reports) != 2 || !strings.Contains(reports[0], "does not load") || !strings.Contains(reports[1], "Loaded") {
		t.Errorf("reports %q", reports)
	}
}
