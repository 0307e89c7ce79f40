package ui

import (
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/game/watch"
)

// Live preview for authors (Options.Watch): the campaign folder is polled off the game loop,
// loaded again in the same goroutine when its files change, and the load handed to the game
// loop through a channel, which Update looks at without blocking or allocating. A campaign
// that loads replaces the old one and the game in progress is replayed on it, seed and choices,
// as far as it still fits; one that does not is reported on the problems screen while the old
// campaign and game are kept.

// defaultWatchEvery is how often the folder is polled: about twice a second.
const defaultWatchEvery = 500 * time.Millisecond

// settlePolls is how many polls a change must last before the folder is loaded, so that an
// editor's save in several steps is loaded once, whole.
const settlePolls = 1

// liveFolder watches the campaign folder and loads it again when its files change.
type liveFolder struct {
	dir   string
	fsys  fs.FS
	loads chan liveLoad // holds the newest load the game loop has not taken yet
	stop  chan struct{}
	once  sync.Once
}

// liveLoad is one load of the folder after a change: a campaign, or why there is none.
type liveLoad struct {
	c       *scenario.Campaign
	err     error
	changes []watch.Change
}

// startLive loads the campaign in dir and starts watching it. The folder is looked at before
// it is loaded, so a change made during the load is seen by the first poll.
func startLive(dir string, every time.Duration) (*liveFolder, *scenario.Campaign, error) {
	if every <= 0 {
		every = defaultWatchEvery
	}
	l := &liveFolder{dir: dir, fsys: os.DirFS(dir), loads: make(chan liveLoad, 1), stop: make(chan struct{})}
	p := watch.NewPoller(l.fsys, ".", settlePolls)
	c, err := l.load()
	go watch.Watch(p, every, l.stop, l.reload)
	return l, c, err
}

// load loads the campaign; a panic in the loader is reported as an error, since an author's
// files must never close the game.
func (l *liveFolder) load() (c *scenario.Campaign, err error) {
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, fmt.Errorf("%s: the loader failed: %v", l.dir, r)
		}
	}()
	return scenario.LoadAs(l.fsys, ".", l.dir)
}

// reload loads the folder after a change and leaves the result for the game loop, in place of
// a load it has not taken yet.
func (l *liveFolder) reload(changes []watch.Change) {
	c, err := l.load()
	r := liveLoad{c: c, err: err, changes: changes}
	select {
	case old := <-l.loads:
		r.changes = append(old.changes, changes...)
	default:
	}
	l.loads <- r // this goroutine is the only sender and the channel is now empty
}

func (l *liveFolder) close() {
	l.once.Do(func() { close(l.stop) })
}

// Close stops watching the campaign folder, if the App watches one.
func (a *App) Close() {
	if a.live != nil {
		a.live.close()
	}
}

// takeLoad applies a load of the watched folder, if one is waiting.
func (a *App) takeLoad() {
	select {
	case r := <-a.live.loads:
		a.reloaded(r)
	default:
	}
}

// reloaded applies a load of the watched folder: the problems when it failed, else the new
// campaign with the game replayed on it.
func (a *App) reloaded(r liveLoad) {
	what := watch.Describe(r.changes)
	if r.err != nil {
		a.problems = r.err
		a.staleMark = nil
		if a.current != ProblemsScreen {
			a.beforeProblems = a.current
		}
		a.show(ProblemsScreen)
		a.report(fmt.Sprintf("%s: %s; the campaign does not load:\n%v", a.live.dir, what, r.err))
		return
	}
	a.problems = nil
	if a.c == nil { // the first campaign that loads: the game opens
		a.setCampaign(r.c)
		if err := a.begin(); err != nil {
			a.say("%v", err)
		}
		a.show(a.current)
		a.notice(fmt.Sprintf("Loaded %s (%s).", a.live.dir, what))
		return
	}
	ret := a.current
	if ret == ProblemsScreen {
		ret = a.beforeProblems
	}
	a.setCampaign(r.c)
	msg := "Reloaded (" + what + ")"
	if a.g != nil {
		msg += ": " + a.replay()
		if ret == EndingScreen && !a.g.Over() {
			ret = AudienceScreen
		}
		if a.back == EndingScreen && !a.g.Over() {
			a.back = AudienceScreen
		}
	}
	a.show(ret)
	a.notice(msg + ".")
}

// replay plays the game's seed and choices again on the campaign just loaded, as far as they
// still fit, keeping the page being read when its event is still in the story. It says what
// it did.
func (a *App) replay() string {
	au := a.audience()
	evID := ""
	if ev, _, ok := au.record(a); ok {
		evID = ev.Event.ID
	}
	scroll := au.scroll
	s := save.Of(a.g)
	// The log is replayed whatever the campaign is called and numbered now.
	s.Campaign, s.CampaignVersion = a.c.ID, a.c.Version
	s.Story = "" // the author changed the story on purpose: follow the choices as far as they fit
	g, stop, err := save.Replay(a.c, s)
	if err != nil { // cannot happen: the save names the campaign it is replayed on
		a.g = sim.New(a.c, s.Seed)
		au.reset(a)
		return "the game could not be replayed (" + err.Error() + ") and starts again"
	}
	a.g = g
	au.jumpToEnd(a)
	if evID != "" {
		for i, r := range g.Chronicle() {
			if r.Kind == sim.EventRecord && r.Event.ID == evID {
				if i != au.page {
					au.page = i
					au.layout(a)
					au.revealAll()
				}
				au.scroll = min(scroll, max(0, au.height-au.col.h))
				break
			}
		}
	}
	n := len(s.Choices)
	switch {
	case stop != nil:
		noun := "choices"
		if n == 1 {
			noun = "choice"
		}
		return fmt.Sprintf("replayed %d of %d %s; stopped at choice %d (%s): %s", stop.Index, n, noun, stop.Index+1, stop.Choice, stop.Reason)
	case n == 0:
		return "the same seed, no choices to replay"
	case n == 1:
		return "replayed the one choice"
	}
	return fmt.Sprintf("replayed all %d choices", n)
}

// notice tells the author what a reload did: at the foot of the window and to Options.Report.
func (a *App) notice(msg string) {
	a.say("%s", msg)
	a.report(msg)
}

func (a *App) report(msg string) {
	if a.opts.Report != nil {
		a.opts.Report(msg)
	}
}

// showProblems opens the problems screen over the screen shown.
func (a *App) showProblems() {
	a.beforeProblems = a.current
	a.show(ProblemsScreen)
}

// typing reports whether the player is typing a save code, when letter keys are text.
func (a *App) typing() bool {
	return a.current == SavesScreen && a.savesView().code.kind == importPanel
}
