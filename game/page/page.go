// Package page says what a page of the game holds, for every front end to draw: the window's
// audience and ending screens, the screen-reader mirror and the text transcript.
//
// A page is one event as the player meets it: its date in parts, place, title and text (with
// the names that have a codex entry marked), the counsel offered, and after a choice what was
// chosen, how it turned out, what moved in the court and why, and the history note. The
// ending page holds the epilogue and the player's course set beside history's, played with
// the same seed and computed once.
//
// The package imports no Ebiten: it reads a sim.Game and returns plain values, and it is
// tested without a display. What a page says is worded here, once; the front ends only set it.
package page

import (
	"fmt"
	"strings"

	"github.com/bianjing1125/bianjing/game/calendar"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

// Words every front end uses.
const (
	// HistoryTook marks the choice history took, after it was taken.
	HistoryTook = "the course history took"
	// Closed starts the reason a choice is closed.
	Closed = "closed: "
	// YouChose starts what was chosen, where the chosen line is not set apart by its look.
	YouChose = "You chose: "
	// Sources starts the list of a history note's sources.
	Sources = "Sources: "
	// TheRecord starts a history note's heading.
	TheRecord = "The record"
)

// Page is what one page of the story holds. Waiting and Choice say which part shows below the
// text: the options while the decision waits, what was chosen once it was, and for a report
// (or a decision the game stopped at) only what the event moved and the history note.
type Page struct {
	Index int // the chronicle index of the event record
	Event *scenario.Event
	Date  Date
	Place string // "" when the event names none
	Title string // as told: the event's own or a variant's
	Body  Text
	// Report says that the event offers no choice: it is read and passed.
	Report bool
	// Waiting says that the decision waits for the player's counsel; Options holds the choices
	// shown, closed ones included.
	Waiting bool
	Options []Option
	// Moves are the changes the event made when it fired, in order.
	Moves []Move
	// Tally is the quantities Moves moved, in the campaign's order, with their values after.
	Tally []Meter
	// Choice is what was chosen at the event, nil before.
	Choice *Chosen
	Note   Note
	// LedgerTo is the length of the ledger as of this page: its changes, the choice's
	// included, and none later.
	LedgerTo int
	// Last says that no later page has happened yet.
	Last bool
}

// Option is a choice as the page offers it.
type Option struct {
	Number int // from 1, as keys and the transcript count
	ID     string
	Text   string
	Hint   string // "" for none
	Closed bool
	Why    string // why it is closed
}

// Aside is what is said after the option's text: its hint, or for a closed option why it is
// closed; "" for none.
func (o Option) Aside() string {
	if o.Closed {
		return Closed + o.Why
	}
	return o.Hint
}

// Chosen is what was chosen at a page and what came of it.
type Chosen struct {
	ID         string
	Text       Text
	Historical bool // the course history took
	Result     Text // what the choice always brings; empty for none
	Outcome    Text // how it turned out, when it could turn out more than one way; else empty
	Moves      []Move
	// Court is every quantity the choice moved or the court panel shows, in the campaign's
	// order, with its value after the choice.
	Court []Meter
}

// Move is one change to a quantity, with its reason.
type Move struct {
	Quantity *scenario.Quantity
	Label    string
	From, To int
	Why      string // without a closing full stop
}

// Delta is how far the quantity moved.
func (m Move) Delta() int { return m.To - m.From }

// Reason is the move as a signed number and its reason: "+5: the envoys ride north".
func (m Move) Reason() string { return fmt.Sprintf("%+d: %s", m.Delta(), m.Why) }

// Meter is a quantity as a page reports it: its value after the page's changes and the moves
// that made it.
type Meter struct {
	Quantity *scenario.Quantity
	Label    string
	Value    int
	Moves    []Move // none when it is listed only because the court shows it
}

// Reasons is the meter's moves joined: "+5: the envoys ride north; -2: the price of grain".
func (m Meter) Reasons() string {
	parts := make([]string, len(m.Moves))
	for i, mv := range m.Moves {
		parts[i] = mv.Reason()
	}
	return strings.Join(parts, "; ")
}

// Note is a page's history note: what the record says happened, when, and where it is told.
type Note struct {
	Date  Date
	Month bool // the record gives only the month: Date is its first day, Until its last
	Until Date
	Tag   string // attested, disputed or invented
	Text  Text
	// Sources are the works cited; a note may have none (a campaign being written).
	Sources []string
}

// Song is the note's Song date: "Xuanhe 7/12/1", or for a month "Jingkang 1/5".
func (n Note) Song() string {
	if n.Month {
		s := n.Date.Short()
		return s[:strings.LastIndexByte(s, '/')]
	}
	return n.Date.Short()
}

// Julian is the note's Julian date: "27 December 1125", or for a month its first and last days.
func (n Note) Julian() string {
	if n.Month {
		return n.Date.Julian() + " to " + n.Until.Julian()
	}
	return n.Date.Julian()
}

// When is the note's Song date with its Julian date in ISO form, as the transcript writes it:
// "Xuanhe 7/12/1, 1125-12-27", or for a month "Jingkang 1/5, 1126-05-24 to 1126-06-21".
func (n Note) When() string {
	if n.Month {
		return n.Song() + ", " + n.Date.ISO() + " to " + n.Until.ISO()
	}
	return n.Song() + ", " + n.Date.ISO()
}

// Heading is the note's heading on screen: "The record · Xuanhe 7/12/1 · 27 December 1125 ·
// attested".
func (n Note) Heading() string {
	return TheRecord + " · " + n.Song() + " · " + n.Julian() + " · " + n.Tag
}

// SourceList is the note's sources joined by semicolons, "" for none.
func (n Note) SourceList() string { return strings.Join(n.Sources, "; ") }

// SourceLine is "Sources: " and the list, or "" when the note cites none: a front end shows
// no line then.
func (n Note) SourceLine() string {
	if len(n.Sources) == 0 {
		return ""
	}
	return Sources + n.SourceList()
}

// Date is a day as a page gives it: the Song date in parts, and the Julian date.
type Date struct {
	Day  calendar.Day
	Song calendar.Date // era, year, month, leap, day; zero outside the calendar's table
	// InTable says that the day lies within the calendar's table, so Song is set.
	InTable bool
	// JulianYear, JulianMonth and JulianDay are the Julian calendar date.
	JulianYear, JulianMonth, JulianDay int
}

// DateOf returns the parts of day d.
func DateOf(d calendar.Day) Date {
	out := Date{Day: d}
	out.Song, out.InTable = d.Song()
	out.JulianYear, out.JulianMonth, out.JulianDay = d.Julian()
	return out
}

// Chinese is the date in Chinese: "宣和七年十二月一日".
func (d Date) Chinese() string { return d.Day.Chinese() }

// Long is the Song date spelled out: "Xuanhe 7, 12th month, 1st day".
func (d Date) Long() string { return d.Day.Long() }

// Short is the Song date as authors write it: "Xuanhe 7/12/1".
func (d Date) Short() string { return d.Day.Short() }

// Julian is the Julian date spelled out: "27 December 1125".
func (d Date) Julian() string { return d.Day.JulianLong() }

// ISO is the Julian date as year-month-day: "1125-12-27".
func (d Date) ISO() string { return d.Day.ISO() }

// String is the Song date spelled out with the Julian date after it in brackets, as the
// transcript heads a page: "Xuanhe 7, 12th month, 1st day (27 December 1125)".
func (d Date) String() string { return d.Long() + " (" + d.Julian() + ")" }

// First returns the chronicle index of the game's first page, or -1 when there is none.
func First(g *sim.Game) int { return Next(g, -1) }

// Next returns the chronicle index of the first page after index i, or -1.
func Next(g *sim.Game, i int) int {
	chron := g.Chronicle()
	for j := max(i+1, 0); j < len(chron); j++ {
		if chron[j].Kind == sim.EventRecord {
			return j
		}
	}
	return -1
}

// Latest returns the chronicle index of the game's latest page, or -1 when there is none.
func Latest(g *sim.Game) int {
	chron := g.Chronicle()
	for i := len(chron) - 1; i >= 0; i-- {
		if chron[i].Kind == sim.EventRecord {
			return i
		}
	}
	return -1
}

// Waiting reports whether the page at chronicle index i waits for the player's counsel: it is
// the latest page, nothing was chosen at it and its decision is pending.
func Waiting(g *sim.Game, i int) bool {
	i, ev, ch, ok := records(g, i)
	return ok && ch == nil && g.Pending() == ev.Event && Next(g, i) < 0
}

// records returns the event record at chronicle index i, with its index, and the choice
// record that resolved it, if any. Index i may also be that of the choice record.
func records(g *sim.Game, i int) (at int, ev sim.Record, choice *sim.Record, ok bool) {
	chron := g.Chronicle()
	if i < 0 || i >= len(chron) {
		return -1, sim.Record{}, nil, false
	}
	if chron[i].Kind == sim.ChoiceRecord && i > 0 && chron[i-1].Event == chron[i].Event {
		i--
	}
	if chron[i].Kind != sim.EventRecord {
		return -1, sim.Record{}, nil, false
	}
	ev = chron[i]
	if n := i + 1; n < len(chron) && chron[n].Kind == sim.ChoiceRecord && chron[n].Event == ev.Event {
		choice = &chron[n]
	}
	return i, ev, choice, true
}

// Of returns the page whose event record is at chronicle index i of g, as the game stands
// now; i may also be the index of the choice record that resolved it. It reports false when
// there is no such record.
func Of(g *sim.Game, i int) (*Page, bool) {
	i, ev, choice, ok := records(g, i)
	if !ok {
		return nil, false
	}
	c := g.Campaign()
	p := &Page{
		Index:    i,
		Event:    ev.Event,
		Date:     DateOf(ev.Day),
		Place:    ev.Event.Place,
		Title:    ev.Title,
		Body:     NewText(c, ev.Text),
		Report:   len(ev.Event.Choices) == 0,
		Moves:    moves(g, ev),
		Note:     noteOf(c, ev.Event.History),
		LedgerTo: ev.LedgerTo,
		Last:     Next(g, i) < 0,
	}
	p.Tally = meters(g, p.Moves, ev.LedgerTo, false)
	if choice == nil && p.Last && g.Pending() == ev.Event {
		p.Waiting = true
		for n, o := range g.Options() {
			p.Options = append(p.Options, Option{
				Number: n + 1, ID: o.Choice.ID, Text: o.Choice.Text, Hint: o.Choice.Hint,
				Closed: !o.Enabled, Why: o.Reason,
			})
		}
	}
	if choice != nil {
		p.Choice = chosen(g, *choice)
		p.LedgerTo = choice.LedgerTo
	}
	return p, true
}

// chosen returns what a choice record says was chosen and what came of it.
func chosen(g *sim.Game, r sim.Record) *Chosen {
	c := g.Campaign()
	ch := &Chosen{
		ID:         r.Choice.ID,
		Text:       NewText(c, r.Choice.Text),
		Historical: r.Choice.Historical,
		Result:     NewText(c, r.Result),
		Moves:      moves(g, r),
	}
	if r.Outcome != nil {
		ch.Outcome = NewText(c, r.OutcomeText)
	}
	ch.Court = meters(g, ch.Moves, r.LedgerTo, true)
	return ch
}

// Codex returns the ids of the codex entries the page names in what it shows, each once, in
// the order met: the text, and once the page is no longer waiting, the choice, how it turned
// out and the history note.
func (p *Page) Codex() []string {
	ids := p.Body.appendCodex(nil)
	if p.Waiting {
		return ids
	}
	if ch := p.Choice; ch != nil {
		ids = ch.Text.appendCodex(ids)
		ids = ch.Result.appendCodex(ids)
		ids = ch.Outcome.appendCodex(ids)
	}
	return p.Note.Text.appendCodex(ids)
}

// moves returns the changes record r made.
func moves(g *sim.Game, r sim.Record) []Move {
	entries := g.Ledger()[r.LedgerFrom:r.LedgerTo]
	if len(entries) == 0 {
		return nil
	}
	c := g.Campaign()
	out := make([]Move, len(entries))
	for i, e := range entries {
		q := quantity(c, e.Quantity)
		out[i] = Move{Quantity: q, Label: q.Label, From: e.From, To: e.To, Why: strings.TrimSuffix(e.Why, ".")}
	}
	return out
}

// meters returns, in the campaign's order, the quantities moved by moves with their values
// after the ledger's first upTo changes; with court, also those the court panel shows now.
func meters(g *sim.Game, moves []Move, upTo int, court bool) []Meter {
	var out []Meter
	ledger := g.Ledger()[:upTo]
	for _, q := range g.Campaign().Quantities {
		m := Meter{Quantity: q, Label: q.Label, Value: valueAt(ledger, q)}
		for _, mv := range moves {
			if mv.Quantity == q {
				m.Moves = append(m.Moves, mv)
			}
		}
		if len(m.Moves) == 0 && !(court && g.OnCourt(q)) {
			continue
		}
		out = append(out, m)
	}
	return out
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

// quantity returns the quantity of c with the given id.
func quantity(c *scenario.Campaign, id string) *scenario.Quantity {
	n, _ := c.Lookup(id)
	return c.Quantities[n.Index]
}

// noteOf returns an event's history note as a page holds it.
func noteOf(c *scenario.Campaign, h scenario.History) Note {
	n := Note{Date: DateOf(h.Date), Month: h.Month, Tag: h.Tag, Text: NewText(c, h.Happened), Sources: h.Sources}
	n.Until = n.Date
	if h.Month {
		n.Until = DateOf(h.Date.MonthEnd())
	}
	return n
}
