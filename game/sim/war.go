package sim

import (
	"math"

	"github.com/bianjing1125/bianjing/game/calendar"
	"github.com/bianjing1125/bianjing/game/scenario"
)

// WarAction says what an army did, in a war record.
type WarAction string

// What an army can do in a day.
const (
	SetsOut  WarAction = "sets out"
	Passes   WarAction = "passes"
	Besieges WarAction = "besieges"
	Takes    WarAction = "takes"
	Lifts    WarAction = "lifts the siege of"
	Turns    WarAction = "turns for home from"
	GoesHome WarAction = "is gone home"
	Leaves   WarAction = "has left"
	Enters   WarAction = "enters"
)

// army is the running state of one army of the campaign.
type army struct {
	state  string
	stop   int     // index in the route of the stop it is going to or besieging
	at     int     // index in the campaign's places of where it is or last was; -1 for none
	li     int     // li covered on the present leg; going home, li still to go
	days   int     // days in the present state at the present place
	factor float64 // the chance of the present siege: its length is Holds times factor
	took   []int   // the places it took, which go back to the Song when it has gone home

	// What its conditions said when last read, and the world's generation then: a condition is
	// read again only when the world has changed or it reads the army's days.
	seen      int
	withdraw  bool
	holds     int
	holdsSeen int
}

// newArmies sets every army of c waiting at its start.
func (g *Game) newArmies() {
	for i, a := range g.c.Armies {
		g.armies[i] = army{state: scenario.ArmyWaiting, at: g.placeIndex(a.Start), took: g.armies[i].took[:0]}
		if len(g.armyKeys) <= i {
			g.armyKeys = append(g.armyKeys, armyKeys{a.ID + ".at", a.ID + ".state", a.ID + ".days"})
		}
		g.views[i] = scenario.ArmyView{Days: -1} // so that viewArmy writes it all
		g.viewArmy(i)
	}
	g.warDay = g.c.Start.XunStart() - 1
	g.findDaily()
	for _, a := range g.c.Armies {
		g.warClock = g.warClock || clock(a.March) || clock(a.Withdraw)
		for _, st := range a.Route {
			g.warClock = g.warClock || clock(st.Holds)
		}
	}
}

func clock(e *scenario.Expr) bool { return e != nil && e.Clock }

// findDaily lists the events whose condition reads the day itself. When one reads the clock
// (days, turn, days_since), the war sets the clock to each day it plays, as for armies.
func (g *Game) findDaily() {
	for i, ev := range g.c.Events {
		if ev.When != nil && ev.When.Daily {
			g.daily = append(g.daily, i)
			g.warClock = g.warClock || ev.When.Clock
		}
	}
}

func (g *Game) placeIndex(p *scenario.Place) int {
	if p == nil {
		return -1
	}
	return g.index(p.ID)
}

// viewArmy writes army i where expressions read it.
func (g *Game) viewArmy(i int) {
	r, v, keys := &g.armies[i], &g.views[i], g.armyKeys[i]
	if v.Days < 0 {
		v.State = "" // a fresh view: write everything
	}
	if v.Days != r.days {
		v.Days = r.days
		g.env[keys.days] = boxed(r.days)
		g.touch(g.c.ArmyDaysSlot(i))
	}
	at := ""
	if r.at >= 0 {
		at = g.c.Places[r.at].ID
	}
	if v.State != r.state || v.At != at || v.Days < 0 {
		v.State, v.At = r.state, at
		g.env[keys.state], g.env[keys.at] = boxedState(r.state), g.boxedPlace(r.at)
		g.touch(g.c.Slot(scenario.Name{Kind: scenario.ArmyName, Index: i}))
	}
}

// smallInts holds boxed day counts, so that an army's days are written without allocating.
var smallInts = func() []any {
	s := make([]any, 1024)
	for i := range s {
		s[i] = i
	}
	return s
}()

// armyKeys are the names under which expressions read an army.
type armyKeys struct{ at, state, days string }

// The army states, boxed once.
var states = func() map[string]any {
	m := map[string]any{}
	for _, s := range scenario.ArmyStates {
		m[s] = s
	}
	return m
}()

func boxedState(s string) any { return states[s] }

// boxedPlace returns place p's id as an expression reads it ("" for none), boxed once a game.
func (g *Game) boxedPlace(p int) any {
	if p < 0 {
		return ""
	}
	if g.placeIDs == nil {
		g.placeIDs = make([]any, len(g.c.Places))
		for i, pl := range g.c.Places {
			g.placeIDs[i] = pl.ID
		}
	}
	return g.placeIDs[p]
}

