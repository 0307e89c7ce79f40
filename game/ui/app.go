// Package ui is the window of Bianjing 1125, drawn with Ebiten: the title, the audience (the
// event and the counsel offered), the court panel, the map of the north, the codex, the
// chronicle, the saves, the settings and the ending set beside the record.
//
// It only draws and reads input. Every rule lives in the sim package: the window reads a
// sim.Game's views and calls Choose, exactly as the terminal player does.
package ui

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/game/store"
	"github.com/hajimehoshi/ebiten/v2"
)

// Options configure a new App.
type Options struct {
	Campaign *scenario.Campaign
	Store    store.Store // where saves, settings and the endings found are kept
	// Seed, when not zero, starts a new game at once with it (and Choices taken in order).
	Seed    uint64
	Choices []string
	// Screen opens a screen at start: title, audience, map, codex, chronicle, saves,
	// settings, ending, gallery.
	Screen string
	// Screenshot, when set, writes the first fully drawn frame to this PNG file and quits.
	Screenshot string
	// Scripted stops the App reading Ebiten's input: tests feed it through Step.
	Scripted bool
	// Measure, when above zero, measures that many frames of the real game loop after a
	// warm-up, reports them through Measured and quits.
	Measure  int
	Measured func(Measurement)
	// Watch, when set, is a campaign folder on disk to play instead of Campaign, for authors:
	// it is loaded at start, watched, and loaded again whenever its scenario files change; the
	// game in progress is then replayed on the new campaign as far as it still fits. While the
	// files do not load, the window lists their problems (at start too) and keeps the game.
	Watch string
	// WatchEvery is how often the folder is looked at (default: twice a second).
	WatchEvery time.Duration
	// Report, when set, hears what the live preview did (a reload, the problems found), for
	// the author's terminal.
	Report func(string)
}

// Measurement is what a measuring run found.
type Measurement struct {
	FirstFrame     time.Duration // from New to the end of the first Draw
	Frames         int
	UpdateDraw     time.Duration // mean time of Update plus Draw in one frame
	AllocsPerFrame float64       // heap allocations per frame, the whole process counted
	BytesPerFrame  float64
}

// screen is one of the App's screens.
type screen interface {
	// layout recomputes what depends on the window size, the scale and the settings.
	layout(a *App)
	update(a *App, in *Input)
	draw(a *App, dst *ebiten.Image)
}

// Screen names.
const (
	TitleScreen     = "title"
	AudienceScreen  = "audience"
	MapScreen       = "map"
	CodexScreen     = "codex"
	ChronicleScreen = "chronicle"
	SavesScreen     = "saves"
	SettingsScreen  = "settings"
	EndingScreen    = "ending"
	GalleryScreen   = "gallery"
	ProblemsScreen  = "problems" // why the watched campaign folder does not load
)

// App is the whole game as Ebiten runs it.
type App struct {
	opts     Options
	c        *scenario.Campaign
	g        *sim.Game
	st       store.Store
	saves    *store.Saves
	settings store.Settings
	gallery  store.Gallery
	// codexSeen holds the codex entries the story has named, across games.
	codexSeen map[string]bool

	pal   Palette
	fonts Fonts
	faces [4]fontFace // body, small, title, big
	scale float64
	w, h  int // the screen in device pixels
	paper *ebiten.Image

	screens map[string]screen
	current string
	back    string // where Escape returns from an overlay screen

	in       Input
	frame    int
	toast    string
	toastEnd int
	quit     bool
	started  time.Time
	// FirstFrame is how long the first drawn frame took from New.
	FirstFrame time.Duration
	shotDone   bool
	shotErr    error

	meter measuring

	outside     [2]float64 // the window's size as last laid out
	deviceScale float64

	web webBridge // the page around the game in a browser (web_js.go); nothing on the desktop

	// The live preview of a campaign folder (live.go); all nil without Options.Watch.
	live           *liveFolder
	problems       error  // why the folder did not load the last time it was read
	beforeProblems string // the screen shown when the problems screen opened
	staleMark      *Block // "the files on disk do not load", over the other screens
}

// measuring keeps the state of a measuring run.
type measuring struct {
	frames    int
	spent     time.Duration
	tickStart time.Time
	before    runtime.MemStats
	after     runtime.MemStats
}

// warmUp is how many frames pass before measuring: shaders compile and glyphs are cached.
const warmUp = 180

