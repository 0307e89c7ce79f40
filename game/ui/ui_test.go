//go:build display

// The window's tests need a display (run them under xvfb-run with -tags display): Ebiten runs
// one game loop per process, so TestMain starts it and every test runs inside its first tick,
// driving Apps through scripted input and drawing them into offscreen images.
package ui_test

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/game/store"
	"github.com/bianjing1125/bianjing/game/ui"
	"github.com/bianjing1125/bianjing/scenarios"
	"github.com/hajimehoshi/ebiten/v2"
)

var update = flag.Bool("update", false, "rewrite the golden screenshots in testdata/")

func TestMain(m *testing.M) {
	flag.Parse()
	code := 0
	r := &runner{done: make(chan struct{})}
	go func() {
		code = m.Run()
		close(r.done)
	}()
	ebiten.SetWindowSize(320, 240)
	ebiten.SetWindowTitle("bianjing tests")
	ebiten.SetVsyncEnabled(false)
	ebiten.SetTPS(ebiten.SyncWithFPS)
	if err := ebiten.RunGame(r); err != nil && !errors.Is(err, ebiten.Termination) {
		fmt.Fprintln(os.Stderr, "running the test loop:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

// jobs carries work from the tests to the game loop, which runs one job a frame: Ebiten's
// images may only be used there, and only between frames does it flush and free them.
var jobs = make(chan func())

// runner is the game the tests run inside.
type runner struct{ done chan struct{} }

func (r *runner) Update() error {
	select {
	case job := <-jobs:
		job()
	case <-r.done:
		return ebiten.Termination
	default:
	}
	return nil
}
func (r *runner) Draw(*ebiten.Image)         {}
func (r *runner) Layout(w, h int) (int, int) { return w, h }

// inFrame runs f in the next frame of the game loop and waits for it.
func inFrame(f func()) {
	done := make(chan struct{})
	jobs <- func() {
		defer close(done)
		f()
	}
	<-done
}

func campaign(t testing.TB) *scenario.Campaign {
	t.Helper()
	entries, err := fs.ReadDir(scenarios.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			c, err := scenario.Load(scenarios.FS, e.Name())
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
	}
	t.Fatal("no campaign")
	return nil
}

// newApp makes a scripted App of the given size.
func newApp(t testing.TB, opts ui.Options, w, h int) *ui.App {
	t.Helper()
	if opts.Campaign == nil {
		opts.Campaign = campaign(t)
	}
	opts.Scripted = true
	var a *ui.App
	var err error
	inFrame(func() {
		if a, err = ui.New(opts); err == nil {
			a.Resize(w, h, 1)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// tick advances the App one tick with input and draws it into dst.
func tick(t testing.TB, a *ui.App, in ui.Input, dst *ebiten.Image) error {
	t.Helper()
	var err error
	inFrame(func() {
		if err = a.Step(in); err == nil {
			dst.Clear()
			a.Draw(dst)
		}
	})
	return err
}

func key(k ebiten.Key) ui.Input { return ui.Input{Keys: []ebiten.Key{k}} }

func pixels(img *ebiten.Image) *image.RGBA {
	out := image.NewRGBA(img.Bounds())
	inFrame(func() { img.ReadPixels(out.Pix) })
	return out
}

// newImage makes an image in the game loop.
func newImage(w, h int) *ebiten.Image {
	var img *ebiten.Image
	inFrame(func() { img = ebiten.NewImage(w, h) })
	return img
}

// TestScreens compares a picture of each screen with its golden file, within a tolerance.
func TestScreens(t *testing.T) {
	c := campaign(t)
	hist := sim.New(c, 1)
	var path []string
	for i := 0; i < 3 && !hist.Over(); i++ {
		id := hist.HistoricalChoice()
		path = append(path, id)
		if err := hist.Choose(id); err != nil {
			t.Fatal(err)
		}
	}
	for _, screen := range []string{"title", "audience", "map", "codex", "chronicle", "saves", "settings", "gallery"} {
		t.Run(screen, func(t *testing.T) {
			opts := ui.Options{Campaign: c, Screen: screen}
			if screen != "title" {
				opts.Seed, opts.Choices = 1, path
			}
			a := newApp(t, opts, 1280, 800)
			dst := newImage(1280, 800)
			for i := 0; i < 3; i++ {
				if err := tick(t, a, ui.Input{X: -1, Y: -1}, dst); err != nil {
					t.Fatal(err)
				}
			}
			golden(t, screen, pixels(dst))
		})
	}
}

func golden(t *testing.T, name string, got *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".png")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, got); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (go test -tags display ./game/ui -update makes it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != got.Bounds() {
		t.Fatalf("size %v, golden %v", got.Bounds(), want.Bounds())
	}
	differ := 0
	b := got.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, _ := got.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) {
				differ++
			}
		}
	}
	if limit := b.Dx() * b.Dy() / 200; differ > limit {
		out := filepath.Join(os.TempDir(), "bianjing-"+name+".png")
		if f, err := os.Create(out); err == nil {
			png.Encode(f, got)
			f.Close()
		}
		t.Errorf("%s: %d pixels differ from the golden picture (at most %d may); got %s", name, differ, limit, out)
	}
}

func far(a, b uint32) bool {
	if a > b {
		a, b = b, a
	}
	return b-a > 0x2000
}

// TestHistoricalPathByInput plays the historical course with key presses and clicks through
// the real App, and must reach the ending that `scenario play --historical` reaches.
func TestHistoricalPathByInput(t *testing.T) {
	c := campaign(t)
	const seed = 1
	want := sim.New(c, seed)
	for !want.Over() {
		if err := want.Choose(want.HistoricalChoice()); err != nil {
			t.Fatal(err)
		}
	}
	st := store.Memory()
	a := newApp(t, ui.Options{Campaign: c, Store: st}, 1280, 800)
	dst := newImage(1280, 800)
	step := func(in ui.Input) {
		t.Helper()
		if err := tick(t, a, in, dst); err != nil {
			t.Fatal(err)
		}
	}
	step(ui.Input{})
	// "New game" is the first item of the title menu: Enter takes it; the seed is then the
	// clock's, so start the game the test needs through a save instead.
	if err := store.NewSaves(st, c.ID).Put(1, save.Save{Format: save.Format, Version: save.Version, Campaign: c.ID, CampaignVersion: c.Version, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	step(key(ebiten.KeyL)) // nothing on the title: L is not a title key
	step(key(ebiten.KeyArrowDown))
	step(key(ebiten.KeyArrowDown)) // Load a save
	step(key(ebiten.KeyEnter))
	if a.Screen() != ui.SavesScreen {
		t.Fatalf("screen %s, want saves", a.Screen())
	}
	step(key(ebiten.KeyArrowDown)) // slot 1
	step(key(ebiten.KeyEnter))
	if a.Screen() != ui.AudienceScreen || a.Game() == nil || a.Game().Seed() != seed {
		t.Fatalf("after loading: screen %s", a.Screen())
	}
	for i := 0; i < 2000 && a.Screen() == ui.AudienceScreen; i++ {
		g := a.Game()
		in := ui.Input{Keys: []ebiten.Key{ebiten.KeyEnter}} // Continue, once the text is shown
		if a.AwaitsChoice() {
			for n, o := range g.Options() {
				if o.Choice.ID == g.HistoricalChoice() {
					in = key(ebiten.KeyDigit1 + ebiten.Key(n))
				}
			}
		}
		if i%7 == 3 {
			in = ui.Input{} // some ticks without input, as a player reads
		}
		step(in)
	}
	if a.Screen() != ui.EndingScreen {
		t.Fatalf("screen %s after the historical course, want ending", a.Screen())
	}
	got := a.Game().Ending()
	if got == nil || got.ID != want.Ending().ID {
		t.Fatalf("ending %v, want %s", got, want.Ending().ID)
	}
	if sv, err := store.NewSaves(st, c.ID).Get(store.Autosave); err != nil || len(sv.Choices) != len(want.Log()) {
		t.Fatalf("autosave: %v, %d choices, want %d", err, len(sv.Choices), len(want.Log()))
	}
}

// TestMonkey sends a long stream of random keys, clicks, wheel turns and resizes: the game
// must neither panic nor lose or damage its saves.
func TestMonkey(t *testing.T) {
	const ticks = 2500
	c := campaign(t)
	st := store.Memory()
	keys := []ebiten.Key{ebiten.KeyEnter, ebiten.KeyEscape, ebiten.KeyArrowUp, ebiten.KeyArrowDown, ebiten.KeyArrowRight,
		ebiten.KeyDigit1, ebiten.KeyDigit2, ebiten.KeyDigit3, ebiten.KeyDigit4, ebiten.KeyM, ebiten.KeyK, ebiten.KeyH,
		ebiten.KeyS, ebiten.KeyL, ebiten.KeyO, ebiten.KeyG, ebiten.KeyTab, ebiten.KeyPageUp, ebiten.KeyPageDown,
		ebiten.KeySpace, ebiten.KeyBackspace, ebiten.KeyHome, ebiten.KeyEnd, ebiten.KeyF11}
	r := rand.New(rand.NewPCG(1125, 1126))
	w, h := 1280, 800
	a := newApp(t, ui.Options{Campaign: c, Store: st}, w, h)
	dst := newImage(w, h)
	restarts := 0
	for i := 0; i < ticks; i++ {
		var in ui.Input
		switch n := r.IntN(100); {
		case n < 55:
			in.Keys = []ebiten.Key{keys[r.IntN(len(keys))]}
		case n < 85:
			in.X, in.Y, in.Click = r.IntN(w), r.IntN(h), true
		case n < 95:
			in.X, in.Y, in.Wheel = r.IntN(w), r.IntN(h), float64(r.IntN(7)-3)
		case n < 96:
			w, h = 800+r.IntN(1400), 600+r.IntN(700)
			scale := []float64{1, 1.5, 2}[r.IntN(3)]
			inFrame(func() {
				a.Resize(w, h, scale)
				dst.Deallocate()
			})
			dst = newImage(w, h)
		}
		if err := tick(t, a, in, dst); err != nil {
			if !errors.Is(err, ebiten.Termination) {
				t.Fatalf("tick %d: %v", i, err)
			}
			restarts++ // the monkey chose Quit: open the game again on the same saves
			a = newApp(t, ui.Options{Campaign: c, Store: st}, w, h)
		}
	}
	for _, sl := range store.NewSaves(st, c.ID).List() {
		if sl.Err != nil {
			t.Errorf("slot %d damaged: %v", sl.N, sl.Err)
		}
		if !sl.Empty && sl.Err == nil {
			if _, stop, err := save.Replay(c, sl.Save); err != nil || stop != nil {
				t.Errorf("slot %d does not replay: %v %v", sl.N, stop, err)
			}
		}
	}
	t.Logf("%d ticks, %d restarts", ticks, restarts)
}

// TestSavesScroll checks that the saves list, taller than an 800×600 window, scrolls to keep the
// focused item in view and never draws over the footer.
func TestSavesScroll(t *testing.T) {
	a := newApp(t, ui.Options{Screen: "saves", Seed: 1, Choices: nil}, 800, 600)
	dst := newImage(800, 600)
	step := func(in ui.Input) *image.RGBA {
		t.Helper()
		if err := tick(t, a, in, dst); err != nil {
			t.Fatal(err)
		}
		return pixels(dst)
	}
	before := step(ui.Input{X: -1, Y: -1})
	after := step(ui.Input{X: -1, Y: -1, Keys: []ebiten.Key{ebiten.KeyArrowUp}}) // to the last item
	list, foot := 0, 0
	for y := 0; y < 600; y++ {
		for x := 0; x < 800; x++ {
			if before.RGBAAt(x, y) != after.RGBAAt(x, y) {
				if y < 552 { // the list ends 30 px above the footer's text; its rule is at 555
					list++
				} else {
					foot++
				}
			}
		}
	}
	if list < 2000 {
		t.Errorf("the list did not scroll to the last item: %d pixels changed", list)
	}
	if foot > 0 {
		t.Errorf("%d pixels of the footer changed: the list draws over it", foot)
	}
}
