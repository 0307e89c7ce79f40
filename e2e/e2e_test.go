//go:build browser

// Package e2e plays the browser build of Bianjing 1125 in a real headless Chromium, as a player
// does: it builds the site with internal/webbuild (or takes the one in E2E_SITE), serves it on a
// free loopback port with webbuild's Handler, and drives the page with chromedp through the keys,
// the clicks and the screen-reader mirror the game offers.
//
//	go test -tags browser -count=1 -v ./e2e
//
// Environment: E2E_SITE, a folder made by webbuild (cmd/webserve's web/dist) to serve instead of
// building one; E2E_SHOTS, a folder to keep the screenshots in (else a temporary one);
// E2E_CHROMIUM, the browser (default /usr/bin/chromium).
//
// The game tells the test what it shows through window.bianjing (game/ui/web_js.go); the test
// waits on that state, never on a fixed time, except for holding a key down across a tick.
package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/bianjing1125/bianjing/internal/webbuild"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Budgets, generous on purpose: they catch a build or a start that has gone badly wrong, not noise.
const (
	firstFrameBudget = 20 * time.Second // navigation start to the game's first Update
	gzipBudget       = 8 << 20          // bianjing.wasm compressed with gzip -9
	holdKey          = 150 * time.Millisecond
	historicalEnding = "jingkang"
)

var (
	siteURL string
	sizes   webbuild.Sizes
)

func TestMain(m *testing.M) {
	code, err := serveAndRun(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

// serveAndRun builds (or finds) the site, serves it on a free loopback port and runs the tests.
func serveAndRun(m *testing.M) (int, error) {
	dir := os.Getenv("E2E_SITE")
	if dir == "" {
		tmp, err := os.MkdirTemp("", "bianjing-e2e-site-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(tmp)
		start := time.Now()
		rep, err := webbuild.Build(context.Background(), webbuild.Options{
			Dir:           tmp,
			Package:       "github.com/bianjing1125/bianjing/cmd/bianjing",
			Compress:      true,
			BrotliQuality: 5, // the test measures gzip; brotli only has to exist for the handler
		})
		if err != nil {
			return 0, fmt.Errorf("building the site: %w", err)
		}
		fmt.Printf("e2e: built the site in %.1f s (go build %.1f s, compression %.1f s)\n",
			time.Since(start).Seconds(), rep.BuildTime.Seconds(), rep.CompressTime.Seconds())
		dir, sizes = tmp, rep.Wasm
	} else {
		var err error
		if sizes, err = measure(filepath.Join(dir, webbuild.WasmName)); err != nil {
			return 0, err
		}
		fmt.Printf("e2e: serving the site in %s\n", dir)
	}
	h, err := webbuild.NewHandler(dir)
	if err != nil {
		return 0, err
	}
	defer h.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	siteURL = "http://" + ln.Addr().String() + "/"
	return m.Run(), nil
}

// measure gives the size of the wasm in E2E_SITE and of its gzip -9, compressing it when the
// folder has no .gz beside it.
func measure(wasm string) (webbuild.Sizes, error) {
	data, err := os.ReadFile(wasm)
	if err != nil {
		return webbuild.Sizes{}, fmt.Errorf("E2E_SITE: %w", err)
	}
	s := webbuild.Sizes{Raw: int64(len(data))}
	if info, err := os.Stat(wasm + ".gz"); err == nil {
		s.Gzip = info.Size()
	} else {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(data)
		zw.Close()
		s.Gzip = int64(buf.Len())
	}
	if info, err := os.Stat(wasm + ".br"); err == nil {
		s.Brotli = info.Size()
	}
	return s, nil
}

// gameState is window.bianjing as the game and its loader set it.
type gameState struct {
	State       string  `json:"state"`
	Error       string  `json:"error"`
	Screen      string  `json:"screen"`
	Event       string  `json:"event"`
	Ending      string  `json:"ending"`
	Awaits      bool    `json:"awaits"`
	Historical  int     `json:"historical"`
	Page        int     `json:"page"`
	Choices     int     `json:"choices"`
	Revealed    bool    `json:"revealed"`
	Focus       string  `json:"focus"`
	Message     string  `json:"message"`
	Changes     int     `json:"changes"`
	SaveCode    string  `json:"saveCode"`
	FirstUpdate float64 `json:"firstUpdate"`
}

const stateJS = `(() => {
	const b = window.bianjing || {};
	return {state: b.state || '', error: b.error || '', screen: b.screen || '', event: b.event || '',
		ending: b.ending || '', awaits: !!b.awaits, historical: b.historical || 0, page: b.page ?? -1,
		choices: b.choices || 0, revealed: !!b.revealed, focus: b.focus || '', message: b.message || '', changes: b.changes || 0,
		saveCode: b.saveCode || '', firstUpdate: b.firstUpdate || 0};
})()`

// page is one browser tab with the game, its console watched.
type page struct {
	t      *testing.T
	ctx    context.Context
	name   string
	shots  *shots
	mu     sync.Mutex
	errors []string
}

// shots numbers the screenshots of a run and keeps them in one folder.
type shots struct {
	dir string
	n   int
}

// openPage starts watching the console of the tab of ctx.
func openPage(t *testing.T, ctx context.Context, name string, sh *shots) *page {
	p := &page{t: t, ctx: ctx, name: name, shots: sh}
	messages := chromedp.Console(ctx) // subscribes now: nothing the navigation logs is missed
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			switch m.Type {
			case chromedp.ConsoleError, chromedp.ConsoleException:
				if strings.HasSuffix(m.URL, "/favicon.ico") {
					// The page names no icon, so the browser asks for /favicon.ico; the site has
					// none. Not the game's error.
					t.Logf("%s: %s", name, m.Text)
					continue
				}
				p.mu.Lock()
				p.errors = append(p.errors, fmt.Sprintf("%s %s:%d: %s", m.Type, m.URL, m.Line+1, m.Text))
				p.mu.Unlock()
			case chromedp.ConsoleWarning:
				t.Logf("%s: console warning: %s", name, m.Text)
			}
		}
	}()
	return p
}

// checkConsole fails the test on any console error or uncaught exception so far.
func (p *page) checkConsole() {
	p.t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.errors) > 0 {
		p.t.Fatalf("%s: errors in the console:\n%s", p.name, strings.Join(p.errors, "\n"))
	}
}

