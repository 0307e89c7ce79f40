package scenario

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"go.yaml.in/yaml/v3"
)

// maxExprNodes bounds the size of one compiled expression.
const maxExprNodes = 500

// compiler compiles expressions against the campaign's names.
type compiler struct {
	c     *Campaign
	r     *report
	env   map[string]any
	exprs []*Expr
	known map[string]idKind // every event, choice and outcome id, for the memory functions
}

func newCompiler(c *Campaign, r *report) *compiler {
	cp := &compiler{c: c, r: r, env: SampleEnv(c)}
	return cp
}

// StartEnv returns a new expression environment holding every name of the campaign with its
// value at the start, for a game to change as it plays.
func (c *Campaign) StartEnv() map[string]any {
	env := maps.Clone(c.startEnv)
	return env
}

// ResetEnv sets every name of env, an environment StartEnv returned, back to its value at the
// start.
func (c *Campaign) ResetEnv(env map[string]any) {
	for k, v := range c.startEnv {
		env[k] = v
	}
}

// SampleEnv returns an expression environment holding every name of the campaign with a value
// of its type: the shape that compiled programs expect at run time.
func SampleEnv(c *Campaign) map[string]any {
	env := make(map[string]any, len(c.names)+len(builtins))
	for k, v := range builtins {
		env[k] = v
	}
	for _, q := range c.Quantities {
		env[q.ID] = q.Start
	}
	for _, f := range c.Flags {
		env[f.ID] = f.Start
	}
	for _, p := range c.People {
		env[p.ID] = p.Status
	}
	for _, p := range c.Places {
		env[p.ID] = p.Holder
	}
	for _, r := range c.recallOrder {
		env[r.Key] = false
		if r.Since != "" {
			env[r.Since] = -1 // not seen: days_since stops the game
		}
	}
	for _, a := range c.Armies {
		at := ""
		if a.Start != nil {
			at = a.Start.ID
		}
		for k, v := range (ArmyView{At: at, State: ArmyWaiting}).Env() {
			env[a.ID+"."+k] = v
		}
		env[a.ID] = map[string]any{} // for the type checker: a name that has members
	}
	return env
}

// slots gives every compiled expression its slots, once the whole campaign is known.
func (cp *compiler) slots() {
	c := cp.c
	c.exprs = len(cp.exprs)
	for _, e := range cp.exprs {
		seen := map[int]bool{}
		for _, n := range e.names {
			slot := -1
			switch army, days := strings.CutSuffix(n, ".days"); {
			case days:
				if name, ok := c.names[army]; ok && name.Kind == ArmyName {
					slot = c.ArmyDaysSlot(name.Index)
				}
			case n == "days":
				slot = c.DaysSlot()
			case n == "turn":
				slot = c.TurnSlot()
			default:
				if name, ok := c.names[n]; ok {
					slot = c.Slot(name)
				} else if r, ok := c.recalls[n]; ok {
					slot = r.Slot
				} else if id, ok := strings.CutPrefix(n, DaysSinceFunc+"("); ok {
					slot = c.recalls[memoryKey(SeenFunc, strings.TrimSuffix(id, ")"))].Slot
				}
			}
			if slot >= 0 && !seen[slot] {
				seen[slot] = true
				e.Slots = append(e.Slots, slot)
			}
		}
		e.names = nil
	}
}

// condition compiles an optional boolean expression; nil when absent or wrong.
func (cp *compiler) condition(w *walker, n *yaml.Node, what string) *Expr {
	return cp.compile(w, n, what, expr.AsBool())
}

// amount compiles an optional numeric expression; nil when absent or wrong.
func (cp *compiler) amount(w *walker, n *yaml.Node, what string) *Expr {
	return cp.compile(w, n, what, expr.AsFloat64())
}

func (cp *compiler) compile(w *walker, n *yaml.Node, what string, as expr.Option) *Expr {
	if n == nil {
		return nil
	}
	src, ok := w.scalar(n, what)
	if !ok {
		return nil
	}
	if r, _ := w.resolve(n); r != nil {
		n = r
	}
	return cp.compileText(w, w.exprPos(n), src, what, as)
}