func boxed(n int) any {
	if n >= 0 && n < len(smallInts) {
		return smallInts[n]
	}
	return n
}

// warTo plays the war day by day until it has played day d, or something in the world changed
// on the way; it reports whether something did. The day of the scene moves to the day of the
// change, so that no event is told before what it reports.
func (g *Game) warTo(d calendar.Day) bool {
	for g.warDay < d {
		g.warDay++
		if g.warClock { // armies read the day itself, not the day of the last scene
			g.setClock(int(g.warDay - g.c.Start))
		}
		if g.warStep(g.warDay) || g.dailyEventDue(g.warDay) {
			g.gen++
			g.today = max(g.today, g.warDay)
			g.syncClock()
			return true
		}
	}
	return false
}

// dailyEventDue reports whether an event whose condition reads the day itself (an army's days,
// the clock) can fire on day d: the war has then changed the world as far as that event goes.
func (g *Game) dailyEventDue(d calendar.Day) bool {
	for _, i := range g.daily {
		ev := g.c.Events[i]
		if !g.fired[i] && ev.From <= d && d <= ev.To && (ev.GroupIndex < 0 || !g.groups[ev.GroupIndex]) && g.truth(ev.When, false) {
			return true
		}
	}
	return false
}

// warStep plays one day for every army and reports whether anything changed that an event,
// an ending or another army could read (a holder, or an army's state or place).
func (g *Game) warStep(day calendar.Day) bool {
	changed := false
	for i := range g.armies {
		if g.Over() {
			return changed
		}
		if g.stepArmy(i, day) {
			changed = true
		}
	}
	return changed
}

func (g *Game) stepArmy(i int, day calendar.Day) bool {
	switch r := &g.armies[i]; {
	case r.state == scenario.ArmyGone:
		return false
	case r.state == scenario.ArmyWaiting && r.seen == g.gen && !g.c.Armies[i].March.Daily:
		return false // nothing it reads has changed
	}
	changed := g.stepArmyDay(i, day)
	g.viewArmy(i)
	return changed
}

func (g *Game) stepArmyDay(i int, day calendar.Day) bool {
	a, r := g.c.Armies[i], &g.armies[i]
	if r.state == scenario.ArmyGone {
		return false
	}
	r.days++
	if r.state == scenario.ArmyWaiting {
		r.days = 0
		if r.seen == g.gen && !a.March.Daily {
			return false // nothing it reads has changed
		}
		r.seen = g.gen
		if !g.truth(a.March, false) {
			return false
		}
		g.setArmy(r, scenario.ArmyMarching, r.at)
		g.warRecord(i, day, SetsOut, r.at)
		return true
	}
	if r.state != scenario.ArmyWithdrawing && a.Withdraw != nil {
		if r.seen != g.gen || a.Withdraw.Daily {
			r.seen = g.gen
			g.viewArmy(i)
			r.withdraw = g.truth(a.Withdraw, false)
		}
		if r.withdraw {
			g.withdraw(i, day)
			return true
		}
	}
	switch r.state {
	case scenario.ArmyMarching:
		stop := a.Route[r.stop]
		r.li = min(stop.Li, stop.Li*r.days/stop.Days(a))
		if r.days < stop.Days(a) {
			return false
		}
		g.arrive(i, day)
		return true
	case scenario.ArmyBesieging:
		return g.siegeDay(i, day)
	case scenario.ArmyWithdrawing:
		r.li -= a.Speed
		if r.li > 0 {
			return false
		}
		g.setArmy(r, scenario.ArmyGone, g.placeIndex(a.Start))
		g.warRecord(i, day, GoesHome, -1)
		for _, p := range r.took {
			if g.places[p] == "jin" && !g.heldByArmy(p) {
				g.setHolder(p, "song")
				g.warRecord(i, day, Leaves, p)
			}
		}
		return true
	}
	return false // camped
}

func (g *Game) setArmy(r *army, state string, at int) {
	r.state, r.at, r.days, r.li = state, at, 0, 0
}

// arrive brings army i to the place its present leg goes to.
func (g *Game) arrive(i int, day calendar.Day) {
	a, r := g.c.Armies[i], &g.armies[i]
	stop := a.Route[r.stop]
	p := g.placeIndex(stop.Place)
	holder := g.places[p]
	if stop.Pass || holder == "jin" || holder == "liao" {
		g.setArmy(r, scenario.ArmyMarching, p)
		g.warRecord(i, day, Passes, p)
		g.nextStop(i)
		return
	}
	g.setArmy(r, scenario.ArmyBesieging, p)
	spread := float64(stop.Spread) / 100
	r.factor = 1 - spread + 2*spread*g.rng.Float64()
	r.holdsSeen = -1 // a new siege: read how long it lasts
	if g.siegeDays(stop, r) <= 0 {
		g.take(i, day)
		return
	}
	g.setHolder(p, "contested")
	g.warRecord(i, day, Besieges, p)
}