// New makes the App: loads fonts, settings and the endings found, and opens the first screen.
// With Options.Watch it loads the campaign folder and starts watching it; when the folder does
// not load, the App opens on its problems and starts once they are fixed. Close stops the
// watching.
func New(opts Options) (*App, error) {
	if opts.Campaign == nil && opts.Watch == "" {
		return nil, errors.New("ui: no campaign")
	}
	if err := loadFontSources(); err != nil {
		return nil, err
	}
	if opts.Store == nil {
		opts.Store = store.Memory()
	}
	a := &App{opts: opts, st: opts.Store, scale: 1, started: time.Now()}
	var err error
	if a.settings, err = store.LoadSettings(a.st); err != nil {
		a.say("Settings could not be read (%v); the defaults are used.", err)
	}
	if opts.Screenshot != "" {
		a.settings.TextSpeed = 0 // a picture shows the whole text
	}
	a.applyTheme()
	a.screens = map[string]screen{
		TitleScreen:     &titleScreen{},
		AudienceScreen:  &audience{},
		MapScreen:       &mapScreen{},
		CodexScreen:     &codexScreen{},
		ChronicleScreen: &chronicleScreen{},
		SavesScreen:     &savesScreen{},
		SettingsScreen:  &settingsScreen{},
		EndingScreen:    &endingScreen{},
		GalleryScreen:   &galleryScreen{},
		ProblemsScreen:  &problemsScreen{},
	}
	a.current = TitleScreen
	if _, ok := a.screens[opts.Screen]; opts.Screen != "" && (!ok || opts.Screen == ProblemsScreen) {
		return nil, fmt.Errorf("ui: no screen %q", opts.Screen)
	}
	c := opts.Campaign
	if opts.Watch != "" {
		a.live, c, err = startLive(opts.Watch, opts.WatchEvery)
		if err != nil {
			a.problems = err
			a.current = ProblemsScreen
			a.report(fmt.Sprintf("%s does not load; the window shows why until it is fixed:\n%v", opts.Watch, err))
		}
	}
	if c != nil {
		a.setCampaign(c)
		if err := a.begin(); err != nil {
			a.Close()
			return nil, err
		}
	}
	if a.settings.Fullscreen && !opts.Scripted && opts.Screenshot == "" {
		ebiten.SetFullscreen(true)
	}
	return a, nil
}

// setCampaign makes c the campaign played; the saves, the endings found and the codex are
// those of its id.
func (a *App) setCampaign(c *scenario.Campaign) {
	old := a.c
	a.c = c
	if a.live != nil && !a.opts.Scripted && (old == nil || old.Title != c.Title) {
		ebiten.SetWindowTitle(c.Title + " · 汴京")
	}
	if old != nil && old.ID == c.ID {
		return
	}
	a.saves = store.NewSaves(a.st, c.ID)
	var err error
	if a.gallery, err = store.LoadGallery(a.st, c.ID); err != nil {
		a.say("The endings found could not be read: %v", err)
	}
	a.codexSeen = nil
}

// begin opens the first screen once the campaign is loaded: the game Options.Seed and
// Options.Choices start, and Options.Screen.
func (a *App) begin() error {
	opts := a.opts
	a.current = TitleScreen
	if opts.Seed != 0 || len(opts.Choices) > 0 {
		a.newGame(opts.Seed)
		for _, id := range opts.Choices {
			if err := a.g.Choose(id); err != nil {
				return fmt.Errorf("ui: choice %s: %w", id, err)
			}
		}
		a.audience().jumpToEnd(a)
		a.current = AudienceScreen
		if a.g.Ending() != nil {
			a.current = EndingScreen
		}
	}
	if opts.Screen != "" {
		if a.g == nil && opts.Screen != TitleScreen && opts.Screen != SettingsScreen && opts.Screen != GalleryScreen && opts.Screen != SavesScreen {
			a.newGame(1)
		}
		a.open(opts.Screen)
	}
	return nil
}

// Title is the campaign's title, or the game's while no campaign has loaded.
func (a *App) Title() string {
	if a.c == nil {
		return "Bianjing 1125"
	}
	return a.c.Title
}

// Problems returns why the watched campaign folder did not load the last time it was read, or
// nil.
func (a *App) Problems() error { return a.problems }

// Notice returns the message shown at the foot of the screen, or "".
func (a *App) Notice() string {
	if a.frame < a.toastEnd {
		return a.toast
	}
	return ""
}

// Game returns the game being played, or nil on the title screen before one starts.
func (a *App) Game() *sim.Game { return a.g }

// Screen returns the name of the screen shown.
func (a *App) Screen() string { return a.current }

// AwaitsChoice reports whether the audience shows a decision waiting for the player's counsel
// (rather than a report or an aftermath to read and pass with Continue).
func (a *App) AwaitsChoice() bool {
	return a.current == AudienceScreen && a.g != nil && a.audience().pending(a)
}

// Saves returns the save slots.
func (a *App) Saves() *store.Saves { return a.saves }

func (a *App) audience() *audience { return a.screens[AudienceScreen].(*audience) }

