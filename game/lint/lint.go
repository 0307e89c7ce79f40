// Package lint finds what is legal in a campaign but probably a mistake. Each check is sound: it
// warns only about what is certainly so, never guesses.
//
//   - A quantity or flag that effects write but no expression reads (and, for a quantity, that
//     is neither shown on the court panel nor a place's defence): it changes nothing the player
//     can meet. Reported at the first effect that writes it.
//   - A quantity or flag that expressions read but no effect writes: it is a constant. Reported
//     at the first expression that reads it.
//   - An event `when`, choice `show` or `enable`, or ending `when` that is constant false (it
//     names nothing of the world and evaluates to false): the event never fires, the choice is
//     never listed or never open, the ending never reached.
//   - An ending after one whose `when` is constant true: it is never reached.
//   - A codex entry that no scene, choice, outcome, history note or ending names: it never
//     unlocks.
//   - A Song date in an event's text or history note followed by a Julian date in brackets that
//     is not the same day by the calendar: "Xuanhe 7/12/1 (28 December 1125)".
//
// Names read are the identifiers of each expression's syntax tree (member names and string
// literals are not names).
package lint

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/bianjing1125/bianjing/game/calendar"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// Warning is one finding, at a place in the scenario files.
type Warning struct {
	Pos     scenario.Pos
	Message string
}

func (w Warning) String() string {
	return fmt.Sprintf("%s:%d:%d: warning: %s", w.Pos.File, w.Pos.Line, w.Pos.Col, w.Message)
}

type idents []string

func (v *idents) Visit(n *ast.Node) {
	if id, ok := (*n).(*ast.IdentifierNode); ok {
		*v = append(*v, id.Value)
	}
}

// names returns the identifiers an expression reads.
func names(e *scenario.Expr) []string {
	tree, err := parser.Parse(e.Source)
	if err != nil {
		return nil // it compiled at load time; cannot happen
	}
	var v idents
	ast.Walk(&tree.Node, &v)
	return v
}

