// Package sim plays a campaign: it keeps the calendar, the world's state, the seeded random
// generator, the log of choices and the ledger of every change, and decides what happens next.
//
// A Game is driven step by step (Options, Choose), never by blocking, so the window, the
// terminal player, the automatic player and the tests all drive it the same way.
package sim

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/bianjing1125/bianjing/game/calendar"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/expr-lang/expr/vm"
)

// Game is one play of a campaign.
type Game struct {
	c    *scenario.Campaign
	seed uint64
	pcg  rand.PCG
	rng  *rand.Rand

	turn      int
	turnStart calendar.Day
	today     calendar.Day

	quantities []int
	flags      []bool
	people     []string
	places     []string
	env        map[string]any

	fired   []bool // by index in c.Events
	groups  []bool // by index in c.Groups: an event of the group has fired
	pending *scenario.Event
	ending  *scenario.Ending
	err     error

	log       []string
	ledger    []Entry
	chronicle []Record

	armies    []army
	views     []scenario.ArmyView // what each army is doing and where
	placeIDs  []any               // the places' ids, boxed once
	armyKeys  []armyKeys          // the names under which expressions read each army
	due       []int               // scratch for dueEvents
	scratch   []Option            // scratch for options read inside the engine
	warDay    calendar.Day        // the last day the war has been played
	changed   []int32             // by slot: the generation in which it last changed
	memo      []memo              // by expression ID
	clockTurn int                 // the turn and day count expressions last read
	clockDays int
	warClock  bool    // some army condition reads the clock
	daily     []int   // events whose condition reads the day itself
	gen       int     // counts changes to the world, so that unchanged conditions are not re-read
	since     []since // the events read by days_since that have fired
	broken    []Broken
	telling   Teller // what tells the text being told, for Broken
	truthF    func(*scenario.Expr) bool
	assumedF  func(*scenario.Expr)

	machine vm.VM
}

// Entry is one change to a quantity, with what caused it.
type Entry struct {
	Turn     int
	Day      calendar.Day
	Event    string
	Choice   string // empty when the event itself caused it
	Quantity string
	From, To int
	Why      string
}

// RecordKind says what a chronicle record tells.
type RecordKind int

// The kinds of chronicle records.
const (
	EventRecord  RecordKind = iota + 1 // an event fired
	ChoiceRecord                       // the player chose
	EndingRecord                       // the game ended
	WarRecord                          // an army moved, besieged or took a place
)

// Record is one line of the chronicle: everything said and chosen, in order.
type Record struct {
	Kind    RecordKind
	Turn    int
	Day     calendar.Day
	Event   *scenario.Event
	Title   string // event records: the title and text told, the event's own or a variant's
	Text    string
	Variant int // event records: 1 + the index of the variant told; 0 for the event's own text
	// Choice records: the choice's result and the outcome's text as told (inline text resolved
	// when they were told). Ending records: Text is the ending's text as told.
	Result, OutcomeText string
	Choice              *scenario.Choice
	Outcome             *scenario.Outcome
	Ending              *scenario.Ending
	Army                *scenario.Army  // war records: the army
	Place               *scenario.Place // war records: the place, if any
	War                 WarAction       // war records: what the army did
	// Ledger[From:To] are the changes this record caused.
	LedgerFrom, LedgerTo int
}

// ErrNotPending is returned by Choose when no decision waits for a choice.
var ErrNotPending = errors.New("no decision is waiting for a choice")

// New starts a game of campaign c with the given seed and plays on to the first decision.
func New(c *scenario.Campaign, seed uint64) *Game {
	g := &Game{}
	g.start(c, seed)
	return g
}

// Restart starts the game again from the beginning with another seed, as New does, reusing
// the memory of the game before: for players of many games in a row. What the game returned
// before (its log, ledger, chronicle and options) must not be used after.
func (g *Game) Restart(seed uint64) { g.start(g.c, seed) }

