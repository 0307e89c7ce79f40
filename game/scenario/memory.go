package scenario

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"go.yaml.in/yaml/v3"
)

// The story's memory: built-in functions every expression may call, so that an author need not
// declare a flag for each thing the story remembers.
//
//	seen('event')        the event has fired (true in its own text and after)
//	chosen('choice')     the choice was taken
//	drawn('outcome')     the outcome (given an id:) was drawn
//	days_since('event')  days since the event fired; reading it before the event has fired
//	                     stops the game, so guard it: seen('x') && days_since('x') > 30
//
// The id is written in single or double quotes, or bare: seen(li_ye_mission). Each call is
// compiled into one name of the environment ("seen(li_ye_mission)"), which the game writes when
// the event fires, the choice is taken or the outcome drawn: reading it costs what reading a flag
// costs, and an expression that reads it is memoised like any other, until that name changes.
const (
	SeenFunc      = "seen"
	ChosenFunc    = "chosen"
	DrawnFunc     = "drawn"
	DaysSinceFunc = "days_since"
)

// MemoryFuncs are the names of the memory's built-in functions; no world name may take them.
var MemoryFuncs = []string{SeenFunc, ChosenFunc, DrawnFunc, DaysSinceFunc}

// Recall is a thing the game remembers because some expression reads it: an event seen, a
// choice taken, an outcome drawn. Only what is read is remembered.
type Recall struct {
	Key   string // the name expressions read it under: "seen(x)", "chosen(x)", "drawn(x)"
	Since string // events read by days_since: the name of the day count, "days_since(x)"
	Slot  int    // its slot (see Campaign.Slots)
}

// idKind says what a memory function's id names.
type idKind int

const (
	eventID idKind = iota + 1
	choiceID
	outcomeID
)

func (k idKind) String() string {
	switch k {
	case eventID:
		return "event"
	case choiceID:
		return "choice"
	}
	return "outcome"
}

// article is the kind with its indefinite article: "an event".
func (k idKind) article() string {
	if k == choiceID {
		return "a choice"
	}
	return "an " + k.String()
}

// funcKind is the kind of id each memory function takes.
var funcKind = map[string]idKind{SeenFunc: eventID, DaysSinceFunc: eventID, ChosenFunc: choiceID, DrawnFunc: outcomeID}

// kindFunc is the function that reads a kind of id, for suggestions.
var kindFunc = map[idKind]string{eventID: SeenFunc, choiceID: ChosenFunc, outcomeID: DrawnFunc}

// memoryKey is the name of the environment a memory call reads.
func memoryKey(fn, id string) string { return fn + "(" + id + ")" }

// errNotSeen is what days_since of an event not yet fired stops the game with.
var errNotSeen = errors.New("days_since: the event has not fired yet; guard it with seen('id') &&")

// daysSinceOption declares days_since's checked read: its argument is the day count, -1 until
// the event has fired.
var daysSinceOption = expr.Function(DaysSinceFunc, func(params ...any) (any, error) {
	n, _ := params[0].(int)
	if n < 0 {
		return nil, errNotSeen
	}
	return n, nil
}, new(func(int) int))

// scanIDs lists the ids of every event, choice and outcome in the events sections, before any
// expression is compiled, so that a condition may name one written later. It reports nothing:
// the events are read properly afterwards.
func scanIDs(ss []section) map[string]idKind {
	known := map[string]idKind{}
	budget := maxNodes
	get := func(n *yaml.Node, kind yaml.Kind) *yaml.Node {
		for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 100; depth++ {
			n = n.Alias
		}
		budget--
		if n == nil || n.Kind != kind || budget < 0 {
			return nil
		}
		return n
	}
	field := func(m *yaml.Node, key string) *yaml.Node {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1]
			}
		}
		return nil
	}
	var items func(n *yaml.Node, kind idKind)
	items = func(n *yaml.Node, kind idKind) {
		list := get(n, yaml.SequenceNode)
		if list == nil {
			return
		}
		for _, item := range list.Content {
			m := get(item, yaml.MappingNode)
			if m == nil {
				continue
			}
			if id := get(field(m, "id"), yaml.ScalarNode); id != nil && idPattern.MatchString(id.Value) {
				if _, dup := known[id.Value]; !dup {
					known[id.Value] = kind
				}
			}
			switch kind {
			case eventID:
				items(field(m, "choices"), choiceID)
			case choiceID:
				items(field(m, "outcomes"), outcomeID)
			}
		}
	}
	for _, s := range ss {
		items(s.node, eventID)
	}
	return known
}

// memoryEnv adds to env the names memory calls may compile to, for every known id.
func memoryEnv(env map[string]any, known map[string]idKind) {
	for id, kind := range known {
		switch kind {
		case eventID:
			env[memoryKey(SeenFunc, id)] = false
			env[memoryKey(DaysSinceFunc, id)] = 0
		case choiceID:
			env[memoryKey(ChosenFunc, id)] = false
		case outcomeID:
			env[memoryKey(DrawnFunc, id)] = false
		}
	}
}

