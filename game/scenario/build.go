package scenario

import (
	"regexp"
	"sort"
	"strings"

	"github.com/bianjing1125/bianjing/game/calendar"
	"go.yaml.in/yaml/v3"
)

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// builtins are the names every expression may read besides the author's own.
var builtins = map[string]any{"turn": 0, "days": 0}

// builder turns the parsed sections into a Campaign, reporting every problem it meets.
type builder struct {
	r          *report
	c          *Campaign
	cp         *compiler
	codexNames map[string]*CodexEntry
	armyNodes  []armyNode
	courtWhile []pendingExpr // quantities' court_while, compiled once every name is known
}

// pendingExpr is a quantity's expression waiting for the compiler.
type pendingExpr struct {
	w *walker
	n *yaml.Node
	q *Quantity
}

func build(r *report, sections map[string][]section, folder string) *Campaign {
	b := &builder{r: r, codexNames: map[string]*CodexEntry{}, c: &Campaign{
		names:    map[string]Name{},
		choices:  map[string]*Choice{},
		events:   map[string]*Event{},
		outcomes: map[string]*Outcome{},
		recalls:  map[string]*Recall{},
	}}
	b.campaign(sections["campaign"], folder)
	for _, s := range sections["quantities"] {
		b.each(s, "quantity", b.quantity)
	}
	for _, s := range sections["flags"] {
		b.each(s, "flag", b.flag)
	}
	for _, s := range sections["people"] {
		b.each(s, "person", b.person)
	}
	for _, s := range sections["places"] {
		b.each(s, "place", b.place)
	}
	for _, s := range sections["armies"] {
		b.each(s, "army", b.declareArmy)
	}
	b.cp = newCompiler(b.c, r)
	b.cp.known = scanIDs(sections["events"])
	memoryEnv(b.cp.env, b.cp.known)
	b.compileArmies()
	for _, pe := range b.courtWhile {
		pe.q.CourtWhile = b.cp.condition(pe.w, pe.n, "quantity "+pe.q.ID+" court_while")
	}
	for _, s := range sections["events"] {
		b.each(s, "event", b.event)
	}
	for _, s := range sections["endings"] {
		b.each(s, "ending", b.ending)
	}
	for _, s := range sections["codex"] {
		b.each(s, "codex entry", b.codexEntry)
	}
	for _, s := range sections["map"] {
		b.each(s, "map feature", b.feature)
	}
	b.finishCodex()
	b.finish(sections)
	b.attachRecalls()
	b.cp.slots()
	b.c.startEnv = SampleEnv(b.c)
	return b.c
}

// each calls read on every item of a list section.
func (b *builder) each(s section, what string, read func(w *walker, n *yaml.Node)) {
	for _, item := range s.w.list(s.node, s.key.Value) {
		read(s.w, item)
	}
}

// id reads and checks an id, which must be new among seen.
func (b *builder) id(w *walker, m map[string]*yaml.Node, what string, parent *yaml.Node) string {
	id := w.text(m, "id", what, parent)
	if id == "" {
		return ""
	}
	if !idPattern.MatchString(id) {
		w.r.add(w.pos(m["id"]), "%s id %q: use lower-case letters, digits and _, starting with a letter", what, id)
	}
	return id
}

// declare enters a world name into the shared namespace.
func (b *builder) declare(w *walker, n *yaml.Node, id string, name Name) bool {
	if id == "" {
		return false
	}
	if _, ok := builtins[id]; ok || contains(MemoryFuncs, id) {
		w.r.add(w.pos(n), "%q is built in and cannot be declared", id)
		return false
	}
	if _, dup := b.c.names[id]; dup {
		w.r.add(w.pos(n), "%q is already declared (quantities, flags, people and places share one set of names)", id)
		return false
	}
	b.c.names[id] = name
	return true
}

func (b *builder) date(w *walker, m map[string]*yaml.Node, key, what string, parent *yaml.Node) (calendar.Day, bool) {
	s := w.text(m, key, what, parent)
	if s == "" {
		return 0, false
	}
	return b.parseDate(w, m[key], s, what+" "+key)
}