func (g *Game) start(c *scenario.Campaign, seed uint64) {
	*g = Game{
		c: c, seed: seed, turn: 1,
		turnStart: c.Start.XunStart(), today: c.Start,
		quantities: reuse(g.quantities, len(c.Quantities)),
		flags:      reuse(g.flags, len(c.Flags)),
		people:     reuse(g.people, len(c.People)),
		places:     reuse(g.places, len(c.Places)),
		changed:    reuse(g.changed, c.Slots()),
		memo:       reuse(g.memo, c.Exprs()), // all at 0: never computed
		fired:      reuse(g.fired, len(c.Events)),
		groups:     reuse(g.groups, len(c.Groups)),
		armies:     reuse(g.armies, len(c.Armies)),
		views:      reuse(g.views, len(c.Armies)),
		placeIDs:   placeIDs(g, c),
		armyKeys:   sameCampaign(g, c, g.armyKeys),
		log:        g.log[:0], ledger: g.ledger[:0], chronicle: g.chronicle[:0],
		due: g.due[:0], scratch: g.scratch[:0], daily: g.daily[:0], since: g.since[:0], broken: g.broken[:0],
		env: g.env,
	}
	g.pcg = *rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)
	g.rng = rand.New(&g.pcg)
	if g.env == nil {
		g.env = c.StartEnv()
	} else {
		c.ResetEnv(g.env)
	}
	g.gen = 1
	g.clockTurn, g.clockDays = -1, -1
	for i, q := range c.Quantities {
		g.quantities[i] = q.Start
	}
	for i, f := range c.Flags {
		g.flags[i] = f.Start
	}
	for i, p := range c.People {
		g.people[i] = p.Status
	}
	for i, p := range c.Places {
		g.places[i] = p.Holder
	}
	g.newArmies()
	g.syncClock()
	g.advance()
}

// placeIDs keeps g's boxed place ids when it plays the same campaign again.
func placeIDs(g *Game, c *scenario.Campaign) []any { return sameCampaign(g, c, g.placeIDs) }

// sameCampaign keeps what g worked out about its campaign when it plays c again, else nil.
func sameCampaign[T any](g *Game, c *scenario.Campaign, s []T) []T {
	if g.c == c {
		return s
	}
	return nil
}

// reuse returns s cleared to length n, keeping its memory when it has room.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// Campaign returns the campaign being played.
func (g *Game) Campaign() *scenario.Campaign { return g.c }

// Seed returns the seed the game was started with.
func (g *Game) Seed() uint64 { return g.seed }

// Turn returns the turn number, counted from 1; a turn is one xun.
func (g *Game) Turn() int { return g.turn }

// Today returns the day of the current scene.
func (g *Game) Today() calendar.Day { return g.today }

// Pending returns the event waiting for a choice, or nil.
func (g *Game) Pending() *scenario.Event { return g.pending }

// Ending returns the ending reached, or nil while the game goes on.
func (g *Game) Ending() *scenario.Ending { return g.ending }

// Err returns what stopped the game when the campaign could not go on (a decision that offers
// no enabled choice, an expression that failed at run time), or nil.
func (g *Game) Err() error { return g.err }

// Over reports whether the game has ended or stopped.
func (g *Game) Over() bool { return g.ending != nil || g.err != nil }

// Log returns the ids of the choices taken, in order. The caller must not change it.
func (g *Game) Log() []string { return g.log }

// Ledger returns every change to a quantity, in order. The caller must not change it.
func (g *Game) Ledger() []Entry { return g.ledger }

// Chronicle returns everything that happened, in order. The caller must not change it.
func (g *Game) Chronicle() []Record { return g.chronicle }

// Quantity returns the value of quantity q of the campaign.
func (g *Game) Quantity(q *scenario.Quantity) int { return g.quantities[g.index(q.ID)] }

// OnCourt reports whether the court panel shows quantity q now.
func (g *Game) OnCourt(q *scenario.Quantity) bool { return q.Court && g.truth(q.CourtWhile, true) }

// Flag returns the value of flag f.
func (g *Game) Flag(f *scenario.Flag) bool { return g.flags[g.index(f.ID)] }

// Status returns the status of person p.
func (g *Game) Status(p *scenario.Person) string { return g.people[g.index(p.ID)] }

// Holder returns who holds place p.
func (g *Game) Holder(p *scenario.Place) string { return g.places[g.index(p.ID)] }

func (g *Game) index(id string) int {
	n, _ := g.c.Lookup(id)
	return n.Index
}

// Option is a choice as the player sees it now.
type Option struct {
	Choice  *scenario.Choice
	Enabled bool
	Reason  string // why it is not enabled
}

// Options returns the choices of the pending decision that are shown now.
func (g *Game) Options() []Option { return g.AppendOptions(nil) }

