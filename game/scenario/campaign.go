// Package scenario reads a campaign written as YAML data, checks every part of it, and compiles
// its conditions and effects once, so that a game never meets an author's mistake at play time.
//
// A loaded Campaign is immutable: any number of games may share it.
package scenario

import (
	"github.com/bianjing1125/bianjing/game/calendar"
	"github.com/expr-lang/expr/vm"
)

// Campaign is a validated scenario: the world it starts from, its events and its endings.
type Campaign struct {
	ID      string
	Version int
	Title   string
	Role    string
	Start   calendar.Day
	End     calendar.Day

	Quantities []*Quantity
	Flags      []*Flag
	People     []*Person
	Places     []*Place
	Armies     []*Army
	Groups     []string // the event groups, in order of first use
	Events     []*Event // ordered by the first day each may fire, then as written
	Endings    []*Ending
	Codex      []*CodexEntry
	Map        []*Feature

	codexNames []codexName // longest first

	exprs    int            // how many expressions were compiled
	startEnv map[string]any // the expression environment at the start

	names    map[string]Name
	choices  map[string]*Choice
	events   map[string]*Event
	outcomes map[string]*Outcome // the outcomes given an id

	recalls     map[string]*Recall // what the game remembers, by its name ("seen(x)")
	recallOrder []*Recall          // the same, in slot order
}

// Kind says what a name in the world stands for.
type Kind int

// The kinds of names an author can declare.
const (
	QuantityName Kind = iota + 1
	FlagName
	PersonName
	PlaceName
	ArmyName
)

// Name is a declared name of the world: its kind and its index in the campaign's list of that kind.
type Name struct {
	Kind  Kind
	Index int
}

// Exprs returns how many expressions the campaign has: their IDs run from 0 to Exprs()-1.
func (c *Campaign) Exprs() int { return c.exprs }

// Slots returns how many slots the world has for memoising expressions: one for each quantity,
// flag, person, place and army (where it is and what it does), one for each army's days, one
// each for days and turn, and one for each thing remembered (see Recalls), in that order.
func (c *Campaign) Slots() int { return c.worldSlots() + len(c.recallOrder) }

// worldSlots counts the slots before the memory's.
func (c *Campaign) worldSlots() int {
	return len(c.Quantities) + len(c.Flags) + len(c.People) + len(c.Places) + 2*len(c.Armies) + 2
}

// Slot returns the slot of a declared name.
func (c *Campaign) Slot(n Name) int {
	switch n.Kind {
	case QuantityName:
		return n.Index
	case FlagName:
		return len(c.Quantities) + n.Index
	case PersonName:
		return len(c.Quantities) + len(c.Flags) + n.Index
	case PlaceName:
		return len(c.Quantities) + len(c.Flags) + len(c.People) + n.Index
	}
	return len(c.Quantities) + len(c.Flags) + len(c.People) + len(c.Places) + n.Index // ArmyName
}

// ArmyDaysSlot returns the slot of army i's days.
func (c *Campaign) ArmyDaysSlot(i int) int {
	return len(c.Quantities) + len(c.Flags) + len(c.People) + len(c.Places) + len(c.Armies) + i
}

// DaysSlot and TurnSlot return the slots of the clock.
func (c *Campaign) DaysSlot() int { return c.worldSlots() - 2 }

// TurnSlot returns the slot of the turn number.
func (c *Campaign) TurnSlot() int { return c.worldSlots() - 1 }

// Lookup returns what a name in the world stands for.
func (c *Campaign) Lookup(name string) (Name, bool) {
	n, ok := c.names[name]
	return n, ok
}

// Choice returns the choice with the given id.
func (c *Campaign) Choice(id string) (*Choice, bool) {
	ch, ok := c.choices[id]
	return ch, ok
}

// Event returns the event with the given id.
func (c *Campaign) Event(id string) (*Event, bool) {
	ev, ok := c.events[id]
	return ev, ok
}

// Fallback returns the ending reached when the campaign's last day passes.
func (c *Campaign) Fallback() *Ending {
	for _, e := range c.Endings {
		if e.Fallback {
			return e
		}
	}
	return nil
}

// Quantity is a named integer with bounds, such as the emperor's trust or a city's walls.
type Quantity struct {
	ID    string
	Label string
	About string
	Min   int
	Max   int
	Start int
	Court bool // shown on the court panel
	// CourtWhile is when the court panel shows it (nil: always, if Court): Tong Guan's regard
	// matters while he is in office.
	CourtWhile *Expr
}

// Flag is a named boolean.
type Flag struct {
	ID    string
	About string
	Start bool
}

// Statuses a person can have.
var Statuses = []string{"in_office", "retired", "dismissed", "exiled", "fled", "captive", "dead", "defected", "abdicated", "heir"}

// Holders a place can have.
var Holders = []string{"song", "jin", "liao", "contested"}

// Person is a historical figure whose status the story can change.
type Person struct {
	ID     string
	Name   string
	Chars  string
	About  string
	Status string
}