// open shows a screen; overlays (map, codex, chronicle, saves, settings) remember where to return.
func (a *App) open(name string) {
	switch name {
	case MapScreen, CodexScreen, ChronicleScreen, SavesScreen, SettingsScreen, GalleryScreen:
		if a.current != name {
			switch a.current {
			case MapScreen, CodexScreen, ChronicleScreen, SavesScreen, SettingsScreen, GalleryScreen:
			default:
				a.back = a.current
			}
		}
	}
	a.current = name
	a.screens[name].layout(a)
}

// show makes a screen current and lays it out, leaving where Escape returns as it was. It
// returns to a page already read, so the audience shows its text whole.
func (a *App) show(name string) {
	a.current = name
	a.screens[name].layout(a)
	if name == AudienceScreen {
		a.audience().revealAll()
	}
}

// close returns from an overlay screen.
func (a *App) close() {
	if a.back == "" {
		a.back = TitleScreen
	}
	a.open(a.back)
}

// newGame starts a game; seed 0 draws one from the clock.
func (a *App) newGame(seed uint64) {
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	a.g = sim.New(a.c, seed)
	a.audience().reset(a)
}

// loadGame replays a save, saying where it stopped if the campaign changed.
func (a *App) loadGame(s save.Save) bool {
	g, stop, err := save.Replay(a.c, s)
	if err != nil {
		a.say("This save cannot be loaded: %v", err)
		return false
	}
	if stop != nil {
		a.say("%v", stop)
	}
	a.g = g
	a.audience().reset(a)
	a.audience().jumpToEnd(a)
	if g.Ending() != nil {
		a.open(EndingScreen)
	} else {
		a.open(AudienceScreen)
	}
	return true
}

// choose takes a choice, autosaves and notes an ending found.
func (a *App) choose(id string) {
	if err := a.g.Choose(id); err != nil {
		a.say("%v", err)
		return
	}
	if err := a.saves.Put(0, save.Of(a.g)); err != nil {
		a.say("The autosave failed: %v", err)
	}
	if e := a.g.Ending(); e != nil && !a.gallery.Found(e.ID) {
		a.gallery.Add(e.ID)
		if err := store.SaveGallery(a.st, a.gallery); err != nil {
			a.say("The endings found could not be saved: %v", err)
		}
	}
}

// say shows a short message at the foot of the screen for a few seconds.
func (a *App) say(format string, args ...any) {
	a.toast = fmt.Sprintf(format, args...)
	a.toastEnd = a.frame + 60*6
}

// applyTheme sets the palette and fonts from the settings and scale.
func (a *App) applyTheme() {
	a.pal = Day
	if a.settings.Night {
		a.pal = Night
	}
	a.fonts = newFonts(a.settings.TextSize, a.scale)
	f := a.fonts
	a.faces = [4]fontFace{{f.Body, f.BodyLine}, {f.Small, f.SmallLine}, {f.Title, f.TitleLine}, {f.Big, f.BigLine}}
	a.staleMark = nil
	if a.paper != nil {
		a.paper.Deallocate()
		a.paper = nil
	}
}

// relayout lays the current screen out again after a change of size, scale or settings;
// the others are laid out when opened.
func (a *App) relayout() {
	a.applyTheme()
	a.screens[a.current].layout(a)
}

// Update reads input and advances the current screen by one tick.
func (a *App) Update() error {
	if a.opts.Measure > 0 {
		if err := a.measureTick(); err != nil {
			return err
		}
	}
	if a.opts.Scripted {
		return a.step(&a.in)
	}
	readInput(&a.in, a.scale)
	a.web.before(a, &a.in)
	err := a.step(&a.in)
	a.web.after(a)
	return err
}

// Step advances one tick with the given input, for tests and scripted play.
func (a *App) Step(in Input) error {
	return a.step(&in)
}

func (a *App) step(in *Input) error {
	if a.quit || (a.opts.Screenshot != "" && a.shotDone) {
		a.Close()
		if a.shotErr != nil {
			return a.shotErr
		}
		return ebiten.Termination
	}
	a.frame++
	if a.frame == 1 {
		a.relayout()
	}
	if a.live != nil {
		a.takeLoad()
		if a.problems != nil && a.current != ProblemsScreen && in.Pressed(ebiten.KeyP) && !a.typing() {
			a.showProblems()
			return nil
		}
	}
	if in.Pressed(ebiten.KeyF11) {
		a.settings.Fullscreen = !a.settings.Fullscreen
		if !a.opts.Scripted {
			ebiten.SetFullscreen(a.settings.Fullscreen)
		}
		a.storeSettings()
	}
	a.screens[a.current].update(a, in)
	return nil
}

func (a *App) storeSettings() {
	if err := store.SaveSettings(a.st, a.settings); err != nil {
		a.say("Settings could not be saved: %v", err)
	}
}