// Campaign returns the warnings for c, by file, line and column.
func Campaign(c *scenario.Campaign) []Warning {
	var ws []Warning
	add := func(p scenario.Pos, format string, args ...any) {
		ws = append(ws, Warning{p, fmt.Sprintf(format, args...)})
	}
	firstRead := map[string]scenario.Pos{}
	firstWrite := map[string]scenario.Pos{}
	read := func(e *scenario.Expr) {
		if e == nil {
			return
		}
		for _, n := range names(e) {
			if _, ok := firstRead[n]; !ok {
				firstRead[n] = e.Pos
			}
		}
	}
	effects := func(es []scenario.Effect) {
		for _, e := range es {
			read(e.Value)
			if _, ok := firstWrite[e.Target]; !ok {
				firstWrite[e.Target] = e.Pos
			}
		}
	}
	constFalse := func(e *scenario.Expr, what string) {
		if e == nil || !constant(c, e) {
			return
		}
		if out, err := vm.Run(e.Program, scenario.SampleEnv(c)); err == nil && out == false {
			add(e.Pos, "%s is always false (%q)", what, e.Source)
		}
	}
	for _, q := range c.Quantities {
		read(q.CourtWhile)
	}
	for _, a := range c.Armies {
		read(a.March)
		read(a.Withdraw)
		for _, st := range a.Route {
			read(st.Holds)
		}
	}
	for _, ev := range c.Events {
		read(ev.When)
		read(ev.Weight)
		for _, v := range ev.Variants {
			read(v.When)
		}
		for _, text := range []string{ev.Text, ev.History.Happened} {
			for _, p := range proseDates(text) {
				add(ev.Pos, "event %s: %s", ev.ID, p)
			}
		}
		effects(ev.Effects)
		constFalse(ev.When, "the when of event "+ev.ID+": it never fires; its when")
		for _, ch := range ev.Choices {
			read(ch.Show)
			read(ch.Enable)
			effects(ch.Effects)
			constFalse(ch.Show, "choice "+ch.ID+" is never listed: its show")
			constFalse(ch.Enable, "choice "+ch.ID+" is never open: its enable")
			for _, o := range ch.Outcomes {
				read(o.Weight)
				effects(o.Effects)
			}
		}
	}
	var always *scenario.Ending
	for _, e := range c.Endings {
		read(e.When)
		if e.Fallback || e.When == nil {
			continue
		}
		if always != nil {
			add(e.Pos, "ending %s is never reached: ending %s before it always holds", e.ID, always.ID)
			continue
		}
		constFalse(e.When, "ending "+e.ID+" is never reached: its when")
		if constant(c, e.When) {
			if out, err := vm.Run(e.When.Program, scenario.SampleEnv(c)); err == nil && out == true {
				always = e
			}
		}
	}
	shown := map[string]bool{}
	for _, q := range c.Quantities {
		shown[q.ID] = q.Court
	}
	for _, p := range c.Places {
		if p.Defence != nil {
			shown[p.Defence.ID] = true
		}
	}
	var ids []string
	for _, q := range c.Quantities {
		ids = append(ids, q.ID)
	}
	for _, f := range c.Flags {
		ids = append(ids, f.ID)
	}
	for _, id := range ids {
		w, written := firstWrite[id]
		r, isRead := firstRead[id]
		switch {
		case written && !isRead && !shown[id]:
			add(w, "%s is written but never read: no condition or amount uses it", id)
		case isRead && !written:
			add(r, "%s is read but never written: it keeps its start value", id)
		}
	}
	named := map[string]bool{}
	for _, ev := range c.Events { // what the audience shows unlocks the codex
		texts := []string{ev.Text, ev.History.Happened}
		for _, v := range ev.Variants {
			texts = append(texts, v.Text)
		}
		for _, ch := range ev.Choices {
			texts = append(texts, ch.Text, ch.Result)
			for _, o := range ch.Outcomes {
				texts = append(texts, o.Text)
			}
		}
		for _, t := range texts {
			for _, l := range c.Links(t) {
				named[l.Entry.ID] = true
			}
		}
	}
	for _, e := range c.Endings {
		for _, l := range c.Links(e.Text + "\n" + e.History) {
			named[l.Entry.ID] = true
		}
	}
	for _, e := range c.Codex {
		if !named[e.ID] {
			add(e.Pos, "codex entry %s is never unlocked: no scene, choice, outcome, history note or ending names it (%s)", e.ID, strings.Join(e.Names, ", "))
		}
	}
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := ws[i].Pos, ws[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return ws
}

// songJulian finds a Song date followed by a Julian date in brackets: "Xuanhe 7/12/1 (27
// December 1125)", "Jingkang 1/leap 11/25 (9 January 1127)".
var songJulian = regexp.MustCompile(`\b([A-Z][a-z]+ \d{1,2}/(?:leap )?\d{1,2}/\d{1,2})\s*\((\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\)`)

var monthNumbers = map[string]int{"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
	"July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12}

// proseDates checks every Song date that prose gives with its Julian date against the calendar,
// and returns what disagrees. Dates in eras the calendar does not know (the Jin's) are skipped.
func proseDates(text string) []string {
	var out []string
	for _, m := range songJulian.FindAllStringSubmatch(text, -1) {
		d, err := calendar.Parse(m[1])
		if err != nil {
			continue
		}
		day, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[4])
		if want := calendar.FromJulian(year, monthNumbers[m[3]], day); d != want {
			out = append(out, fmt.Sprintf("the text says %s is %s %s %s, but the calendar makes it %s", m[1], m[2], m[3], m[4], d))
		}
	}
	return out
}

// constant reports whether e names nothing of the world (nor turn or days) and calls none of the
// memory's functions, so that its value never changes.
func constant(c *scenario.Campaign, e *scenario.Expr) bool {
	for _, n := range names(e) {
		if _, ok := c.Lookup(n); ok || n == "turn" || n == "days" || slices.Contains(scenario.MemoryFuncs, n) {
			return false
		}
	}
	return true
}