func transient(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "Cannot find context with specified id") || strings.Contains(s, "Execution context was destroyed") ||
		strings.Contains(s, "Inspected target navigated or closed")
}

// eval evaluates a JavaScript expression, retrying while the page's context is being replaced.
func eval[T any](p *page, expr string, opts ...chromedp.EvaluateOption) T {
	p.t.Helper()
	for try := 0; ; try++ {
		v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, opts...))
		if err == nil {
			return v
		}
		if !transient(err) || try == 50 {
			p.t.Fatalf("%s: evaluating %.80q: %v", p.name, expr, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (p *page) state() gameState {
	p.t.Helper()
	return eval[gameState](p, stateJS)
}

func (p *page) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatalf("%s: %s: %v", p.name, what, err)
	}
}

// waitFor waits until the JavaScript condition holds; on a timeout it fails and says what the
// game showed.
func (p *page) waitFor(what, cond string, timeout time.Duration) {
	p.t.Helper()
	for try := 0; ; try++ {
		_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](cond,
			chromedp.WithPollingInterval(25*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
		if err == nil {
			return
		}
		if transient(err) && try < 50 {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		st, _ := json.Marshal(p.state())
		p.t.Fatalf("%s: waiting for %s (%s): %v\nwindow.bianjing: %s", p.name, what, cond, err, st)
	}
}

// waitState waits until the game's state passes ok.
func (p *page) waitState(what string, timeout time.Duration, ok func(gameState) bool) gameState {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		st := p.state()
		if st.State == "error" {
			p.t.Fatalf("%s: the page failed while waiting for %s: %s", p.name, what, st.Error)
		}
		if ok(st) {
			return st
		}
		if time.Now().After(deadline) {
			b, _ := json.Marshal(st)
			p.t.Fatalf("%s: waiting for %s: timed out after %v\nwindow.bianjing: %s", p.name, what, timeout, b)
		}
		// Wait for the next change of what the game exposes rather than a fixed time.
		_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](fmt.Sprintf(`(window.bianjing && window.bianjing.changes || 0) !== %d`, st.Changes),
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(time.Until(deadline)+time.Millisecond)))
		if err != nil && !errors.Is(err, chromedp.ErrPollingTimeout) && !transient(err) {
			p.t.Fatalf("%s: waiting for %s: %v", p.name, what, err)
		}
	}
}