// Draw draws the current screen.
func (a *App) Draw(dst *ebiten.Image) {
	if a.paper == nil || a.paper.Bounds().Dx() != a.w || a.paper.Bounds().Dy() != a.h {
		if a.paper != nil {
			a.paper.Deallocate()
		}
		a.paper = paperTexture(a.w, a.h, a.pal, 1125)
	}
	dst.DrawImage(a.paper, &paperOptions)
	a.screens[a.current].draw(a, dst)
	if a.problems != nil && a.current != ProblemsScreen {
		a.drawStale(dst)
	}
	if a.toast != "" && a.frame < a.toastEnd {
		a.drawToast(dst)
	}
	if a.FirstFrame == 0 {
		a.FirstFrame = time.Since(a.started)
	}
	if a.opts.Measure > 0 && a.frame > warmUp {
		a.meter.spent += time.Since(a.meter.tickStart)
	}
	if a.opts.Screenshot != "" && !a.shotDone && a.frame >= 3 {
		a.shotErr = writePNG(a.opts.Screenshot, dst)
		a.shotDone = true
	}
}

func (a *App) drawToast(dst *ebiten.Image) {
	s := a.scale
	b := Layout(a.toast, a.fonts.Small, float64(a.w)-80*s, a.fonts.SmallLine, nil)
	y := float64(a.h) - b.Height - 40*s
	fillRect(dst, 30*s, y-10*s, float64(a.w)-60*s, b.Height+20*s, a.pal.Ink)
	b.Draw(dst, 40*s, y, a.pal.Paper, nil, -1)
}

var paperOptions ebiten.DrawImageOptions

// writeAllocs writes the allocation profile, for finding what a frame allocates: run with
// GODEBUG=memprofilerate=1 BIANJING_MEMPROFILE=FILE and compare FILE with FILE.base.
func writeAllocs(path string) {
	runtime.GC()
	if f, err := os.Create(path); err == nil {
		pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
}

// measureTick counts a measured frame; it returns Termination when the run is over.
func (a *App) measureTick() error {
	m := &a.meter
	switch {
	case a.frame == warmUp:
		if path := os.Getenv("BIANJING_MEMPROFILE"); path != "" {
			writeAllocs(path + ".base")
		}
		runtime.ReadMemStats(&m.before)
	case a.frame > warmUp:
		m.frames++
		if m.frames == a.opts.Measure {
			runtime.ReadMemStats(&m.after)
			if path := os.Getenv("BIANJING_MEMPROFILE"); path != "" {
				writeAllocs(path)
			}
			if a.opts.Measured != nil {
				a.opts.Measured(Measurement{
					FirstFrame:     a.FirstFrame,
					Frames:         m.frames,
					UpdateDraw:     m.spent / time.Duration(m.frames),
					AllocsPerFrame: float64(m.after.Mallocs-m.before.Mallocs) / float64(m.frames),
					BytesPerFrame:  float64(m.after.TotalAlloc-m.before.TotalAlloc) / float64(m.frames),
				})
			}
			return ebiten.Termination
		}
	}
	m.tickStart = time.Now()
	return nil
}

// LayoutF sets the screen to the window's size in device pixels, so text stays crisp on HiDPI.
// The device scale is asked for when the window's size changes and once a second (the window
// may move to another monitor), since asking allocates.
func (a *App) LayoutF(outsideWidth, outsideHeight float64) (float64, float64) {
	if outsideWidth != a.outside[0] || outsideHeight != a.outside[1] || a.frame%60 == 0 {
		a.outside = [2]float64{outsideWidth, outsideHeight}
		a.deviceScale = 1
		if m := ebiten.Monitor(); m != nil {
			a.deviceScale = m.DeviceScaleFactor()
		}
	}
	scale := a.deviceScale
	a.Resize(int(math.Ceil(outsideWidth*scale)), int(math.Ceil(outsideHeight*scale)), scale)
	return float64(a.w), float64(a.h)
}

// Layout implements ebiten.Game; LayoutF is used instead.
func (a *App) Layout(outsideWidth, outsideHeight int) (int, int) {
	w, h := a.LayoutF(float64(outsideWidth), float64(outsideHeight))
	return int(w), int(h)
}

// Resize sets the screen size in device pixels and the device scale, laying out again on change.
func (a *App) Resize(w, h int, scale float64) {
	w, h = max(w, 1), max(h, 1)
	if w == a.w && h == a.h && scale == a.scale {
		return
	}
	a.w, a.h, a.scale = w, h, scale
	if a.frame > 0 {
		a.relayout()
	}
}

func writePNG(path string, img *ebiten.Image) error {
	b := img.Bounds()
	rgba := image.NewRGBA(b)
	img.ReadPixels(rgba.Pix)
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("screenshot: %w", err)
	}
	if err := png.Encode(f, rgba); err != nil {
		f.Close()
		return fmt.Errorf("screenshot: %w", err)
	}
	return f.Close()
}
