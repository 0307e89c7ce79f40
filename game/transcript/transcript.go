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
	"github.com/bianjing1125/bianjing/game/page"
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
			if pg, ok := page.Of(g, p.next); ok {
				p.event(pg)
			}
		case sim.ChoiceRecord:
			if pg, ok := page.Of(g, p.next); ok && pg.Choice != nil {
				p.choice(pg)
			}
		case sim.EndingRecord:
			p.ending(page.Ending(g.Campaign(), r.Ending))
		case sim.WarRecord:
			fmt.Fprintf(p.w, "\n-- %s: %s\n", r.Day.Short(), r.WarLine())
		}
	}
}

// Header formats a day as the transcript shows it: the Song date with the Julian date after it.
func Header(d calendar.Day) string { return page.DateOf(d).String() }

// event prints the opening of a page: its date, place, title, text and what the event moved,
// and for a report its history note.
func (p *Printer) event(pg *page.Page) {
	fmt.Fprintf(p.w, "\n== %s ==\n", pg.Date)
	if pg.Place != "" {
		fmt.Fprintf(p.w, "%s\n", pg.Place)
	}
	fmt.Fprintf(p.w, "%s\n\n", strings.ToUpper(pg.Title))
	p.text(pg.Body, "")
	if len(pg.Tally) > 0 {
		fmt.Fprintln(p.w)
		p.meters(pg.Tally)
	}
	if pg.Report {
		p.history(pg.Note)
	}
}

// Options prints the choices of the pending decision, numbered from 1.
func (p *Printer) Options(g *sim.Game) {
	fmt.Fprintln(p.w)
	pg, ok := page.Of(g, page.Latest(g))
	if !ok || !pg.Waiting {
		return
	}
	for _, o := range pg.Options {
		line := fmt.Sprintf("%d. [%s] %s", o.Number, o.ID, o.Text)
		if o.Hint != "" {
			line += " (" + strings.TrimSuffix(o.Hint, ".") + ".)"
		}
		if o.Closed {
			line = fmt.Sprintf("%d. [%s] (%s) %s", o.Number, o.ID, page.Closed+strings.TrimSuffix(o.Why, "."), o.Text)
		}
		p.Para(line, "   ")
	}
}

// choice prints the rest of a page once chosen: the choice, what came of it, the court and
// the history note.
func (p *Printer) choice(pg *page.Page) {
	ch := pg.Choice
	mark := ""
	if ch.Historical {
		mark = " (" + page.HistoryTook + ")"
	}
	fmt.Fprintln(p.w)
	p.Para(fmt.Sprintf("> [%s] %s%s", ch.ID, ch.Text, mark), "  ")
	if !ch.Result.Empty() {
		fmt.Fprintln(p.w)
		p.text(ch.Result, "")
	}
	if !ch.Outcome.Empty() {
		fmt.Fprintln(p.w)
		p.text(ch.Outcome, "")
	}
	fmt.Fprintln(p.w)
	fmt.Fprintln(p.w, "Court:")
	p.meters(ch.Court)
	p.history(pg.Note)
}

// meters prints each quantity with its value and, when it moved, what moved it and why.
func (p *Printer) meters(ms []page.Meter) {
	for _, m := range ms {
		prefix := fmt.Sprintf("  %-32s %4d", m.Label, m.Value)
		if len(m.Moves) == 0 {
			fmt.Fprintln(p.w, prefix)
			continue
		}
		p.hang(prefix+"  ", "("+m.Reasons()+")")
	}
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

// text prints a page's prose as Para does: its paragraphs wrapped at Width, a blank line
// between them.
func (p *Printer) text(t page.Text, indent string) {
	for i, par := range t {
		if i > 0 {
			fmt.Fprintln(p.w)
		}
		p.wrap(par.String(), 0, indent)
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

// history prints a page's history note; a note that cites no sources says none.
func (p *Printer) history(n page.Note) {
	fmt.Fprintln(p.w)
	line := fmt.Sprintf("History (%s; %s): %s", n.When(), n.Tag, n.Text)
	if src := n.SourceList(); src != "" {
		line += " " + page.Sources + src + "."
	}
	p.Para(line, "  ")
}

// ending prints the ending page.
func (p *Printer) ending(e *page.End) {
	fmt.Fprintf(p.w, "\n== The end: %s (%s) ==\n\n", e.Title, e.Ending.Kind)
	p.text(e.Text, "")
	fmt.Fprintln(p.w)
	p.Para(page.BesideTheRecord+e.History.String(), "  ")
	fmt.Fprintf(p.w, "\nending: %s\n", e.Ending.ID)
}