// AppendOptions appends the choices of the pending decision that are shown now to out and
// returns it, so that a caller playing many games can reuse one slice.
func (g *Game) AppendOptions(out []Option) []Option {
	if g.pending == nil || g.Over() {
		return out
	}
	for _, ch := range g.pending.Choices {
		if !g.truth(ch.Show, true) {
			continue
		}
		o := Option{Choice: ch, Enabled: g.truth(ch.Enable, true)}
		if !o.Enabled {
			o.Reason = ch.Disabled
		}
		out = append(out, o)
	}
	return out
}

// HistoricalChoice returns the choice history took at the pending decision if it is shown and
// enabled, else the first enabled choice; "" when none is.
func (g *Game) HistoricalChoice() string {
	first := ""
	g.scratch = g.AppendOptions(g.scratch[:0])
	for _, o := range g.scratch {
		if !o.Enabled {
			continue
		}
		if o.Choice.Historical {
			return o.Choice.ID
		}
		if first == "" {
			first = o.Choice.ID
		}
	}
	return first
}

// Choose takes the choice with the given id at the pending decision and plays on to the next
// decision or the end.
func (g *Game) Choose(id string) error { return g.ChooseOutcome(id, -1) }

// ErrImpossibleOutcome is returned by ChooseOutcome, after the choice has been played, when the
// forced outcome had no weight: play could never have reached the state the game is now in.
var ErrImpossibleOutcome = errors.New("the forced outcome has no weight: play could not turn out so")

// ChooseOutcome is Choose with the choice's outcome given, by index, instead of drawn: the
// automatic explorer uses it to try every way a choice can turn out. The draw is still made, so
// the generator moves on as in play; -1 draws as Choose does.
func (g *Game) ChooseOutcome(id string, outcome int) error {
	if g.pending == nil || g.Over() {
		return ErrNotPending
	}
	var chosen *scenario.Choice
	g.scratch = g.AppendOptions(g.scratch[:0])
	for _, o := range g.scratch {
		if o.Choice.ID != id {
			continue
		}
		if !o.Enabled {
			return fmt.Errorf("choice %s is not open now: %s", id, o.Reason)
		}
		chosen = o.Choice
	}
	if chosen == nil {
		return fmt.Errorf("event %s offers no choice %s", g.pending.ID, id)
	}
	ev := g.pending
	g.pending = nil
	g.log = append(g.log, id)
	g.remember(chosen.Recall)
	rec := Record{Kind: ChoiceRecord, Turn: g.turn, Day: g.today, Event: ev, Choice: chosen, LedgerFrom: len(g.ledger)}
	rec.Result = g.tell(chosen.Result, chosen.Inline, Teller{Event: ev, Choice: chosen})
	g.apply(chosen.Effects, ev.ID, id, whyOf(chosen.Why, chosen.Text))
	impossible := false
	if len(chosen.Outcomes) > 0 && !g.Over() {
		o := g.drawOutcome(chosen.Outcomes)
		if outcome >= 0 {
			o = chosen.Outcomes[outcome]
			impossible = g.weight(o.Weight) <= 0
		}
		if o != nil {
			rec.Outcome = o
			g.remember(o.Recall)
			where := Teller{Event: ev, Choice: chosen, Outcome: o}
			g.check(o.Assumes, where)
			rec.OutcomeText = g.tell(o.Text, o.Inline, where)
			g.apply(o.Effects, ev.ID, id, whyOf(o.Why, whyOf(chosen.Why, chosen.Text)))
		}
	}
	rec.LedgerTo = len(g.ledger)
	g.chronicle = append(g.chronicle, rec)
	if !g.checkEndings() {
		g.advance()
	}
	if impossible {
		return ErrImpossibleOutcome
	}
	return nil
}

func whyOf(why, fallback string) string {
	if why != "" {
		return why
	}
	return fallback
}

// advance fires due events until one waits for a choice or the game ends.
func (g *Game) advance() {
	for !g.Over() {
		ev := g.nextEvent()
		if g.Over() {
			return
		}
		if ev == nil {
			if g.turnStart.XunEnd() >= g.c.End {
				g.end(g.c.Fallback())
				return
			}
			g.turn++
			g.turnStart = g.turnStart.NextXun()
			if g.today < g.turnStart {
				g.today = g.turnStart
			}
			g.syncClock()
			continue
		}
		g.fire(ev)
		if g.checkEndings() || ev.Choices == nil {
			continue
		}
		g.pending = ev
		g.checkOffered()
		if g.HistoricalChoice() == "" {
			g.err = fmt.Errorf("event %s (%s:%d): no choice is open at this decision", ev.ID, ev.Pos.File, ev.Pos.Line)
		}
		return
	}
}

