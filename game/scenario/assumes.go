package scenario

import (
	"github.com/expr-lang/expr"
	"go.yaml.in/yaml/v3"
)

// Continuity as data: what a text takes for granted.
//
//	assumes: li_ye == 'in_office'            # one condition
//	assumes:                                  # or a list; all must hold
//	  - chosen(no_foot_of_land)
//	  - "!seen('li_ye_sent')"
//
// Events, variants, choices and outcomes may say what their text assumes of the world; inline
// text says it with {assumes: ...}. The game never changes course for an assumption: it checks
// each one when its text is told (an event's and the variant's told when it fires, a choice's
// when it is offered, an outcome's when it is drawn, inline text's when the text around it is
// told) and notes the ones that do not hold (sim.Game.Broken); autoplay and explore fail on
// them with the path that broke them.

// assumes compiles an optional `assumes:` (one condition or a list of them).
func (b *builder) assumes(w *walker, n *yaml.Node, what string) []*Expr {
	if n == nil {
		return nil
	}
	r, ok := w.resolve(n)
	if !ok {
		return nil
	}
	items := []*yaml.Node{n}
	if r.Kind == yaml.SequenceNode {
		items = r.Content
		if len(items) == 0 {
			w.r.add(w.pos(r), "%s assumes: an empty list (leave it out)", what)
		}
	}
	var out []*Expr
	for _, item := range items {
		if e := b.cp.compile(w, item, what+" assumes", expr.AsBool()); e != nil {
			out = append(out, e)
		}
	}
	return out
}