func (cp *compiler) compileText(w *walker, pos Pos, src, what string, as expr.Option) *Expr {
	if strings.TrimSpace(src) == "" {
		w.r.add(pos, "%s: empty expression", what)
		return nil
	}
	var bad []badValue
	checker := &valueChecker{c: cp.c, bad: &bad}
	prog, err := expr.Compile(src,
		expr.Env(cp.env), as,
		expr.MaxNodes(maxExprNodes),
		expr.DisableBuiltin("now"), expr.DisableBuiltin("date"),
		daysSinceOption,
		expr.Patch(memoryPatcher{cp: cp, bad: &bad}),
		expr.Patch(checker),
		expr.Patch(armyFlattener{cp.c}),
	)
	if err != nil {
		p, msg := pos, err.Error()
		var fe *file.Error
		if errors.As(err, &fe) {
			msg = fe.Message
			if fe.Line <= 1 {
				p.Col += fe.Column
			} else {
				p.Line += fe.Line - 1
				p.Col = fe.Column + 1
			}
		}
		w.r.add(p, "%s: %s (in %q)", what, msg, src)
		return nil
	}
	for _, b := range bad {
		p := pos
		p.Col += b.at
		w.r.add(p, "%s: %s", what, b.msg)
	}
	if len(bad) > 0 {
		return nil
	}
	e := &Expr{Source: src, Pos: pos, Program: prog, Daily: checker.daily, Clock: checker.clock, ID: len(cp.exprs), names: checker.names}
	cp.exprs = append(cp.exprs, e)
	return e
}

type badValue struct {
	at  int
	msg string
}

// valueChecker finds comparisons of a person or place with a status or holder that does not
// exist, such as tong_guan == "fleed", which the type checker alone would let through.
type valueChecker struct {
	c     *Campaign
	bad   *[]badValue
	daily bool     // the expression reads an army's days, or the clock
	clock bool     // the expression reads the clock
	names []string // what it reads: names of the world, "army.days", "days", "turn"
}

// Visit implements ast.Visitor.
func (v *valueChecker) Visit(node *ast.Node) {
	if id, ok := (*node).(*ast.IdentifierNode); ok {
		v.names = append(v.names, id.Value)
		if id.Value == "days" || id.Value == "turn" {
			v.daily, v.clock = true, true
		}
		if strings.HasPrefix(id.Value, DaysSinceFunc+"(") { // counts days: reads the clock
			v.daily, v.clock = true, true
			v.names = append(v.names, "days")
		}
	}
	if mem, ok := (*node).(*ast.MemberNode); ok {
		id, ok1 := mem.Node.(*ast.IdentifierNode)
		prop, ok2 := mem.Property.(*ast.StringNode)
		if name, ok := v.c.names[id.Value]; ok1 && ok2 && ok && name.Kind == ArmyName {
			if prop.Value == "days" {
				v.daily = true
				v.names = append(v.names, id.Value+".days")
			}
			if !contains(ArmyFields, prop.Value) {
				*v.bad = append(*v.bad, badValue{prop.Location().From, fmt.Sprintf("an army has no %q (it has %s)", prop.Value, strings.Join(ArmyFields, ", "))})
			}
		}
	}
	bin, ok := (*node).(*ast.BinaryNode)
	if !ok || (bin.Operator != "==" && bin.Operator != "!=") {
		return
	}
	if v.armyMember(bin.Left, bin.Right) || v.armyMember(bin.Right, bin.Left) {
		return
	}
	id, s := asIdentString(bin.Left, bin.Right)
	if id == nil {
		id, s = asIdentString(bin.Right, bin.Left)
	}
	if id == nil {
		return
	}
	name, ok := v.c.names[id.Value]
	if !ok {
		return
	}
	switch {
	case name.Kind == PersonName && !contains(Statuses, s.Value):
		*v.bad = append(*v.bad, badValue{s.Location().From, fmt.Sprintf("%q is not a status (%s)", s.Value, strings.Join(Statuses, ", "))})
	case name.Kind == PlaceName && !contains(Holders, s.Value):
		*v.bad = append(*v.bad, badValue{s.Location().From, fmt.Sprintf("%q is not a holder (%s)", s.Value, strings.Join(Holders, ", "))})
	}
}

// armyMember checks army.state and army.at compared with a string; it reports whether a is such
// a member.
func (v *valueChecker) armyMember(a, b ast.Node) bool {
	mem, ok := a.(*ast.MemberNode)
	if !ok {
		return false
	}
	id, ok1 := mem.Node.(*ast.IdentifierNode)
	prop, ok2 := mem.Property.(*ast.StringNode)
	s, ok3 := b.(*ast.StringNode)
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	if name, ok := v.c.names[id.Value]; !ok || name.Kind != ArmyName {
		return false
	}
	switch prop.Value {
	case "state":
		if !contains(ArmyStates, s.Value) {
			*v.bad = append(*v.bad, badValue{s.Location().From, fmt.Sprintf("%q is not an army state (%s)", s.Value, strings.Join(ArmyStates, ", "))})
		}
	case "at":
		if name, ok := v.c.names[s.Value]; !ok || name.Kind != PlaceName {
			*v.bad = append(*v.bad, badValue{s.Location().From, fmt.Sprintf("%q is not a declared place", s.Value)})
		}
	}
	return true
}

