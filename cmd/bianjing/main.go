// Command bianjing is Bianjing 1125 in a window: a narrative simulation of the Northern Song
// court in the winter of 1125.
//
//	bianjing [--scenario DIR] [--seed N --choices ID,... [--screen NAME]] [--screenshot FILE.png]
//
// With --screenshot it plays the given choices, draws the resulting screen, writes it as PNG
// and exits: for tests, for the README's pictures and for bug reports.
//
// With --scenario it plays the campaign in DIR and watches it, for authors: when a file
// changes the campaign is loaded again and the game in progress replayed on it; while the
// files do not load, the window lists their problems.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/store"
	"github.com/bianjing1125/bianjing/game/ui"
	"github.com/bianjing1125/bianjing/scenarios"
	"github.com/hajimehoshi/ebiten/v2"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bianjing:", err)
		os.Exit(1)
	}
}

func run() error {
	seed := flag.Uint64("seed", 0, "start a new game with this seed")
	choices := flag.String("choices", "", "comma-separated choice ids to take at once")
	screen := flag.String("screen", "", "open this screen: title, audience, map, codex, chronicle, saves, settings, ending, gallery")
	shot := flag.String("screenshot", "", "draw the screen, write it to this PNG file and exit")
	width := flag.Int("width", 1280, "window width")
	height := flag.Int("height", 800, "window height")
	saveDir := flag.String("save-dir", "", "keep saves and settings in this folder (default: the user's config folder)")
	dir := flag.String("scenario", "", "play the campaign in this folder instead of the built-in one, and reload it when its files change")
	measure := flag.Int("measure", 0, "measure this many frames of the game loop (after a warm-up), print the figures and exit")
	flag.Parse()

	var c *scenario.Campaign
	if *dir == "" {
		var err error
		if c, err = loadCampaign(); err != nil {
			return err
		}
	}
	st, err := openStore(*saveDir, *shot != "" || *measure > 0)
	if err != nil {
		return err
	}
	var ids []string
	for _, id := range strings.Split(*choices, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	opts := ui.Options{Campaign: c, Store: st, Seed: *seed, Choices: ids, Screen: *screen, Screenshot: *shot, Measure: *measure}
	if *dir != "" {
		opts.Watch = *dir
		opts.Report = func(msg string) { fmt.Fprintln(os.Stderr, "bianjing:", msg) }
	}
	if *measure > 0 {
		opts.Measured = func(m ui.Measurement) {
			fmt.Printf("first frame: %.0f ms\nframes measured: %d\nupdate+draw per frame: %.1f µs\nallocations per frame: %.2f (%.0f bytes)\n",
				float64(m.FirstFrame.Microseconds())/1000, m.Frames, float64(m.UpdateDraw.Nanoseconds())/1000, m.AllocsPerFrame, m.BytesPerFrame)
		}
		ebiten.SetVsyncEnabled(false)
		ebiten.SetTPS(ebiten.SyncWithFPS)
	}
	app, err := ui.New(opts)
	if err != nil {
		return err
	}
	defer app.Close()
	ebiten.SetWindowTitle(app.Title() + " · 汴京")
	ebiten.SetWindowSize(*width, *height)
	ebiten.SetWindowSizeLimits(800, 600, -1, -1)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(app); err != nil && !errors.Is(err, ebiten.Termination) {
		return err
	}
	return nil
}

// loadCampaign loads the first built-in campaign.
func loadCampaign() (*scenario.Campaign, error) {
	entries, err := fs.ReadDir(scenarios.FS, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() {
			return scenario.Load(scenarios.FS, e.Name())
		}
	}
	return nil, errors.New("no campaign is built in")
}

// openStore opens where saves are kept; a screenshot run keeps nothing.
func openStore(dir string, screenshot bool) (store.Store, error) {
	switch {
	case dir != "":
		return store.Dir(dir), nil
	case screenshot:
		return store.Memory(), nil
	}
	st, err := store.Default()
	if err != nil {
		fmt.Fprintf(os.Stderr, "bianjing: saves will not be kept: %v\n", err)
		return store.Memory(), nil
	}
	return st, nil
}