func (b *builder) parseDate(w *walker, n *yaml.Node, s, what string) (calendar.Day, bool) {
	d, err := calendar.Parse(s)
	if err != nil {
		w.r.add(w.pos(n), "%s: %v (write dates as Era Y/M/D, e.g. Xuanhe 7/12/1)", what, err)
		return 0, false
	}
	return d, true
}

func (b *builder) campaign(ss []section, folder string) {
	if len(ss) == 0 {
		b.r.add(Pos{File: folder, Line: 1, Col: 1}, "no file declares the campaign (a top-level campaign: key)")
		return
	}
	for _, extra := range ss[1:] {
		extra.w.r.add(extra.w.pos(extra.key), "campaign declared again (first in %s)", ss[0].w.file)
	}
	s := ss[0]
	w := s.w
	m := w.fields(s.node, "campaign", "id", "version", "title", "start", "end", "role")
	if m == nil {
		return
	}
	c := b.c
	c.ID = b.id(w, m, "campaign", s.key)
	c.Version = w.integer(m, "version", "campaign", 0)
	if c.Version < 1 {
		w.r.add(w.pos(s.key), "campaign: version must be 1 or more")
	}
	c.Title = w.text(m, "title", "campaign", s.key)
	c.Role = Prose(w.text(m, "role", "campaign", s.key))
	b.plain(w, m["role"], c.Role, "campaign role")
	start, ok1 := b.date(w, m, "start", "campaign", s.key)
	end, ok2 := b.date(w, m, "end", "campaign", s.key)
	if ok1 && ok2 && end < start {
		w.r.add(w.pos(m["end"]), "campaign ends (%s) before it starts (%s)", end.Short(), start.Short())
	}
	c.Start, c.End = start, end
}

func (b *builder) quantity(w *walker, n *yaml.Node) {
	m := w.fields(n, "quantity", "id", "label", "min", "max", "start", "court", "court_while", "about")
	if m == nil {
		return
	}
	q := &Quantity{
		ID:    b.id(w, m, "quantity", n),
		Label: w.text(m, "label", "quantity", n),
		About: w.optText(m, "about", "quantity"),
		Min:   w.integer(m, "min", "quantity", 0),
		Max:   w.integer(m, "max", "quantity", 100),
		Court: w.boolean(m, "court", "quantity"),
	}
	q.Start = w.integer(m, "start", "quantity", q.Min)
	if cw := m["court_while"]; cw != nil {
		if !q.Court {
			w.r.add(w.pos(cw), "quantity %s: court_while is only read with court: true", q.ID)
		}
		b.courtWhile = append(b.courtWhile, pendingExpr{w: w, n: cw, q: q})
	}
	if q.Max < q.Min {
		w.r.add(w.pos(n), "quantity %s: max %d is below min %d", q.ID, q.Max, q.Min)
	} else if q.Start < q.Min || q.Start > q.Max {
		w.r.add(w.pos(n), "quantity %s: start %d is outside %d..%d", q.ID, q.Start, q.Min, q.Max)
	}
	if b.declare(w, n, q.ID, Name{QuantityName, len(b.c.Quantities)}) {
		b.c.Quantities = append(b.c.Quantities, q)
	}
}

func (b *builder) flag(w *walker, n *yaml.Node) {
	m := w.fields(n, "flag", "id", "about", "start")
	if m == nil {
		return
	}
	f := &Flag{ID: b.id(w, m, "flag", n), About: w.optText(m, "about", "flag"), Start: w.boolean(m, "start", "flag")}
	if b.declare(w, n, f.ID, Name{FlagName, len(b.c.Flags)}) {
		b.c.Flags = append(b.c.Flags, f)
	}
}