// open navigates to the page and waits until the game runs; it returns the time from the
// navigation's start to the game's first Update, as the page measured it.
func (p *page) open(url string) time.Duration {
	p.t.Helper()
	p.do("opening "+url, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(url))
	p.waitFor("the game to run", `window.bianjing && (window.bianjing.state === 'error' || (window.bianjing.state === 'running' && window.bianjing.firstUpdate > 0))`, 90*time.Second)
	st := p.state()
	if st.State != "running" {
		p.t.Fatalf("%s: the page says %q: %s", p.name, st.State, st.Error)
	}
	p.focusCanvas()
	return time.Duration(st.FirstUpdate * float64(time.Millisecond))
}

// focusCanvas gives the keyboard to the game's canvas, as a click on it would.
func (p *page) focusCanvas() {
	p.t.Helper()
	eval[bool](p, `(() => { const c = document.querySelector('body > canvas'); c.focus(); return document.activeElement === c; })()`)
	p.waitFor("the canvas to have the focus", `document.activeElement === document.querySelector('body > canvas')`, 5*time.Second)
}

// key is a key as the protocol sends it.
type key struct {
	key, code, text string
	vk              int64
}

var keys = map[string]key{
	"Enter":     {"Enter", "Enter", "\r", 13},
	"Escape":    {"Escape", "Escape", "", 27},
	"ArrowDown": {"ArrowDown", "ArrowDown", "", 40},
	"ArrowUp":   {"ArrowUp", "ArrowUp", "", 38},
	"F2":        {"F2", "F2", "", 113},
	"s":         {"s", "KeyS", "s", 83},
}

func digit(n int) string { return fmt.Sprint(n) }

func keyOf(name string) key {
	if k, ok := keys[name]; ok {
		return k
	}
	if len(name) == 1 && name[0] >= '0' && name[0] <= '9' {
		return key{name, "Digit" + name, name, int64(name[0])}
	}
	panic("no key " + name)
}

// press holds a key down across a tick of the game (a bare press is often missed), lets go and
// waits for the game's next frame.
func (p *page) press(name string) {
	p.t.Helper()
	k := keyOf(name)
	down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: k.key, Code: k.code,
		WindowsVirtualKeyCode: k.vk, NativeVirtualKeyCode: k.vk}
	if k.text != "" {
		down.Type, down.Text, down.UnmodifiedText = input.DispatchKeyEventTypeKeyDown, k.text, k.text
	}
	up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: k.key, Code: k.code,
		WindowsVirtualKeyCode: k.vk, NativeVirtualKeyCode: k.vk}
	if _, err := chromedp.Call(p.ctx, input.DispatchKeyEvent, down); err != nil {
		p.t.Fatalf("%s: key %s down: %v", p.name, name, err)
	}
	time.Sleep(holdKey)
	if _, err := chromedp.Call(p.ctx, input.DispatchKeyEvent, up); err != nil {
		p.t.Fatalf("%s: key %s up: %v", p.name, name, err)
	}
	// Let the game see the key up before anything else: the same key pressed again within the
	// frame would look held, not pressed anew. The game's loop runs once per animation frame.
	eval[chromedp.Void](p, `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))`, chromedp.EvalAwaitPromise)
}

// pressUntil presses a key until the JavaScript condition holds, up to three times.
func (p *page) pressUntil(name, what, cond string) {
	p.t.Helper()
	for try := 0; try < 3; try++ {
		p.press(name)
		_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](cond,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(3*time.Second)))
		if err == nil {
			return
		}
		p.t.Logf("%s: key %s: no %s yet (%v)", p.name, name, what, err)
	}
	p.t.Fatalf("%s: key %s never brought %s", p.name, name, what)
}

// act presses a key and waits until the game's state changes; a press the game missed is
// repeated, up to twice.
func (p *page) act(name string) gameState {
	p.t.Helper()
	before := p.state().Changes
	for try := 0; try < 3; try++ {
		p.press(name)
		_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](fmt.Sprintf(`window.bianjing.changes !== %d`, before),
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
		if err == nil {
			return p.state()
		}
		p.t.Logf("%s: the game did not answer key %s (%v); pressing it again", p.name, name, err)
	}
	b, _ := json.Marshal(p.state())
	p.t.Fatalf("%s: key %s changed nothing\nwindow.bianjing: %s", p.name, name, b)
	return gameState{}
}

// focusItem moves the focus of the screen's menu to the item id with the arrow key.
func (p *page) focusItem(id, arrow string) {
	p.t.Helper()
	for i := 0; i < 16; i++ {
		st := p.state()
		if st.Focus == id {
			return
		}
		p.act(arrow)
	}
	p.t.Fatalf("%s: %s never focused %q", p.name, arrow, id)
}

