// Package autoplay plays a campaign automatically, many times over, for authors and testers:
// Run plays seeded games with a fixed strategy and counts what they reached; Explore searches
// every enabled choice at every reachable decision.
//
// Everything here is deterministic: the same campaign, seeds and strategy give the same report,
// however many workers play the games. Only the timings (Report.Slowest) vary.
package autoplay

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

// Strategy picks a choice at a decision.
type Strategy string

// The strategies.
//
//   - random: uniform among the enabled choices.
//   - historical: sim.Game.HistoricalChoice (the course history took, else the first open).
//   - cautious: the enabled choice whose quantity effects have the highest sum (the least loss).
//   - bold: the enabled choice whose quantity effects have the lowest sum (the most loss).
//
// For cautious and bold a choice's score is the sum of its `+=`/`-=` effects on quantities whose
// amount is a plain number (`trust -= 10` counts -10), plus the mean of the same sum over its
// outcomes; effects whose amount is an expression, `=` effects and flags, people and places
// count 0. Ties are broken uniformly at random.
const (
	Random     Strategy = "random"
	Historical Strategy = "historical"
	Cautious   Strategy = "cautious"
	Bold       Strategy = "bold"
)

// Strategies lists every strategy.
var Strategies = []Strategy{Random, Historical, Cautious, Bold}

// ParseStrategy returns the strategy with the given name.
func ParseStrategy(s string) (Strategy, error) {
	for _, st := range Strategies {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown strategy %q (want random, historical, cautious or bold)", s)
}

// Pick returns the id of the choice the strategy takes at g's pending decision, drawing from
// rng when it must; "" when no choice is open.
func (s Strategy) Pick(g *sim.Game, rng *rand.Rand) string {
	if s == Historical {
		return g.HistoricalChoice()
	}
	var open []*scenario.Choice
	for _, o := range g.Options() {
		if o.Enabled {
			open = append(open, o.Choice)
		}
	}
	if len(open) == 0 {
		return ""
	}
	if s == Cautious || s == Bold {
		var best []*scenario.Choice
		bestScore := 0.0
		for _, ch := range open {
			sc := Score(ch)
			if s == Bold {
				sc = -sc
			}
			switch {
			case best == nil || sc > bestScore:
				best, bestScore = []*scenario.Choice{ch}, sc
			case sc == bestScore:
				best = append(best, ch)
			}
		}
		open = best
	}
	return open[rng.IntN(len(open))].ID
}

// Score is the sum of a choice's constant quantity effects, plus the mean over its outcomes:
// what cautious maximises and bold minimises.
func Score(ch *scenario.Choice) float64 {
	s := effectSum(ch.Effects)
	if len(ch.Outcomes) > 0 {
		o := 0.0
		for _, out := range ch.Outcomes {
			o += effectSum(out.Effects)
		}
		s += o / float64(len(ch.Outcomes))
	}
	return s
}

func effectSum(effects []scenario.Effect) float64 {
	s := 0.0
	for _, e := range effects {
		if e.Name.Kind != scenario.QuantityName || e.Value == nil || (e.Op != scenario.Add && e.Op != scenario.Sub) {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(e.Value.Source), 64)
		if err != nil {
			continue
		}
		if e.Op == scenario.Sub {
			v = -v
		}
		s += v
	}
	return s
}

// Play plays one whole game of c with the given seed and strategy. The strategy's own draws come
// from a PCG seeded from the game's seed.
func Play(c *scenario.Campaign, seed uint64, s Strategy) *sim.Game {
	return PlayOn(nil, c, seed, s)
}

// PlayOn plays as Play does, in the memory of g when g is not nil (see sim.Game.Restart);
// what g returned before must not be used after.
func PlayOn(g *sim.Game, c *scenario.Campaign, seed uint64, s Strategy) *sim.Game {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	if g == nil || g.Campaign() != c {
		g = sim.New(c, seed)
	} else {
		g.Restart(seed)
	}
	for !g.Over() {
		id := s.Pick(g, rng)
		if err := g.Choose(id); err != nil {
			// Only open choices are picked; the engine records anything worse in g.Err.
			panic(fmt.Sprintf("autoplay: seed %d: %v", seed, err))
		}
	}
	return g
}

// Config says which games Run plays.
type Config struct {
	Runs     int
	Seed     uint64 // game i is played with seed Seed+i
	Strategy Strategy
	Workers  int // games played at once; 0: one per CPU
}

// Count is how often something was reached.
type Count struct {
	ID      string  `json:"id"`
	Runs    int     `json:"runs"`
	Percent float64 `json:"percent"`
}

// EventCount is how often an event fired, and each of its choices was taken.
type EventCount struct {
	Count
	Choices []Count `json:"choices,omitempty"`
}

// Spread is the least, median (the lower middle value) and greatest of some numbers.
type Spread struct {
	Min    int `json:"min"`
	Median int `json:"median"`
	Max    int `json:"max"`
}

// RunError is a game that could not go on.
type RunError struct {
	Seed uint64 `json:"seed"`
	Err  string `json:"error"`
}

// Report is what Run found. Everything but Slowest is the same for the same campaign and Config.
type Report struct {
	Campaign  string       `json:"campaign"`
	Strategy  Strategy     `json:"strategy"`
	Runs      int          `json:"runs"`
	FirstSeed uint64       `json:"first_seed"`
	Endings   []Count      `json:"endings"` // every ending of the campaign, as written
	Events    []EventCount `json:"events"`  // every event, in campaign order
	Turns     Spread       `json:"turns"`
	Decisions Spread       `json:"decisions"`
	Errors    []RunError   `json:"errors"`
	Slowest   Slowest      `json:"-"`
}

// Slowest is the run that took longest. It varies from one run to the next.
type Slowest struct {
	Seed uint64
	Time time.Duration
}

type result struct {
	events    []string
	choices   []string
	ending    string
	turns     int
	decisions int
	err       error
	time      time.Duration
}

// Run plays cfg.Runs games and counts what they reached.
func Run(c *scenario.Campaign, cfg Config) Report {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	results := make([]result, cfg.Runs)
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, max(cfg.Runs, 1)) {
		wg.Go(func() {
			var g *sim.Game // one game's memory, played again and again
			for i := range next {
				results[i], g = playOne(g, c, cfg.Seed+uint64(i), cfg.Strategy)
			}
		})
	}
	for i := range cfg.Runs {
		next <- i
	}
	close(next)
	wg.Wait()

	r := Report{Campaign: c.ID, Strategy: cfg.Strategy, Runs: cfg.Runs, FirstSeed: cfg.Seed, Errors: []RunError{}}
	events, choices, endings := map[string]int{}, map[string]int{}, map[string]int{}
	var turns, decisions []int
	for i, res := range results {
		for _, id := range res.events {
			events[id]++
		}
		for _, id := range res.choices {
			choices[id]++
		}
		if res.ending != "" {
			endings[res.ending]++
		}
		if res.err != nil {
			r.Errors = append(r.Errors, RunError{Seed: cfg.Seed + uint64(i), Err: res.err.Error()})
		}
		turns = append(turns, res.turns)
		decisions = append(decisions, res.decisions)
		if i == 0 || res.time > r.Slowest.Time {
			r.Slowest = Slowest{Seed: cfg.Seed + uint64(i), Time: res.time}
		}
	}
	count := func(id string, n int) Count { return Count{ID: id, Runs: n, Percent: percent(n, cfg.Runs)} }
	for _, e := range c.Endings {
		r.Endings = append(r.Endings, count(e.ID, endings[e.ID]))
	}
	for _, ev := range c.Events {
		ec := EventCount{Count: count(ev.ID, events[ev.ID])}
		for _, ch := range ev.Choices {
			ec.Choices = append(ec.Choices, count(ch.ID, choices[ch.ID]))
		}
		r.Events = append(r.Events, ec)
	}
	r.Turns, r.Decisions = spread(turns), spread(decisions)
	return r
}