func (b *builder) person(w *walker, n *yaml.Node) {
	m := w.fields(n, "person", "id", "name", "chars", "status", "about")
	if m == nil {
		return
	}
	p := &Person{
		ID:     b.id(w, m, "person", n),
		Name:   w.text(m, "name", "person", n),
		Chars:  w.optText(m, "chars", "person"),
		About:  w.optText(m, "about", "person"),
		Status: w.optText(m, "status", "person"),
	}
	if p.Status == "" {
		p.Status = "in_office"
	} else if !contains(Statuses, p.Status) {
		w.r.add(w.pos(m["status"]), "person %s: status %q is not one of %s", p.ID, p.Status, strings.Join(Statuses, ", "))
	}
	if b.declare(w, n, p.ID, Name{PersonName, len(b.c.People)}) {
		b.c.People = append(b.c.People, p)
	}
}

func (b *builder) place(w *walker, n *yaml.Node) {
	m := w.fields(n, "place", "id", "name", "chars", "holder", "defence", "about", "at")
	if m == nil {
		return
	}
	p := &Place{
		ID:     b.id(w, m, "place", n),
		Name:   w.text(m, "name", "place", n),
		Chars:  w.optText(m, "chars", "place"),
		About:  w.optText(m, "about", "place"),
		Holder: w.optText(m, "holder", "place"),
	}
	if p.Holder == "" {
		p.Holder = "song"
	} else if !contains(Holders, p.Holder) {
		w.r.add(w.pos(m["holder"]), "place %s: holder %q is not one of %s", p.ID, p.Holder, strings.Join(Holders, ", "))
	}
	if d := w.optText(m, "defence", "place"); d != "" {
		name, ok := b.c.names[d]
		if !ok || name.Kind != QuantityName {
			w.r.add(w.pos(m["defence"]), "place %s: defence %q is not a declared quantity", p.ID, d)
		} else {
			p.Defence = b.c.Quantities[name.Index]
		}
	}
	if at, ok := m["at"]; ok {
		p.At, p.Located = b.point(w, at, "place "+p.ID+" at")
	}
	if b.declare(w, n, p.ID, Name{PlaceName, len(b.c.Places)}) {
		b.c.Places = append(b.c.Places, p)
	}
}