// clickMirror activates the screen-reader mirror's button for a menu item, as a screen reader does.
func (p *page) clickMirror(id string) {
	p.t.Helper()
	ok := eval[bool](p, fmt.Sprintf(`(() => { const b = document.querySelector('#sr-mirror button[data-pick=%q]'); if (b) b.click(); return !!b; })()`, id))
	if !ok {
		p.t.Fatalf("%s: the mirror has no button %q; it holds:\n%s", p.name, id, eval[string](p, `document.getElementById('sr-mirror').innerText`))
	}
}

// logFrames logs the page's frame rate over a second and its longest frame: a key must be held
// down longer than that to be seen.
func (p *page) logFrames(where string) {
	p.t.Helper()
	r := eval[[]float64](p, `new Promise(done => {
		const times = [];
		const tick = t => { times.push(t); if (times.length > 1 && t - times[0] >= 1000) { done(times); } else { requestAnimationFrame(tick); } };
		requestAnimationFrame(tick);
	})`, chromedp.EvalAwaitPromise)
	worst := 0.0
	for i := 1; i < len(r); i++ {
		worst = max(worst, r[i]-r[i-1])
	}
	p.t.Logf("%s: %d frames in %.0f ms on %s, the longest %.0f ms", p.name, len(r)-1, r[len(r)-1]-r[0], where, worst)
}

// shot saves a screenshot of the page.
func (p *page) shot(name string) {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("%s: screenshot %s: %v", p.name, name, err)
	}
	p.shots.n++
	path := filepath.Join(p.shots.dir, fmt.Sprintf("%02d-%s.png", p.shots.n, name))
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

func newBrowser(t *testing.T) context.Context {
	exe := os.Getenv("E2E_CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	if _, err := os.Stat(exe); err != nil {
		t.Fatalf("no Chromium at %s (set E2E_CHROMIUM): %v", exe, err)
	}
	profile := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.WindowSize(1280, 800),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no deadline of its own
		t.Fatalf("starting %s: %v", exe, err)
	}
	return ctx
}

