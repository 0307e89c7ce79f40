package autoplay

import (
	"container/heap"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

// Exploration is what Explore found.
//
// Explore plays each game with one of a few fixed seeds: weighted draws (outcomes, events due
// together, the length of sieges) follow that seed's generator, so content reached only by
// other draws may be missed; more seeds see more of chance.
type Exploration struct {
	Seeds     []uint64
	Budget    int
	Replays   int  // games replayed
	States    int  // distinct states reached
	Exhausted bool // every reachable state was visited within the budget

	Events  map[string]bool // events that fired
	Choices map[string]bool // choices taken
	Endings map[string]*Path
	// DeadEnds are the decisions (by event id) at which no choice was open, with a path there.
	DeadEnds map[string]*Path
	// Errors are the games that stopped for another reason, by message, with a path there.
	Errors map[string]*Path
	// Broken are the assumptions that did not hold when their text was told (sim.Broken.Claim),
	// with a path to the decision after which it was told.
	Broken map[string]*Path
	// Edges are the steps seen in play: from "start", an event or a choice, to the next event or
	// ending. Keys are "event:ID", "choice:ID", "ending:ID".
	Edges map[[2]string]bool
}

// Path is the first list of choices found reaching something, with the seed it was played
// with, and how many distinct states reached it.
type Path struct {
	Seed    uint64
	Choices []string
	Count   int
}

// Explore searches every enabled choice, and every outcome of it, at every reachable decision of
// c, playing with each of the given seeds and replaying at most budget games in all. States are
// the same when their Snapshot is, leaving out the choice log and the ledger. With budget enough
// every reachable state is visited. The order is chosen for coverage, as a fuzzer chooses its
// inputs: from each new state the game is also played out once at random, and the steps from
// states whose playout reached something new (an event, a choice, an ending or a step between
// them) go first; then those whose move had been queued the fewest times, then the shallowest,
// then the first queued. What playouts reach counts as reached.
func Explore(c *scenario.Campaign, seeds []uint64, budget int) *Exploration {
	x := &Exploration{
		Seeds: seeds, Budget: budget,
		Events: map[string]bool{}, Choices: map[string]bool{}, Endings: map[string]*Path{},
		DeadEnds: map[string]*Path{}, Errors: map[string]*Path{}, Broken: map[string]*Path{}, Edges: map[[2]string]bool{},
	}
	seen := map[[32]byte]bool{}
	seq := 0
	taken := map[string]int{}
	stack := &frontier{}
	for _, seed := range seeds {
		heap.Push(stack, step{seed: seed, seq: seq})
		seq++
	}
	for stack.Len() > 0 && x.Replays < budget {
		st := heap.Pop(stack).(step)
		log := st.log
		g := sim.New(c, st.seed)
		impossible := false
		for _, m := range log {
			id, outcome := SplitMove(m)
			err := g.ChooseOutcome(id, outcome)
			if errors.Is(err, sim.ErrImpossibleOutcome) {
				impossible = true
				break
			}
			if err != nil {
				panic(fmt.Sprintf("autoplay: explore: replaying %v with seed %d: %v", log, st.seed, err))
			}
		}
		x.Replays++
		if impossible {
			continue
		}
		k := key(g)
		if seen[k] {
			continue
		}
		seen[k] = true
		x.States++
		x.broken(g, st.seed, log)
		fresh := x.record(g)
		if x.finished(g, st.seed, log) {
			continue
		}
		next := moves(g)
		// Play the game out at random from here: what the playout reaches counts as reached,
		// and how much of it is new says how promising this state's choices are.
		fresh += x.playout(g, st.seed, log, uint64(seq))
		for _, m := range next {
			heap.Push(stack, step{seed: st.seed, log: append(slices.Clip(log), m), novelty: fresh, taken: taken[m], seq: seq})
			taken[m]++
			seq++
		}
	}
	x.Exhausted = stack.Len() == 0
	return x
}

// finished notes a game that has ended or stopped, with the moves that led there, and reports
// whether it had.
func (x *Exploration) finished(g *sim.Game, seed uint64, log []string) bool {
	switch {
	case g.Ending() != nil:
		note(x.Endings, g.Ending().ID, seed, log)
	case g.Err() != nil && g.Pending() != nil && len(open(g)) == 0:
		note(x.DeadEnds, g.Pending().ID, seed, log)
	case g.Err() != nil:
		note(x.Errors, g.Err().Error(), seed, log)
	default:
		return false
	}
	return true
}

// playout plays g to its end taking open choices at random (outcomes drawn as in play), records
// what it reached and returns how much of that was new.
func (x *Exploration) playout(g *sim.Game, seed uint64, log []string, stream uint64) int {
	rng := rand.New(rand.NewPCG(seed, stream))
	for !g.Over() {
		ids := open(g)
		if len(ids) == 0 {
			break
		}
		if err := g.Choose(ids[rng.IntN(len(ids))]); err != nil {
			panic(fmt.Sprintf("autoplay: explore: playout: %v", err))
		}
	}
	fresh := x.record(g)
	before := len(x.Endings)
	path := append(slices.Clip(log), g.Log()[len(log):]...)
	x.broken(g, seed, path)
	x.finished(g, seed, path)
	return fresh + len(x.Endings) - before
}

// broken notes the assumptions g broke, with the moves (path, as long as g's log) up to each.
func (x *Exploration) broken(g *sim.Game, seed uint64, path []string) {
	for _, b := range g.Broken() {
		note(x.Broken, b.Claim(), seed, path[:b.Log])
	}
}

func note(m map[string]*Path, id string, seed uint64, log []string) {
	if p := m[id]; p != nil {
		p.Count++
		return
	}
	m[id] = &Path{Seed: seed, Choices: slices.Clone(log), Count: 1}
}

// moves lists every open choice of g's pending decision with each of its outcomes: "id" for a
// choice without outcomes, "id#0", "id#1"... for one with.
func moves(g *sim.Game) []string {
	var out []string
	for _, o := range g.Options() {
		if !o.Enabled {
			continue
		}
		if len(o.Choice.Outcomes) == 0 {
			out = append(out, o.Choice.ID)
			continue
		}
		for k := range o.Choice.Outcomes {
			out = append(out, o.Choice.ID+"#"+strconv.Itoa(k))
		}
	}
	return out
}

// SplitMove reads a move as explore writes it in a path: a choice id, with "#N" when its outcome
// N was forced; outcome is -1 when it was drawn.
func SplitMove(m string) (id string, outcome int) {
	id, n, ok := strings.Cut(m, "#")
	if !ok {
		return id, -1
	}
	k, err := strconv.Atoi(n)
	if err != nil || k < 0 {
		return m, -1
	}
	return id, k
}

func open(g *sim.Game) []string {
	var ids []string
	for _, o := range g.Options() {
		if o.Enabled {
			ids = append(ids, o.Choice.ID)
		}
	}
	return ids
}

// record notes the events, choices and steps of g's chronicle, and returns how many of them
// had not been seen before.
func (x *Exploration) record(g *sim.Game) int {
	fresh := 0
	mark := func(m map[string]bool, id string) {
		if !m[id] {
			m[id] = true
			fresh++
		}
	}
	prev := "start"
	for _, rec := range g.Chronicle() {
		var node string
		switch rec.Kind {
		case sim.EventRecord:
			mark(x.Events, rec.Event.ID)
			node = "event:" + rec.Event.ID
		case sim.ChoiceRecord:
			mark(x.Choices, rec.Choice.ID)
			node = "choice:" + rec.Choice.ID
		case sim.EndingRecord:
			node = "ending:" + rec.Ending.ID
			if x.Endings[rec.Ending.ID] == nil {
				fresh++
			}
		default:
			continue
		}
		if rec.Kind != sim.ChoiceRecord { // event -> choice is drawn from the campaign itself
			if e := [2]string{prev, node}; !x.Edges[e] {
				x.Edges[e] = true
				fresh++
			}
		}
		prev = node
	}
	return fresh
}

// key identifies the state of g: its snapshot without the log and the ledger, hashed.
func key(g *sim.Game) [32]byte {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(g.Snapshot(), &fields); err != nil {
		panic(fmt.Sprintf("autoplay: snapshot: %v", err))
	}
	delete(fields, "log")
	delete(fields, "ledger")
	b, err := json.Marshal(fields) // map keys are sorted
	if err != nil {
		panic(fmt.Sprintf("autoplay: snapshot: %v", err))
	}
	return sha256.Sum256(b)
}

// Missing lists what the exploration never reached: events, choices and endings of c, each in
// campaign order.
func (x *Exploration) Missing(c *scenario.Campaign) (events, choices, endings []string) {
	for _, ev := range c.Events {
		if !x.Events[ev.ID] {
			events = append(events, ev.ID)
		}
		for _, ch := range ev.Choices {
			if !x.Choices[ch.ID] {
				choices = append(choices, ch.ID)
			}
		}
	}
	for _, e := range c.Endings {
		if x.Endings[e.ID] == nil {
			endings = append(endings, e.ID)
		}
	}
	return events, choices, endings
}

// step is a state waiting to be visited: the choices that lead there.
type step struct {
	seed    uint64
	log     []string
	novelty int // how much new the state it steps from reached
	taken   int // how often its last choice had been queued before
	seq     int
}

type frontier []step

func (f frontier) Len() int { return len(f) }
func (f frontier) Less(i, j int) bool {
	a, b := f[i], f[j]
	if a.novelty != b.novelty {
		return a.novelty > b.novelty
	}
	if a.taken != b.taken {
		return a.taken < b.taken
	}
	if len(a.log) != len(b.log) {
		return len(a.log) < len(b.log)
	}
	return a.seq < b.seq
}
func (f frontier) Swap(i, j int) { f[i], f[j] = f[j], f[i] }
func (f *frontier) Push(x any)   { *f = append(*f, x.(step)) }
func (f *frontier) Pop() any {
	old := *f
	s := old[len(old)-1]
	*f = old[:len(old)-1]
	return s
}