func (b *builder) event(w *walker, n *yaml.Node) {
	m := w.fields(n, "event", "id", "date", "window", "when", "group", "priority", "weight", "place", "title", "text", "assumes", "variants", "effects", "choices", "history")
	if m == nil {
		return
	}
	ev := &Event{ID: b.id(w, m, "event", n), Pos: w.pos(n)}
	what := "event " + ev.ID
	if ev.ID != "" {
		if prev, dup := b.c.events[ev.ID]; dup {
			w.r.add(w.pos(m["id"]), "event id %q is used again (first at %s:%d)", ev.ID, prev.Pos.File, prev.Pos.Line)
		} else {
			b.c.events[ev.ID] = ev
		}
	}
	if m["date"] == nil && m["window"] == nil {
		w.r.add(w.pos(n), "%s: needs a date (the day the scene is set) or a window (for a floating event, the days it may fire)", what)
	}
	if m["date"] != nil {
		ev.Date, _ = b.date(w, m, "date", what, n)
	}
	ev.From, ev.To = ev.Date.XunStart(), ev.Date.XunEnd()
	if wn, ok := m["window"]; ok {
		items := w.list(wn, what+" window")
		if len(items) != 2 {
			if items != nil {
				w.r.add(w.pos(wn), "%s: window is [first day, last day]", what)
			}
		} else {
			from, ok1 := b.scalarDate(w, items[0], what+" window")
			to, ok2 := b.scalarDate(w, items[1], what+" window")
			if ok1 && ok2 {
				ev.From, ev.To = from, to
				if to < from {
					w.r.add(w.pos(wn), "%s: window ends before it starts", what)
				}
				if m["date"] == nil {
					ev.Date, ev.Floating = from, true
				}
			}
		}
	}
	ev.When = b.cp.condition(w, m["when"], what+" when")
	ev.Group = w.optText(m, "group", what)
	if ev.Group != "" && !idPattern.MatchString(ev.Group) {
		w.r.add(w.pos(m["group"]), "%s: group %q: use lower-case letters, digits and _", what, ev.Group)
	}
	ev.Priority = w.integer(m, "priority", what, 0)
	ev.Weight = b.cp.amount(w, m["weight"], what+" weight")
	ev.Place = w.optText(m, "place", what)
	ev.Title = w.text(m, "title", what, n)
	ev.Text = Prose(w.text(m, "text", what, n))
	b.plain(w, m["place"], ev.Place, what+" place")
	b.plain(w, m["title"], ev.Title, what+" title")
	ev.Inline = b.inline(w, m["text"], ev.Text, what+" text")
	ev.Assumes = b.assumes(w, m["assumes"], what)
	for _, vn := range w.list(orEmpty(m["variants"]), what+" variants") {
		vm := w.fields(vn, what+" variant", "when", "title", "text", "assumes")
		if vm == nil {
			continue
		}
		v := &Variant{Pos: w.pos(vn), Title: w.optText(vm, "title", what+" variant"), Text: Prose(w.text(vm, "text", what+" variant", vn))}
		b.plain(w, vm["title"], v.Title, what+" variant title")
		v.Inline = b.inline(w, vm["text"], v.Text, what+" variant text")
		v.Assumes = b.assumes(w, vm["assumes"], what+" variant")
		if vm["when"] == nil {
			w.r.add(w.pos(vn), "%s: a variant needs a when: condition (the event's own text is told otherwise)", what)
		}
		v.When = b.cp.condition(w, vm["when"], what+" variant when")
		ev.Variants = append(ev.Variants, v)
	}
	ev.Effects = b.cp.effects(w, m["effects"], what)
	for _, cn := range w.list(orEmpty(m["choices"]), what+" choices") {
		b.choice(w, cn, ev)
	}
	historical := 0
	for _, ch := range ev.Choices {
		if ch.Historical {
			historical++
		}
	}
	if historical > 1 {
		w.r.add(w.pos(m["choices"]), "%s: %d choices are marked historical; at most one may be", what, historical)
	}
	b.history(w, m["history"], n, ev)
	b.c.Events = append(b.c.Events, ev)
}

func (b *builder) scalarDate(w *walker, n *yaml.Node, what string) (calendar.Day, bool) {
	s, ok := w.scalar(n, what)
	if !ok {
		return 0, false
	}
	return b.parseDate(w, n, s, what)
}