// nextEvent picks, among the events due this turn, the earliest, then the highest priority,
// then by weighted draw; the war is played up to that day first, and whenever it changes the
// world the choice is made again.
func (g *Game) nextEvent() *scenario.Event {
	end := g.turnStart.XunEnd()
	for {
		best, day := g.dueEvents(end)
		target := end
		if best != nil {
			target = day
		}
		if g.warTo(target) {
			if g.checkEndings() {
				return nil
			}
			continue
		}
		if best == nil {
			return nil
		}
		pick := best[0]
		if len(best) > 1 {
			weights := make([]float64, len(best))
			for k, i := range best {
				weights[k] = g.weight(g.c.Events[i].Weight)
			}
			pick = best[g.draw(weights)]
		}
		g.today = day
		g.syncClock()
		return g.c.Events[pick]
	}
}

// dueEvents returns the indices of the events that may fire first this turn, and their day.
func (g *Game) dueEvents(end calendar.Day) ([]int, calendar.Day) {
	best := g.due[:0]
	bestDay, bestPrio := calendar.Day(0), 0
	for i, ev := range g.c.Events {
		if ev.From > end {
			break // events are ordered by From
		}
		if g.fired[i] || ev.To < g.turnStart || (ev.GroupIndex >= 0 && g.groups[ev.GroupIndex]) || !g.truth(ev.When, true) {
			continue
		}
		day := min(max(ev.Date, g.turnStart, g.today), end)
		switch {
		case len(best) == 0 || day < bestDay || (day == bestDay && ev.Priority > bestPrio):
			best, bestDay, bestPrio = append(best[:0], i), day, ev.Priority
		case day == bestDay && ev.Priority == bestPrio:
			best = append(best, i)
		}
	}
	g.due = best
	if len(best) == 0 {
		return nil, 0
	}
	return best, bestDay
}

func (g *Game) fire(ev *scenario.Event) {
	for i, e := range g.c.Events {
		if e == ev {
			g.fired[i] = true
		}
	}
	if ev.GroupIndex >= 0 {
		g.groups[ev.GroupIndex] = true
	}
	g.remember(ev.Recall)
	rec := Record{Kind: EventRecord, Turn: g.turn, Day: g.today, Event: ev, Title: ev.Title, LedgerFrom: len(g.ledger)}
	text, inline, where := ev.Text, ev.Inline, Teller{Event: ev}
	g.check(ev.Assumes, where)
	for i, v := range ev.Variants {
		if g.truth(v.When, false) {
			rec.Variant = i + 1
			text, inline, where = v.Text, v.Inline, Teller{Event: ev, Variant: i + 1}
			g.check(v.Assumes, where)
			if v.Title != "" {
				rec.Title = v.Title
			}
			break
		}
	}
	rec.Text = g.tell(text, inline, where)
	g.apply(ev.Effects, ev.ID, "", rec.Title)
	rec.LedgerTo = len(g.ledger)
	g.chronicle = append(g.chronicle, rec)
}

func (g *Game) drawOutcome(outs []*scenario.Outcome) *scenario.Outcome {
	weights := make([]float64, len(outs))
	for i, o := range outs {
		weights[i] = g.weight(o.Weight)
	}
	return outs[g.draw(weights)]
}

// draw picks an index with probability proportional to its weight; negative weights count as
// zero and when all are zero the first is taken, so a draw never fails.
func (g *Game) draw(weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += max(w, 0)
	}
	if total <= 0 {
		return 0
	}
	x := g.rng.Float64() * total
	for i, w := range weights {
		x -= max(w, 0)
		if x < 0 {
			return i
		}
	}
	return len(weights) - 1
}

func (g *Game) weight(e *scenario.Expr) float64 {
	if e == nil {
		return 1
	}
	return g.number(e)
}

func (g *Game) checkEndings() bool {
	if g.Over() {
		return true
	}
	for _, e := range g.c.Endings {
		if !e.Fallback && g.truth(e.When, false) {
			g.end(e)
			return true
		}
	}
	return g.Over()
}