// siegeDays is how long the present siege lasts, read from the world as it is now.
func (g *Game) siegeDays(stop *scenario.Stop, r *army) int {
	if stop.Holds == nil {
		return 0
	}
	if r.holdsSeen != g.gen || stop.Holds.Daily {
		r.holdsSeen = g.gen
		r.holds = int(math.Round(g.number(stop.Holds) * r.factor))
	}
	return r.holds
}

// siegeDay plays one day of a siege.
func (g *Game) siegeDay(i int, day calendar.Day) bool {
	a, r := g.c.Armies[i], &g.armies[i]
	stop := a.Route[r.stop]
	switch g.places[r.at] {
	case "jin", "liao": // handed over, or taken by another army
		g.warRecord(i, day, Enters, r.at)
		g.setArmy(r, scenario.ArmyMarching, r.at)
		g.nextStop(i)
		return true
	case "song": // relieved
		g.warRecord(i, day, Lifts, r.at)
		g.withdraw(i, day)
		return true
	}
	if r.days < g.siegeDays(stop, r) {
		return false
	}
	g.take(i, day)
	return true
}

func (g *Game) take(i int, day calendar.Day) {
	r := &g.armies[i]
	g.setHolder(r.at, "jin")
	r.took = append(r.took, r.at)
	g.warRecord(i, day, Takes, r.at)
	g.setArmy(r, scenario.ArmyMarching, r.at)
	g.nextStop(i)
}

// nextStop sets army i on its next leg, or camps it at the end of its route.
func (g *Game) nextStop(i int) {
	r := &g.armies[i]
	r.stop++
	if r.stop >= len(g.c.Armies[i].Route) {
		r.stop = len(g.c.Armies[i].Route) - 1
		r.state = scenario.ArmyCamped
	}
}

// withdraw turns army i for home, lifting any siege.
func (g *Game) withdraw(i int, day calendar.Day) {
	a, r := g.c.Armies[i], &g.armies[i]
	if r.state == scenario.ArmyBesieging && g.places[r.at] == "contested" {
		g.setHolder(r.at, "song")
	}
	home := r.li
	last := r.stop
	if r.state != scenario.ArmyMarching {
		home, last = 0, r.stop+1
	}
	for _, s := range a.Route[:min(last, len(a.Route))] {
		home += s.Li
	}
	g.warRecord(i, day, Turns, r.at)
	g.setArmy(r, scenario.ArmyWithdrawing, r.at)
	r.li = home
}

// heldByArmy reports whether an army that has not gone home is at place p.
func (g *Game) heldByArmy(p int) bool {
	for _, r := range g.armies {
		if r.at == p && r.state != scenario.ArmyGone && r.state != scenario.ArmyWaiting {
			return true
		}
	}
	return false
}

func (g *Game) setHolder(p int, holder string) {
	g.places[p] = holder
	g.env[g.c.Places[p].ID] = holder
	g.touch(g.c.Slot(scenario.Name{Kind: scenario.PlaceName, Index: p}))
}

func (g *Game) warRecord(i int, day calendar.Day, what WarAction, place int) {
	rec := Record{Kind: WarRecord, Turn: g.turn, Day: day, Army: g.c.Armies[i], War: what, LedgerFrom: len(g.ledger), LedgerTo: len(g.ledger)}
	if place >= 0 {
		rec.Place = g.c.Places[place]
	}
	g.chronicle = append(g.chronicle, rec)
}

// ArmyAt returns what army a is doing now and where.
func (g *Game) ArmyAt(a *scenario.Army) scenario.ArmyView {
	n, ok := g.c.Lookup(a.ID)
	if !ok || n.Kind != scenario.ArmyName {
		return scenario.ArmyView{}
	}
	return g.views[n.Index]
}

// WarLine tells a war record in one sentence: "Zongwang's eastern army takes Xingzhou."
func (r Record) WarLine() string {
	if r.Kind != WarRecord || r.Army == nil {
		return ""
	}
	line := r.Army.Name + " " + string(r.War)
	if r.Place != nil {
		if r.War == SetsOut {
			line += " from"
		}
		line += " " + r.Place.Name
	}
	return line + "."
}
