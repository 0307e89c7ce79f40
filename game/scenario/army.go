package scenario

import (
	"go.yaml.in/yaml/v3"
)

// Army is a force that moves on its own as the game plays: it sets out when its march condition
// holds, goes along its route day by day, takes, passes or besieges each place on it, and turns
// for home when its withdraw condition holds. Events never move armies; they change the world
// the armies read (a defection hands a place over, resolute men make a crossing hold).
type Army struct {
	ID       string
	Pos      Pos
	Name     string
	Chars    string
	About    string
	Speed    int   // li a day on the march
	March    *Expr // when it sets out
	Withdraw *Expr // when it turns for home; nil: never
	Start    *Place
	Route    []*Stop
}

// Stop is one leg of an army's route: the place it goes to and what happens there.
type Stop struct {
	Pos   Pos
	Place *Place
	Li    int // the length of the leg
	Speed int // li a day on this leg; 0: the army's speed
	// Holds is how many days the place holds when the army sits down before it, re-read as the
	// world changes; nil (or 0 days) when the army takes it at once.
	Holds *Expr
	// Spread is how far chance moves a siege's length, in percent either way (default 20).
	Spread int
	Pass   bool // the army goes by without stopping
}

// Days returns how many days the leg takes.
func (s *Stop) Days(a *Army) int {
	speed := s.Speed
	if speed <= 0 {
		speed = a.Speed
	}
	return max(1, (s.Li+speed-1)/speed)
}

// Army states, as expressions read them in name.state.
const (
	ArmyWaiting     = "waiting"     // not yet set out
	ArmyMarching    = "marching"    // on the road to its next stop
	ArmyBesieging   = "besieging"   // sitting before a place that holds
	ArmyCamped      = "camped"      // at the end of its route, the last place taken
	ArmyWithdrawing = "withdrawing" // going home
	ArmyGone        = "gone"        // home; out of the war
)

// ArmyStates lists the states an army can be in.
var ArmyStates = []string{ArmyWaiting, ArmyMarching, ArmyBesieging, ArmyCamped, ArmyWithdrawing, ArmyGone}

// ArmyView is what an army is doing and where. Expressions read it as a map with the keys
// at, state and days (east_army.at, east_army.state, east_army.days): map keys are read without
// reflection, which matters in conditions read every day.
type ArmyView struct {
	At    string // the id of the place it is at, or last passed
	State string // one of ArmyStates
	Days  int    // days in its present state at its present place
}

// ArmyFields are the keys of an army in expressions.
var ArmyFields = []string{"at", "state", "days"}

// Env returns the view as expressions read it.
func (v ArmyView) Env() map[string]any {
	return map[string]any{"at": v.At, "state": v.State, "days": v.Days}
}

// declareArmy reads an army's names and route; its conditions are compiled later by
// compileArmy, once every army's name is known.
func (b *builder) declareArmy(w *walker, n *yaml.Node) {
	m := w.fields(n, "army", "id", "name", "chars", "about", "speed", "march", "withdraw", "start", "route")
	if m == nil {
		return
	}
	a := &Army{
		ID:    b.id(w, m, "army", n),
		Pos:   w.pos(n),
		Name:  w.text(m, "name", "army", n),
		Chars: w.optText(m, "chars", "army"),
		About: w.optText(m, "about", "army"),
	}
	what := "army " + a.ID
	a.Speed = w.integer(m, "speed", what, 0)
	if a.Speed <= 0 {
		w.r.add(w.pos(orNode(m["speed"], n)), "%s: speed (li a day, more than 0) is missing", what)
	}
	a.Start = b.placeRef(w, m, "start", what, n)
	routeNodes := w.list(orEmpty(m["route"]), what+" route")
	if len(routeNodes) == 0 {
		w.r.add(w.pos(orNode(m["route"], n)), "%s: the route is missing (a list of stops)", what)
	}
	for _, sn := range routeNodes {
		sm := w.fields(sn, what+" stop", "to", "li", "speed", "holds", "spread", "pass")
		if sm == nil {
			continue
		}
		s := &Stop{Pos: w.pos(sn), Place: b.placeRef(w, sm, "to", what+" stop", sn)}
		s.Li = w.integer(sm, "li", what+" stop", 0)
		if s.Li <= 0 {
			w.r.add(w.pos(orNode(sm["li"], sn)), "%s stop: li (the length of the leg, more than 0) is missing", what)
		}
		s.Speed = w.integer(sm, "speed", what+" stop", 0)
		s.Pass = w.boolean(sm, "pass", what+" stop")
		s.Spread = w.integer(sm, "spread", what+" stop", 20)
		if s.Spread < 0 || s.Spread > 100 {
			w.r.add(w.pos(sm["spread"]), "%s stop: spread is a percentage from 0 to 100", what)
		}
		if s.Pass && sm["holds"] != nil {
			w.r.add(w.pos(sm["holds"]), "%s stop: a place the army passes by is never besieged; holds is never read", what)
		}
		a.Route = append(a.Route, s)
		b.armyNodes = append(b.armyNodes, armyNode{army: a, stop: s, holds: sm["holds"], w: w})
	}
	b.armyNodes = append(b.armyNodes, armyNode{army: a, march: m["march"], withdraw: m["withdraw"], parent: n, w: w})
	if b.declare(w, n, a.ID, Name{ArmyName, len(b.c.Armies)}) {
		b.c.Armies = append(b.c.Armies, a)
	}
}

// armyNode keeps the YAML of an army's expressions until they can be compiled.
type armyNode struct {
	w               *walker
	army            *Army
	stop            *Stop
	holds           *yaml.Node
	march, withdraw *yaml.Node
	parent          *yaml.Node
}

// compileArmies compiles the armies' conditions and siege lengths.
func (b *builder) compileArmies() {
	for _, an := range b.armyNodes {
		what := "army " + an.army.ID
		if an.stop != nil {
			an.stop.Holds = b.cp.amount(an.w, an.holds, what+" stop holds")
			continue
		}
		if an.march == nil {
			an.w.r.add(an.w.pos(an.parent), "%s: march (the condition on which it sets out) is missing", what)
		}
		an.army.March = b.cp.condition(an.w, an.march, what+" march")
		an.army.Withdraw = b.cp.condition(an.w, an.withdraw, what+" withdraw")
	}
}

// placeRef reads a required reference to a declared place.
func (b *builder) placeRef(w *walker, m map[string]*yaml.Node, key, what string, parent *yaml.Node) *Place {
	id := w.text(m, key, what, parent)
	if id == "" {
		return nil
	}
	name, ok := b.c.names[id]
	if !ok || name.Kind != PlaceName {
		w.r.add(w.pos(m[key]), "%s: %s %q is not a declared place", what, key, id)
		return nil
	}
	return b.c.Places[name.Index]
}

func orNode(n, fallback *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return fallback
}