// Place is a city or crossing: who holds it, and which quantity stands for its defences.
type Place struct {
	ID      string
	Name    string
	Chars   string
	About   string
	Holder  string
	Defence *Quantity // nil when the place has none
	At      Point     // where it is drawn on the map
	Located bool      // whether At was given
}

// Pos is a position in a scenario file, counted from 1.
type Pos struct {
	File string
	Line int
	Col  int
}

// Expr is an expression compiled at load time.
type Expr struct {
	Source  string
	Pos     Pos
	Program *vm.Program
	// Daily is true when the value can change from one day to the next with nothing else in
	// the world changing: the expression reads how many days an army has been where it is, or
	// the clock (turn, days).
	Daily bool
	Clock bool // it reads the clock (turn, days)

	// ID numbers the campaign's expressions from 0, and Slots are the slots (see
	// Campaign.Slots) of what it reads, so that a game can keep its value until one changes.
	ID    int
	Slots []int
	names []string
}

// Op is what an effect does to its target.
type Op byte

// The effect operators.
const (
	Set Op = '='
	Add Op = '+'
	Sub Op = '-'
)

// Effect changes one name of the world: `trust -= 10`, `tong_guan = "fled"`.
type Effect struct {
	Source string
	Pos    Pos
	Target string
	Name   Name
	Op     Op
	Value  *Expr  // quantities and flags
	Text   string // people and places: the new status or holder
}

// Event is a storylet: a dated scene that fires when its window and condition allow.
type Event struct {
	ID         string
	Pos        Pos
	Date       calendar.Day // the day the scene is set; a floating event's first possible day
	Floating   bool         // no date of its own: it may fire on any day of its window
	Group      string       // of the events sharing a group, at most one fires
	GroupIndex int          // index of Group in the campaign's Groups; -1 for none
	Variants   []*Variant   // texts told instead of Text when their condition holds
	From, To   calendar.Day // the window in which it may fire
	When       *Expr        // nil: always
	Priority   int
	Weight     *Expr // nil: 1
	Place      string
	Title      string
	Text       string
	Inline     *Inline // Text's inline text, compiled; nil when it has none
	Assumes    []*Expr // what its text takes for granted, checked when it is told
	Effects    []Effect
	Choices    []*Choice // none: a report, read and passed
	History    History
	Recall     *Recall // nil unless an expression reads seen or days_since of it
}

// Variant is another telling of an event, for a world in which its condition holds: the first
// variant whose condition holds when the event fires is told instead of the event's own text.
type Variant struct {
	Pos     Pos
	When    *Expr
	Title   string // "" keeps the event's title
	Text    string
	Inline  *Inline // Text's inline text; nil when it has none
	Assumes []*Expr // what its text takes for granted
}

// Choice is one course the player may counsel at an event.
type Choice struct {
	ID         string
	Pos        Pos
	Event      *Event
	Text       string
	Hint       string
	Show       *Expr // nil: always listed
	Enable     *Expr // nil: always enabled
	Disabled   string
	Historical bool
	Why        string
	Effects    []Effect
	Result     string
	Inline     *Inline // Result's inline text; nil when it has none
	Assumes    []*Expr // what its text and result take for granted, checked when it is offered
	Outcomes   []*Outcome
	Recall     *Recall // nil unless an expression reads chosen of it
}

// Outcome is one of the ways a choice can turn out, drawn by weight.
type Outcome struct {
	ID      string // optional; drawn('id') reads it
	Recall  *Recall
	Pos     Pos
	Weight  *Expr
	Text    string
	Inline  *Inline // Text's inline text; nil when it has none
	Assumes []*Expr // what its text takes for granted, checked when it is drawn
	Why     string
	Effects []Effect
}

// History is the note that sets an event beside the record.
type History struct {
	Date     calendar.Day
	Month    bool   // the record gives only the month: Date is its first day
	Tag      string // attested, disputed or invented
	Happened string
	Sources  []string
}

// When returns the note's date with its Julian date: "Xuanhe 7/12/1, 1125-12-27", or for a
// month "Jingkang 1/5, 1126-05-24 to 1126-06-21".
func (h History) When() string {
	if !h.Month {
		return h.SongDate() + ", " + h.Date.ISO()
	}
	return h.SongDate() + ", " + h.Date.ISO() + " to " + h.Date.MonthEnd().ISO()
}

// SongDate returns the note's Song date, "Xuanhe 7/12/1", or for a month "Jingkang 1/5".
func (h History) SongDate() string {
	short := h.Date.Short()
	if h.Month {
		return short[:len(short)-2]
	}
	return short
}

// Tags a history note may carry.
var Tags = []string{"attested", "disputed", "invented"}

// Ending is a way the campaign can end.
type Ending struct {
	ID       string
	Pos      Pos
	Title    string
	When     *Expr
	Kind     string // historical or counterfactual
	Fallback bool
	Text     string
	Inline   *Inline // Text's inline text; nil when it has none
	History  string
}