func (b *builder) choice(w *walker, n *yaml.Node, ev *Event) {
	m := w.fields(n, "choice", "id", "text", "hint", "show", "enable", "disabled", "historical", "why", "effects", "result", "assumes", "outcomes")
	if m == nil {
		return
	}
	ch := &Choice{ID: b.id(w, m, "choice", n), Pos: w.pos(n), Event: ev}
	what := "choice " + ch.ID
	if ch.ID != "" {
		if prev, dup := b.c.choices[ch.ID]; dup {
			w.r.add(w.pos(m["id"]), "choice id %q is used again (first at %s:%d, in event %s)", ch.ID, prev.Pos.File, prev.Pos.Line, prev.Event.ID)
		} else {
			b.c.choices[ch.ID] = ch
		}
	}
	ch.Text = Prose(w.text(m, "text", what, n))
	ch.Hint = Prose(w.optText(m, "hint", what))
	b.plain(w, m["text"], ch.Text, what+" text")
	b.plain(w, m["hint"], ch.Hint, what+" hint")
	ch.Show = b.cp.condition(w, m["show"], what+" show")
	ch.Enable = b.cp.condition(w, m["enable"], what+" enable")
	ch.Disabled = w.optText(m, "disabled", what)
	if ch.Enable != nil && ch.Disabled == "" {
		w.r.add(w.pos(m["enable"]), "%s: enable needs a disabled: reason to show the player when it does not hold", what)
	}
	if ch.Enable == nil && ch.Disabled != "" {
		w.r.add(w.pos(m["disabled"]), "%s: disabled is only read with an enable: condition", what)
	}
	ch.Historical = w.boolean(m, "historical", what)
	ch.Why = w.optText(m, "why", what)
	ch.Effects = b.cp.effects(w, m["effects"], what)
	ch.Result = Prose(w.optText(m, "result", what))
	ch.Inline = b.inline(w, m["result"], ch.Result, what+" result")
	ch.Assumes = b.assumes(w, m["assumes"], what)
	b.plain(w, m["disabled"], ch.Disabled, what+" disabled")
	for _, on := range w.list(orEmpty(m["outcomes"]), what+" outcomes") {
		om := w.fields(on, what+" outcome", "id", "weight", "text", "why", "assumes", "effects")
		if om == nil {
			continue
		}
		o := &Outcome{Pos: w.pos(on)}
		if om["id"] != nil {
			o.ID = b.id(w, om, "outcome", on)
			if prev, dup := b.c.outcomes[o.ID]; dup && o.ID != "" {
				w.r.add(w.pos(om["id"]), "outcome id %q is used again (first at %s:%d)", o.ID, prev.Pos.File, prev.Pos.Line)
			} else if _, clash := b.c.choices[o.ID]; clash || b.cp.known[o.ID] != outcomeID {
				w.r.add(w.pos(om["id"]), "outcome id %q is already the id of an event or a choice", o.ID)
			} else if o.ID != "" {
				b.c.outcomes[o.ID] = o
			}
		}
		if _, ok := om["weight"]; !ok {
			w.r.add(w.pos(on), "%s: an outcome needs a weight", what)
		}
		o.Weight = b.cp.amount(w, om["weight"], what+" outcome weight")
		o.Text = Prose(w.text(om, "text", what+" outcome", on))
		o.Inline = b.inline(w, om["text"], o.Text, what+" outcome text")
		o.Assumes = b.assumes(w, om["assumes"], what+" outcome")
		o.Why = w.optText(om, "why", what+" outcome")
		o.Effects = b.cp.effects(w, om["effects"], what+" outcome")
		ch.Outcomes = append(ch.Outcomes, o)
	}
	ev.Choices = append(ev.Choices, ch)
}

func (b *builder) history(w *walker, n, parent *yaml.Node, ev *Event) {
	what := "event " + ev.ID + " history"
	if n == nil {
		w.r.add(w.pos(parent), "%s is missing: every event says what really happened, when, and on what source", what)
		return
	}
	m := w.fields(n, what, "date", "tag", "happened", "sources")
	if m == nil {
		return
	}
	if s := w.text(m, "date", what, n); s != "" {
		if strings.Count(s, "/") == 1 {
			d, err := calendar.ParseMonth(s)
			if err != nil {
				w.r.add(w.pos(m["date"]), "%s date: %v (write Era Y/M/D, or Era Y/M when the record gives only the month)", what, err)
			}
			ev.History.Date, ev.History.Month = d, true
		} else {
			ev.History.Date, _ = b.parseDate(w, m["date"], s, what+" date")
		}
	}
	ev.History.Tag = w.text(m, "tag", what, n)
	if ev.History.Tag != "" && !contains(Tags, ev.History.Tag) {
		w.r.add(w.pos(m["tag"]), "%s: tag %q is not one of %s", what, ev.History.Tag, strings.Join(Tags, ", "))
	}
	ev.History.Happened = Prose(w.text(m, "happened", what, n))
	b.plain(w, m["happened"], ev.History.Happened, what+" happened")
	srcs, nodes := w.strs(m, "sources", what)
	for i, s := range srcs {
		if s == "" {
			w.r.add(w.pos(nodes[i]), "%s: an empty source", what)
		}
	}
	if len(srcs) == 0 {
		w.r.add(w.pos(n), "%s: sources are missing (cite work and juan, e.g. SBH j.23)", what)
	}
	ev.History.Sources = srcs
}