// TestPlayInBrowser plays the opening chapter along the course history took, saves, reloads and
// continues, exports the game as a code and imports it into a fresh browser profile.
func TestPlayInBrowser(t *testing.T) {
	begin := time.Now()
	sh := &shots{dir: os.Getenv("E2E_SHOTS")}
	if sh.dir == "" {
		sh.dir = t.TempDir()
	} else if err := os.MkdirAll(sh.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", sh.dir)
	brotli := "no brotli variant"
	if sizes.Brotli > 0 {
		brotli = fmt.Sprintf("%.2f MB brotli", mb(sizes.Brotli))
	}
	t.Logf("bianjing.wasm: %.2f MB raw, %.2f MB gzip -9, %s", mb(sizes.Raw), mb(sizes.Gzip), brotli)
	if sizes.Gzip > gzipBudget {
		t.Errorf("bianjing.wasm is %.2f MB with gzip, over the budget of %.2f MB", mb(sizes.Gzip), mb(gzipBudget))
	}

	browser := newBrowser(t)
	ctx, cancel := context.WithTimeout(browser, 8*time.Minute)
	defer cancel()
	p := openPage(t, ctx, "first profile", sh)

	// Open the page with a known seed: the loader passes ?seed=1 to the game as --seed=1.
	first := p.open(siteURL + "?seed=1")
	t.Logf("first frame: %v from navigation start to the game's first Update (first load)", first.Round(time.Millisecond))
	if first > firstFrameBudget {
		t.Errorf("first frame took %v, over the budget of %v", first, firstFrameBudget)
	}
	st := p.waitState("the first scene", 10*time.Second, func(s gameState) bool { return s.Screen == "audience" && s.Page >= 0 })
	p.shot("opened")
	p.logFrames("the first scene")
	if n := eval[int](p, `document.querySelectorAll('#sr-mirror h2').length`); n == 0 {
		t.Fatalf("the mirror has no scene title: %s", eval[string](p, `document.getElementById('sr-mirror').innerHTML`))
	}

	// Play along the historical course: a digit for the option history took; for Continue,
	// Enter, or a click on the mirror's button, or once F2 and Enter in the mirror as a
	// screen-reader user would; save into slot 1 on the last page, once the game has ended.
	choicesMade, continues, saved, triedReader := 0, 0, false, false
	for steps := 0; ; steps++ {
		if steps > 400 {
			t.Fatalf("still playing after %d steps: %+v", steps, st)
		}
		if st.Screen == "ending" {
			break
		}
		if st.Screen != "audience" {
			t.Fatalf("screen %q while playing: %+v", st.Screen, st)
		}
		switch {
		case st.Awaits:
			if st.Historical < 1 || st.Historical > 9 {
				t.Fatalf("no historical option to take: %+v", st)
			}
			if st.Revealed && choicesMade == 0 {
				// The mirror holds the scene and a button for each open option.
				mirror := eval[string](p, `document.getElementById('sr-mirror').innerHTML`)
				if err := os.WriteFile(filepath.Join(sh.dir, "mirror-first-choice.html"), []byte(mirror), 0o644); err != nil {
					t.Fatal(err)
				}
				buttons := eval[int](p, `document.querySelectorAll('#sr-mirror button[data-pick]').length`)
				if buttons < st.Historical || !strings.Contains(mirror, "<h2>") || strings.Count(mirror, "<p>") < 3 {
					t.Fatalf("the mirror offers %d buttons (the historical option is number %d) in:\n%s", buttons, st.Historical, mirror)
				}
			}
			before := st.Choices
			st = p.act(digit(st.Historical))
			if st.Choices > before {
				choicesMade++
				if choicesMade == 1 {
					p.shot("first-choice")
				}
			}
		case !st.Revealed:
			st = p.act("ArrowDown") // any key shows the whole scene; ArrowDown chooses nothing
		case st.Ending != "" && !saved:
			// The last page: the game has ended. Save it into slot 1 through the saves screen.
			if st.Ending != historicalEnding {
				t.Fatalf("the historical course ended in %q, want %q", st.Ending, historicalEnding)
			}
			p.act("s")
			p.waitState("the saves screen", 5*time.Second, func(s gameState) bool { return s.Screen == "saves" })
			p.focusItem("1", "ArrowDown") // slot 1
			p.act("Enter")
			p.waitState("the save", 5*time.Second, func(s gameState) bool { return strings.Contains(s.Message, "Saved in slot 1") })
			if !eval[bool](p, `Object.keys(localStorage).some(k => k.endsWith('-slot-1.json'))`) {
				t.Fatal("slot 1 is not in localStorage after saving")
			}
			p.shot("saved")
			st = p.act("Escape")
			if st.Screen != "audience" {
				t.Fatalf("Escape from the saves screen went to %q", st.Screen)
			}
			saved = true
		case !triedReader:
			// The reader's way: F2 takes the keyboard into the mirror, Enter on its button goes on,
			// and Escape gives the keyboard back to the game.
			triedReader = true
			p.pressUntil("F2", "the mirror to have the focus", `document.activeElement && document.activeElement.closest('#sr-mirror') !== null && document.activeElement.tagName === 'BUTTON'`)
			page := st.Page
			p.press("Enter")
			st = p.waitState("the page after the mirror's Continue", 5*time.Second, func(s gameState) bool { return s.Page != page || s.Screen != "audience" })
			p.waitFor("the focus to stay in the mirror", `document.activeElement && document.activeElement.closest('#sr-mirror') !== null`, 5*time.Second)
			p.press("Escape")
			p.waitFor("the canvas to have the focus again", `document.activeElement === document.querySelector('body > canvas')`, 5*time.Second)
			continues++
		default:
			continues++
			page := st.Page
			if continues%3 == 0 {
				p.clickMirror("continue")
				st = p.waitState("the page after a click on the mirror", 5*time.Second, func(s gameState) bool { return s.Page != page || s.Screen != "audience" })
			} else {
				st = p.act("Enter")
			}
		}
	}
	if st.Ending != historicalEnding || !saved {
		t.Fatalf("after the historical course: ending %q, saved %v", st.Ending, saved)
	}
	final := st
	t.Logf("played the historical course: %d choices, %d pages passed, ending %s", final.Choices, continues, final.Ending)
	p.shot("ending")
	p.checkConsole()

	// Reload (the page without its seed, as a returning player opens it) and Continue.
	again := p.open(siteURL)
	t.Logf("first frame: %v from navigation start to the game's first Update (reload)", again.Round(time.Millisecond))
	p.waitState("the title", 10*time.Second, func(s gameState) bool { return s.Screen == "title" })
	p.shot("reloaded-title")
	p.focusItem("continue", "ArrowDown")
	p.act("Enter")
	st = p.waitState("the game continued", 10*time.Second, func(s gameState) bool { return s.Screen == "ending" })
	if st.Ending != final.Ending || st.Choices != final.Choices || st.Event != final.Event {
		t.Fatalf("continued game: ending %q event %q after %d choices; saved: ending %q event %q after %d", st.Ending, st.Event, st.Choices, final.Ending, final.Event, final.Choices)
	}
	p.shot("continued")

	// Export the game as a code from the saves screen.
	p.act("Escape") // to the title
	p.clickMirror("load")
	p.waitState("the saves screen", 5*time.Second, func(s gameState) bool { return s.Screen == "saves" })
	p.focusCanvas()
	p.focusItem("export", "ArrowUp") // up from the autosave wraps round to the last items
	p.act("Enter")
	st = p.waitState("the save code", 5*time.Second, func(s gameState) bool { return s.SaveCode != "" })
	if area := eval[string](p, `document.getElementById('save-code').value`); area != st.SaveCode {
		t.Fatalf("the code box holds %q, window.bianjing.saveCode %q", area, st.SaveCode)
	}
	if !eval[bool](p, `!document.getElementById('save-code-panel').hidden`) {
		t.Fatal("the code box is hidden after exporting")
	}
	code := st.SaveCode
	sv, err := save.FromCode(code)
	if err != nil || sv.Seed != 1 || len(sv.Choices) != final.Choices {
		t.Fatalf("the exported code: %v; seed %d, %d choices, want seed 1 and %d", err, sv.Seed, len(sv.Choices), final.Choices)
	}
	t.Logf("exported a code of %d characters", len(code))
	p.shot("exported")
	p.act("Escape")
	p.waitFor("the code box to close", `document.getElementById('save-code-panel').hidden`, 5*time.Second)
	p.checkConsole()

	// A fresh profile: nothing saved. Import the code there.
	freshCtx, cancelFresh := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancelFresh()
	freshCtx, cancelFreshTimeout := context.WithTimeout(freshCtx, 4*time.Minute)
	defer cancelFreshTimeout()
	q := openPage(t, freshCtx, "fresh profile", sh)
	fresh := q.open(siteURL)
	t.Logf("first frame: %v (fresh profile)", fresh.Round(time.Millisecond))
	q.waitState("the title", 10*time.Second, func(s gameState) bool { return s.Screen == "title" })
	if eval[bool](q, `Object.keys(localStorage).some(k => k.includes('slot') || k.includes('autosave'))`) {
		t.Fatal("the fresh profile has saves")
	}
	if eval[bool](q, `!!document.querySelector('#sr-mirror button[data-pick="continue"]')`) {
		t.Fatal("the fresh profile offers Continue")
	}
	// A damaged code is reported and changes nothing.
	if !eval[bool](q, `window.bianjing.importCode('BJ1-thisisnotasave')`) {
		t.Fatal("importCode did not take the code")
	}
	st = q.waitState("the damaged code's message", 5*time.Second, func(s gameState) bool { return strings.Contains(s.Message, "cannot be read") })
	if st.Screen != "title" || st.Choices != 0 {
		t.Fatalf("a damaged code changed the game: %+v", st)
	}
	q.shot("damaged-code")
	// The code through the saves screen's Import a code and the page's code box.
	q.clickMirror("load")
	q.waitState("the saves screen", 5*time.Second, func(s gameState) bool { return s.Screen == "saves" })
	q.focusCanvas()
	q.focusItem("import", "ArrowUp")
	q.act("Enter")
	q.waitFor("the code box", `!document.getElementById('save-code-panel').hidden && !document.getElementById('save-code').readOnly`, 5*time.Second)
	q.do("pasting the code", chromedp.SetValue(chromedp.ID("save-code"), code))
	q.shot("import")
	q.do("pressing Load", chromedp.Click(chromedp.ID("save-code-load")))
	st = q.waitState("the imported game", 10*time.Second, func(s gameState) bool { return s.Screen == "ending" })
	if st.Ending != final.Ending || st.Choices != final.Choices {
		t.Fatalf("imported game: ending %q after %d choices, want %q after %d", st.Ending, st.Choices, final.Ending, final.Choices)
	}
	q.waitFor("the code box to close", `document.getElementById('save-code-panel').hidden`, 5*time.Second)
	q.shot("imported")
	q.checkConsole()
	p.checkConsole()
	t.Logf("the whole run took %v", time.Since(begin).Round(100*time.Millisecond))
}

func mb(n int64) float64 { return float64(n) / 1e6 }
