// Package transcript writes a game as plain text: each scene with its dated header, the choices
// offered, what was chosen, the court's meters with what moved them and why, and the history
// note. The terminal player prints it as the game goes, and golden tests compare it whole.
package transcript

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bianjing1125/bianjing/game/calendar"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

// Width is the column at which text is wrapped.
const Width = 78

// Printer prints a game's chronicle, each record once, in order.
type Printer struct {
	w    io.Writer
	next int // the first chronicle record not yet printed
}

// New returns a printer writing to w.
func New(w io.Writer) *Printer { return &Printer{w: w} }

// Skip marks everything that has happened so far as printed (after loading a save, say).
func (p *Printer) Skip(g *sim.Game) { p.next = len(g.Chronicle()) }

// Flush prints what has happened since the last call.
func (p *Printer) Flush(g *sim.Game) {
	chron := g.Chronicle()
	for ; p.next < len(chron); p.next++ {
		r := chron[p.next]
		switch r.Kind {
		case sim.EventRecord:
			p.event(g, r)
		case sim.ChoiceRecord:
			p.choice(g, r)
		case sim.EndingRecord:
			p.ending(r)
		case sim.WarRecord:
			fmt.Fprintf(p.w, "\n-- %s: %s\n", r.Day.Short(), r.WarLine())
		}
	}
}

// Header formats a day as the transcript shows it: the Song date with the Julian date after it.
func Header(d calendar.Day) string { return d.String() }

func (p *Printer) event(g *sim.Game, r sim.Record) {
	ev := r.Event
	fmt.Fprintf(p.w, "\n== %s ==\n", Header(r.Day))
	if ev.Place != "" {
		fmt.Fprintf(p.w, "%s\n", ev.Place)
	}
	fmt.Fprintf(p.w, "%s\n\n", strings.ToUpper(r.Title))
	p.Para(r.Text, "")
	p.changes(g, r, false)
	if len(ev.Choices) == 0 {
		p.history(ev)
	}
}

// Options prints the choices of the pending decision, numbered from 1.
func (p *Printer) Options(g *sim.Game) {
	fmt.Fprintln(p.w)
	for i, o := range g.Options() {
		line := fmt.Sprintf("%d. [%s] %s", i+1, o.Choice.ID, o.Choice.Text)
		if o.Choice.Hint != "" {
			line += " (" + strings.TrimSuffix(o.Choice.Hint, ".") + ".)"
		}
		if !o.Enabled {
			line = fmt.Sprintf("%d. [%s] (closed: %s) %s", i+1, o.Choice.ID, strings.TrimSuffix(o.Reason, "."), o.Choice.Text)
		}
		p.Para(line, "   ")
	}
}

func (p *Printer) choice(g *sim.Game, r sim.Record) {
	ch := r.Choice
	mark := ""
	if ch.Historical {
		mark = " (the course history took)"
	}
	fmt.Fprintln(p.w)
	p.Para(fmt.Sprintf("> [%s] %s%s", ch.ID, ch.Text, mark), "  ")
	if ch.Result != "" {
		fmt.Fprintln(p.w)
		p.Para(ch.Result, "")
	}
	if r.Outcome != nil {
		fmt.Fprintln(p.w)
		p.Para(r.Outcome.Text, "")
	}
	p.changes(g, r, true)
	p.history(r.Event)
}

// changes prints the quantities this record moved and, after a choice, the whole court.
func (p *Printer) changes(g *sim.Game, r sim.Record, court bool) {
	entries := g.Ledger()[r.LedgerFrom:r.LedgerTo]
	c := g.Campaign()
	if !court && len(entries) == 0 {
		return
	}
	fmt.Fprintln(p.w)
	if court {
		fmt.Fprintln(p.w, "Court:")
	}
	for _, q := range c.Quantities {
		var moved []string
		value := valueAt(g.Ledger()[:r.LedgerTo], q)
		for _, e := range entries {
			if e.Quantity == q.ID {
				moved = append(moved, fmt.Sprintf("%+d: %s", e.To-e.From, strings.TrimSuffix(e.Why, ".")))
			}
		}
		if len(moved) == 0 && !(court && g.OnCourt(q)) {
			continue
		}
		prefix := fmt.Sprintf("  %-32s %4d", q.Label, value)
		if len(moved) == 0 {
			fmt.Fprintln(p.w, prefix)
			continue
		}
		p.hang(prefix+"  ", "("+strings.Join(moved, "; ")+")")
	}
}

// valueAt is the value of q after the given changes: its last change, or its start.
func valueAt(ledger []sim.Entry, q *scenario.Quantity) int {
	for i := len(ledger) - 1; i >= 0; i-- {
		if ledger[i].Quantity == q.ID {
			return ledger[i].To
		}
	}
	return q.Start
}

// hang prints prefix, then text wrapped at Width with its later lines indented under it.
func (p *Printer) hang(prefix, text string) {
	fmt.Fprint(p.w, prefix)
	p.wrap(text, utf8.RuneCountInString(prefix), strings.Repeat(" ", utf8.RuneCountInString(prefix)))
}

// Para prints text wrapped at Width, keeping its paragraph breaks; continuation lines of a
// paragraph are indented by indent.
func (p *Printer) Para(text, indent string) {
	for i, par := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			fmt.Fprintln(p.w)
		}
		p.wrap(par, 0, indent)
	}
}

// wrap prints the words of text from column col, breaking lines at Width and starting each
// new line with indent, and ends the last line.
func (p *Printer) wrap(text string, col int, indent string) {
	for i, f := range strings.Fields(text) {
		n := utf8.RuneCountInString(f)
		switch {
		case i == 0:
		case col+1+n > Width:
			fmt.Fprint(p.w, "\n"+indent)
			col = utf8.RuneCountInString(indent)
		default:
			fmt.Fprint(p.w, " ")
			col++
		}
		fmt.Fprint(p.w, f)
		col += n
	}
	fmt.Fprintln(p.w)
}

func (p *Printer) history(ev *scenario.Event) {
	h := ev.History
	fmt.Fprintln(p.w)
	p.Para(fmt.Sprintf("History (%s; %s): %s Sources: %s.", h.When(), h.Tag,
		strings.TrimSpace(h.Happened), strings.Join(h.Sources, "; ")), "  ")
}

func (p *Printer) ending(r sim.Record) {
	e := r.Ending
	fmt.Fprintf(p.w, "\n== The end: %s (%s) ==\n\n", e.Title, e.Kind)
	p.Para(e.Text, "")
	fmt.Fprintln(p.w)
	p.Para("Beside the record: "+e.History, "  ")
	fmt.Fprintf(p.w, "\nending: %s\n", e.ID)
}