// armyFlattener turns east_army.state into the one name "east_army.state", which the
// environment holds directly: a member of a map or a struct is read by reflection, and
// allocates, while a name is a map lookup. Army conditions are read every day.
type armyFlattener struct{ c *Campaign }

// Visit implements ast.Visitor.
func (f armyFlattener) Visit(node *ast.Node) {
	mem, ok := (*node).(*ast.MemberNode)
	if !ok {
		return
	}
	id, ok1 := mem.Node.(*ast.IdentifierNode)
	prop, ok2 := mem.Property.(*ast.StringNode)
	if !ok1 || !ok2 || !contains(ArmyFields, prop.Value) {
		return
	}
	if name, ok := f.c.names[id.Value]; ok && name.Kind == ArmyName {
		ast.Patch(node, &ast.IdentifierNode{Value: id.Value + "." + prop.Value})
	}
}

func asIdentString(a, b ast.Node) (*ast.IdentifierNode, *ast.StringNode) {
	id, ok1 := a.(*ast.IdentifierNode)
	s, ok2 := b.(*ast.StringNode)
	if ok1 && ok2 {
		return id, s
	}
	return nil, nil
}

var effectPattern = regexp.MustCompile(`^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*(\+=|-=|=)\s*(.*?)\s*$`)

// effects compiles an optional list of effects.
func (cp *compiler) effects(w *walker, n *yaml.Node, what string) []Effect {
	if n == nil {
		return nil
	}
	var out []Effect
	for _, item := range w.list(n, what+" effects") {
		src, ok := w.scalar(item, what+" effect")
		if !ok {
			continue
		}
		if r, _ := w.resolve(item); r != nil {
			item = r
		}
		if e, ok := cp.effect(w, w.exprPos(item), src, what); ok {
			out = append(out, e)
		}
	}
	return out
}

func (cp *compiler) effect(w *walker, pos Pos, src, what string) (Effect, bool) {
	m := effectPattern.FindStringSubmatch(src)
	if m == nil {
		w.r.add(pos, "%s: effect %q is not NAME = VALUE, NAME += AMOUNT or NAME -= AMOUNT", what, src)
		return Effect{}, false
	}
	e := Effect{Source: src, Pos: pos, Target: m[2], Op: Op(m[3][0])}
	name, ok := cp.c.names[e.Target]
	if !ok {
		if _, builtin := builtins[e.Target]; builtin {
			w.r.add(pos, "%s: %s is kept by the engine and cannot be changed", what, e.Target)
		} else {
			w.r.add(pos, "%s: effect on %q, which is not a declared quantity, flag, person or place", what, e.Target)
		}
		return e, false
	}
	e.Name = name
	valuePos := pos
	valuePos.Col += strings.Index(src, m[4])
	if m[4] == "" {
		w.r.add(pos, "%s: effect %q has no value", what, src)
		return e, false
	}
	switch name.Kind {
	case QuantityName:
		e.Value = cp.compileText(w, valuePos, m[4], what+" effect on "+e.Target, expr.AsFloat64())
		return e, e.Value != nil
	case FlagName:
		if e.Op != Set {
			w.r.add(pos, "%s: %s is a flag: set it with = true or = false", what, e.Target)
			return e, false
		}
		e.Value = cp.compileText(w, valuePos, m[4], what+" effect on "+e.Target, expr.AsBool())
		return e, e.Value != nil
	case ArmyName:
		w.r.add(pos, "%s: %s is an army, and armies move on their own: change what they read instead (a place's holder, a quantity, a flag)", what, e.Target)
		return e, false
	default:
		allowed, noun := Statuses, "status"
		if name.Kind == PlaceName {
			allowed, noun = Holders, "holder"
		}
		if e.Op != Set {
			w.r.add(pos, "%s: %s takes a %s with =, e.g. %s = %q", what, e.Target, noun, e.Target, allowed[0])
			return e, false
		}
		s, err := strconv.Unquote(m[4])
		if err != nil || !contains(allowed, s) {
			w.r.add(valuePos, "%s: %s takes a quoted %s, one of %s", what, e.Target, noun, strings.Join(allowed, ", "))
			return e, false
		}
		e.Text = s
		return e, true
	}
}