func (g *Game) end(e *scenario.Ending) {
	g.ending = e
	g.pending = nil
	text := g.tell(e.Text, e.Inline, Teller{Ending: e})
	g.chronicle = append(g.chronicle, Record{Kind: EndingRecord, Turn: g.turn, Day: g.today, Ending: e, Text: text, LedgerFrom: len(g.ledger), LedgerTo: len(g.ledger)})
}

// apply carries out effects in order, writing each change to a quantity in the ledger.
func (g *Game) apply(effects []scenario.Effect, event, choice, why string) {
	g.gen++
	for _, e := range effects {
		if g.Over() {
			return
		}
		switch e.Name.Kind {
		case scenario.QuantityName:
			q := g.c.Quantities[e.Name.Index]
			from := g.quantities[e.Name.Index]
			v := int(math.Round(g.number(e.Value)))
			to := v
			switch e.Op {
			case scenario.Add:
				to = from + v
			case scenario.Sub:
				to = from - v
			}
			to = min(max(to, q.Min), q.Max)
			g.quantities[e.Name.Index] = to
			g.env[q.ID] = to
			g.touch(g.c.Slot(e.Name))
			if to != from {
				g.ledger = append(g.ledger, Entry{Turn: g.turn, Day: g.today, Event: event, Choice: choice, Quantity: q.ID, From: from, To: to, Why: why})
			}
		case scenario.FlagName:
			v := g.truth(e.Value, false)
			g.flags[e.Name.Index] = v
			g.env[e.Target] = v
			g.touch(g.c.Slot(e.Name))
		case scenario.PersonName:
			g.people[e.Name.Index] = e.Text
			g.env[e.Target] = e.Text
			g.touch(g.c.Slot(e.Name))
		case scenario.PlaceName:
			g.setHolder(e.Name.Index, e.Text)
		}
	}
}

func (g *Game) syncClock() {
	g.setClock(int(g.today - g.c.Start))
}

// setClock sets the turn and the day count expressions read.
func (g *Game) setClock(days int) {
	if g.clockTurn != g.turn {
		g.clockTurn = g.turn
		g.env["turn"] = g.turn
		g.touch(g.c.TurnSlot())
	}
	if g.clockDays != days {
		g.clockDays = days
		g.env["days"] = days
		g.touch(g.c.DaysSlot())
		g.countSince()
	}
}

// touch notes that what a slot stands for has changed: expressions that read it are evaluated
// again.
func (g *Game) touch(slot int) {
	g.gen++
	g.changed[slot] = int32(g.gen)
}

// memo is the last value of an expression and when it was computed: it stands while nothing
// the expression reads has changed since.
type memo struct {
	at int32 // the generation it was computed in; 0 for never
	b  bool
	f  float64
}

// memoised returns e's memo when it still stands.
func (g *Game) memoised(e *scenario.Expr) (*memo, bool) {
	m := &g.memo[e.ID]
	if m.at == 0 {
		return m, false
	}
	for _, s := range e.Slots {
		if g.changed[s] > m.at {
			return m, false
		}
	}
	return m, true
}

// truth evaluates a condition; def when e is nil.
func (g *Game) truth(e *scenario.Expr, def bool) bool {
	if e == nil {
		return def
	}
	m, ok := g.memoised(e)
	if ok {
		return m.b
	}
	out, err := g.machine.Run(e.Program, g.env)
	if err != nil {
		g.fail(e, err)
		return false
	}
	b, _ := out.(bool)
	m.at, m.b = int32(g.gen), b
	return b
}

// number evaluates an amount.
func (g *Game) number(e *scenario.Expr) float64 {
	m, ok := g.memoised(e)
	if ok {
		return m.f
	}
	f := g.compute(e)
	if g.err == nil {
		m.at, m.f = int32(g.gen), f
	}
	return f
}

func (g *Game) compute(e *scenario.Expr) float64 {
	out, err := g.machine.Run(e.Program, g.env)
	if err != nil {
		g.fail(e, err)
		return 0
	}
	switch v := out.(type) {
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			g.fail(e, errors.New("not a finite number"))
			return 0
		}
		return v
	case int:
		return float64(v)
	}
	g.fail(e, fmt.Errorf("gave %T, not a number", out))
	return 0
}

func (g *Game) fail(e *scenario.Expr, err error) {
	if g.err == nil {
		g.err = fmt.Errorf("%s:%d:%d: %q: %w", e.Pos.File, e.Pos.Line, e.Pos.Col, e.Source, err)
	}
}