// memoryPatcher compiles calls of the memory functions into names of the environment, and
// reports calls that name nothing.
type memoryPatcher struct {
	cp  *compiler
	bad *[]badValue
}

// Visit implements ast.Visitor.
func (p memoryPatcher) Visit(node *ast.Node) {
	call, ok := (*node).(*ast.CallNode)
	if !ok {
		return
	}
	callee, ok := call.Callee.(*ast.IdentifierNode)
	if !ok {
		return
	}
	want, ok := funcKind[callee.Value]
	if !ok {
		return
	}
	fn := callee.Value
	id, at, ok := memoryArg(call)
	if !ok {
		if len(call.Arguments) == 1 && strings.Contains(argValue(call.Arguments[0]), "(") {
			return // already compiled (days_since's checked read)
		}
		*p.bad = append(*p.bad, badValue{callee.Location().From, fmt.Sprintf("%s takes one %s id, written %s('id') or %s(id)", fn, want, fn, fn)})
		p.placeholder(node, fn)
		return
	}
	kind, known := p.cp.known[id]
	switch {
	case !known:
		*p.bad = append(*p.bad, badValue{at, fmt.Sprintf("%s(%s): no %s has the id %q%s", fn, id, want, id, p.cp.suggest(id, want))})
		p.placeholder(node, fn)
		return
	case kind != want:
		*p.bad = append(*p.bad, badValue{at, fmt.Sprintf("%s(%s): %s is %s, not %s: %s('%s') reads it", fn, id, id, kind.article(), want.article(), kindFunc[kind], id)})
		p.placeholder(node, fn)
		return
	}
	r := p.cp.recall(fn, id)
	if fn == DaysSinceFunc {
		ast.Patch(node, &ast.CallNode{Callee: &ast.IdentifierNode{Value: DaysSinceFunc}, Arguments: []ast.Node{&ast.IdentifierNode{Value: r.Since}}})
		return
	}
	ast.Patch(node, &ast.IdentifierNode{Value: r.Key})
}

// placeholder stands in for a wrong call, of the right type, so that the problem reported is
// the call's and not the type checker's.
func (p memoryPatcher) placeholder(node *ast.Node, fn string) {
	if fn == DaysSinceFunc {
		ast.Patch(node, &ast.IntegerNode{Value: 0})
		return
	}
	ast.Patch(node, &ast.BoolNode{Value: false})
}

// memoryArg reads the one argument of a memory call: a quoted string or a bare name.
func memoryArg(call *ast.CallNode) (id string, at int, ok bool) {
	if len(call.Arguments) != 1 {
		return "", 0, false
	}
	switch a := call.Arguments[0].(type) {
	case *ast.StringNode:
		return a.Value, a.Location().From, true
	case *ast.IdentifierNode:
		if strings.Contains(a.Value, "(") {
			return "", 0, false
		}
		return a.Value, a.Location().From, true
	}
	return "", 0, false
}

func argValue(n ast.Node) string {
	if id, ok := n.(*ast.IdentifierNode); ok {
		return id.Value
	}
	return ""
}

// recall returns the campaign's Recall for what fn(id) reads, making it on first use.
func (cp *compiler) recall(fn, id string) *Recall {
	base := fn
	if fn == DaysSinceFunc {
		base = SeenFunc
	}
	key := memoryKey(base, id)
	r, ok := cp.c.recalls[key]
	if !ok {
		r = &Recall{Key: key, Slot: len(cp.c.recallOrder)}
		cp.c.recalls[key] = r
		cp.c.recallOrder = append(cp.c.recallOrder, r)
	}
	if fn == DaysSinceFunc {
		r.Since = memoryKey(DaysSinceFunc, id)
	}
	return r
}

// suggest names the known ids of a kind closest to a misspelt one.
func (cp *compiler) suggest(id string, kind idKind) string {
	var near []string
	for k, kd := range cp.known {
		if kd == kind && editDistance(k, id, 3) <= 2 {
			near = append(near, k)
		}
	}
	if len(near) == 0 {
		return ""
	}
	sort.Strings(near)
	return " (did you mean " + strings.Join(near, " or ") + "?)"
}

// attachRecalls gives every event, choice and outcome that some expression reads its Recall,
// and numbers the recalls' slots after the world's.
func (b *builder) attachRecalls() {
	c := b.c
	base := c.worldSlots()
	for _, r := range c.recallOrder {
		r.Slot += base
	}
	for _, ev := range c.Events {
		ev.Recall = c.recalls[memoryKey(SeenFunc, ev.ID)]
		for _, ch := range ev.Choices {
			ch.Recall = c.recalls[memoryKey(ChosenFunc, ch.ID)]
			for _, o := range ch.Outcomes {
				if o.ID != "" {
					o.Recall = c.recalls[memoryKey(DrawnFunc, o.ID)]
				}
			}
		}
	}
}

// Recalls returns what the game must remember because expressions read it, in slot order.
func (c *Campaign) Recalls() []*Recall { return c.recallOrder }

// editDistance is the Levenshtein distance of a and b, in runes, or limit+1 when it is more
// than limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