func (b *builder) ending(w *walker, n *yaml.Node) {
	m := w.fields(n, "ending", "id", "title", "when", "kind", "fallback", "text", "history")
	if m == nil {
		return
	}
	e := &Ending{ID: b.id(w, m, "ending", n), Pos: w.pos(n)}
	what := "ending " + e.ID
	for _, prev := range b.c.Endings {
		if prev.ID == e.ID && e.ID != "" {
			w.r.add(w.pos(m["id"]), "ending id %q is used again (first at %s:%d)", e.ID, prev.Pos.File, prev.Pos.Line)
		}
	}
	e.Title = w.text(m, "title", what, n)
	e.Fallback = w.boolean(m, "fallback", what)
	e.When = b.cp.condition(w, m["when"], what+" when")
	if m["when"] == nil && !e.Fallback {
		w.r.add(w.pos(n), "%s: needs a when: condition (or fallback: true)", what)
	}
	if m["when"] != nil && e.Fallback {
		w.r.add(w.pos(m["when"]), "%s: a fallback ending is reached when the last day passes and its when: is never read; remove it", what)
	}
	e.Kind = w.text(m, "kind", what, n)
	if e.Kind != "" && e.Kind != "historical" && e.Kind != "counterfactual" {
		w.r.add(w.pos(m["kind"]), "%s: kind %q is neither historical nor counterfactual", what, e.Kind)
	}
	e.Text = Prose(w.text(m, "text", what, n))
	e.History = Prose(w.text(m, "history", what, n))
	e.Inline = b.inline(w, m["text"], e.Text, what+" text")
	b.plain(w, m["title"], e.Title, what+" title")
	b.plain(w, m["history"], e.History, what+" history")
	b.c.Endings = append(b.c.Endings, e)
}

// finish makes the checks that need the whole campaign.
func (b *builder) finish(sections map[string][]section) {
	c := b.c
	var fallbacks []*Ending
	for _, e := range c.Endings {
		if e.Fallback {
			fallbacks = append(fallbacks, e)
		}
	}
	anchor := Pos{Line: 1, Col: 1}
	if ss := sections["campaign"]; len(ss) > 0 {
		anchor = ss[0].w.pos(ss[0].key)
	}
	switch {
	case len(c.Endings) == 0:
		b.r.add(anchor, "the campaign has no endings")
	case len(fallbacks) == 0:
		b.r.add(anchor, "no ending is marked fallback: true (reached when the last day passes)")
	case len(fallbacks) > 1:
		for _, e := range fallbacks[1:] {
			b.r.add(e.Pos, "ending %s: a second fallback ending (the first is %s)", e.ID, fallbacks[0].ID)
		}
	}
	if len(c.Events) == 0 {
		b.r.add(anchor, "the campaign has no events")
	}
	for _, ev := range c.Events {
		if c.Start != 0 && c.End != 0 && ev.Date != 0 && (ev.To < c.Start.XunStart() || ev.From > c.End) {
			b.r.add(ev.Pos, "event %s: its window %s..%s lies outside the campaign (%s..%s)", ev.ID, ev.From.Short(), ev.To.Short(), c.Start.Short(), c.End.Short())
		}
	}
	sort.SliceStable(c.Events, func(i, j int) bool { return c.Events[i].From < c.Events[j].From })
	groups := map[string]int{}
	for _, ev := range c.Events {
		ev.GroupIndex = -1
		if ev.Group == "" {
			continue
		}
		i, ok := groups[ev.Group]
		if !ok {
			i = len(c.Groups)
			groups[ev.Group] = i
			c.Groups = append(c.Groups, ev.Group)
		}
		ev.GroupIndex = i
	}
	for _, g := range c.Groups {
		n := 0
		for _, ev := range c.Events {
			if ev.Group == g {
				n++
			}
		}
		if n == 1 {
			for _, ev := range c.Events {
				if ev.Group == g {
					b.r.add(ev.Pos, "event %s: it is alone in group %s; a group keeps all but one of its events from firing", ev.ID, g)
				}
			}
		}
	}
}

// orEmpty stands in for an absent optional list.
func orEmpty(n *yaml.Node) *yaml.Node {
	if n == nil {
		return &yaml.Node{Kind: yaml.SequenceNode}
	}
	return n
}