func playOne(g *sim.Game, c *scenario.Campaign, seed uint64, s Strategy) (result, *sim.Game) {
	start := time.Now()
	g = PlayOn(g, c, seed, s)
	res := result{time: time.Since(start), turns: g.Turn(), decisions: len(g.Log()), err: g.Err(), choices: slices.Clone(g.Log())}
	if b := g.Broken(); res.err == nil && len(b) > 0 {
		res.err = BrokenError(b[0], seed, g.Log())
	}
	seen := map[string]bool{}
	for _, rec := range g.Chronicle() {
		if rec.Kind == sim.EventRecord && !seen[rec.Event.ID] {
			seen[rec.Event.ID] = true
			res.events = append(res.events, rec.Event.ID)
		}
	}
	if e := g.Ending(); e != nil {
		res.ending = e.ID
	}
	return res, g
}

// BrokenError is the error of a game whose text contradicted it: the assumption, and the command
// that replays the game up to it.
func BrokenError(b sim.Broken, seed uint64, log []string) error {
	return fmt.Errorf("%v; replay: scenario play --seed %d --choices %s", b, seed, strings.Join(log[:b.Log], ","))
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) * 100 / float64(of)
}

func spread(xs []int) Spread {
	if len(xs) == 0 {
		return Spread{}
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return Spread{Min: xs[0], Median: xs[(len(xs)-1)/2], Max: xs[len(xs)-1]}
}
