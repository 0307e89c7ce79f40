package autoplay

import (
	"container/heap"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

// Exploration is what Explore found.
//
// Explore plays with one fixed seed: weighted draws (outcomes, events due together) always
// follow that seed's generator, so content reached only by other draws may be missed.
type Exploration struct {
	Seed      uint64
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
	// Edges are the steps seen in play: from "start", an event or a choice, to the next event or
	// ending. Keys are "event:ID", "choice:ID", "ending:ID".
	Edges map[[2]string]bool
}

// Path is the first list of choices found reaching something, and how many distinct states
// reached it.
type Path struct {
	Choices []string
	Count   int
}

// Explore searches every enabled choice at every reachable decision of c, playing with the given
// seed and replaying at most budget games. States are the same when their Snapshot is, leaving
// out the choice log and the ledger. With budget enough every reachable state is visited; the
// order is chosen for coverage: next is the waiting step whose last choice had been taken the
// fewest times when it was queued, then the deepest, then the first queued.
func Explore(c *scenario.Campaign, seed uint64, budget int) *Exploration {
	x := &Exploration{
		Seed: seed, Budget: budget,
		Events: map[string]bool{}, Choices: map[string]bool{}, Endings: map[string]*Path{},
		DeadEnds: map[string]*Path{}, Errors: map[string]*Path{}, Edges: map[[2]string]bool{},
	}
	seen := map[[32]byte]bool{}
	seq := 0
	taken := map[string]int{}
	stack := &frontier{{}}
	for stack.Len() > 0 && x.Replays < budget {
		log := heap.Pop(stack).(step).log
		g := sim.New(c, seed)
		for _, id := range log {
			if err := g.Choose(id); err != nil {
				panic(fmt.Sprintf("autoplay: explore: replaying %v: %v", log, err))
			}
		}
		x.Replays++
		k := key(g)
		if seen[k] {
			continue
		}
		seen[k] = true
		x.States++
		x.record(g)
		switch {
		case g.Ending() != nil:
			note(x.Endings, g.Ending().ID, log)
		case g.Err() != nil && g.Pending() != nil && len(open(g)) == 0:
			note(x.DeadEnds, g.Pending().ID, log)
		case g.Err() != nil:
			note(x.Errors, g.Err().Error(), log)
		default:
			for _, id := range open(g) {
				heap.Push(stack, step{log: append(slices.Clip(log), id), taken: taken[id], seq: seq})
				taken[id]++
				seq++
			}
		}
	}
	x.Exhausted = stack.Len() == 0
	return x
}

func note(m map[string]*Path, id string, log []string) {
	if p := m[id]; p != nil {
		p.Count++
		return
	}
	m[id] = &Path{Choices: slices.Clone(log), Count: 1}
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

// record notes the events, choices and steps of g's chronicle.
func (x *Exploration) record(g *sim.Game) {
	prev := "start"
	for _, rec := range g.Chronicle() {
		var node string
		switch rec.Kind {
		case sim.EventRecord:
			x.Events[rec.Event.ID] = true
			node = "event:" + rec.Event.ID
		case sim.ChoiceRecord:
			x.Choices[rec.Choice.ID] = true
			node = "choice:" + rec.Choice.ID
		case sim.EndingRecord:
			node = "ending:" + rec.Ending.ID
		default:
			continue
		}
		if rec.Kind != sim.ChoiceRecord { // event -> choice is drawn from the campaign itself
			x.Edges[[2]string{prev, node}] = true
		}
		prev = node
	}
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
	log   []string
	taken int // how often its last choice had been queued before
	seq   int
}

type frontier []step

func (f frontier) Len() int { return len(f) }
func (f frontier) Less(i, j int) bool {
	a, b := f[i], f[j]
	if a.taken != b.taken {
		return a.taken < b.taken
	}
	if len(a.log) != len(b.log) {
		return len(a.log) > len(b.log)
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
