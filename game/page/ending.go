package page

import (
	"cmp"
	"slices"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
)

// Words of the ending page.
const (
	// HistoricalKind heads an ending history knows.
	HistoricalKind = "The ending history knows"
	// CounterfactualKind heads any other ending.
	CounterfactualKind = "A counterfactual ending"
	// Stopped is said when the game stopped without an ending or an error.
	Stopped = "The game stopped."
	// CouldNotGoOn starts what stopped a campaign that could not go on.
	CouldNotGoOn = "The campaign could not go on: "
	// BesideTheRecord starts the ending's history note in the transcript.
	BesideTheRecord = "Beside the record: "
	// CompareHeading heads the player's course set beside history's.
	CompareHeading = "Your reign beside the record  ·  史鑑"
	// DateColumn, YoursColumn and RecordColumn head the comparison's columns.
	DateColumn   = "Date"
	YoursColumn  = "Your court"
	RecordColumn = "The record"
	// HistoryEnds starts the ending history's game reached.
	HistoryEnds = "History ends: "
	// Absent stands for a step one of the two courses did not take.
	Absent = "—"
	// Diverged marks a step where the courses part, where colour cannot.
	Diverged = "the courses part here"
)

// End is the ending page: the epilogue and what the record says, or why the game stopped.
type End struct {
	Ending  *scenario.Ending // nil when the game stopped without one
	Kind    string           // HistoricalKind or CounterfactualKind; "" without an ending
	Title   string
	Text    Text
	History Text // the ending beside the record
	// Stopped says why the game stopped when it has no ending: Stopped, or CouldNotGoOn and the
	// error; "" when it has one.
	Stopped string
}

// EndOf returns the ending page of g: its ending, or why it stopped.
func EndOf(g *sim.Game) *End {
	if e := g.Ending(); e != nil {
		end := Ending(g.Campaign(), e)
		if chron := g.Chronicle(); len(chron) > 0 && chron[len(chron)-1].Kind == sim.EndingRecord {
			end.Text = NewText(g.Campaign(), chron[len(chron)-1].Text) // as told, inline text resolved
		}
		return end
	}
	if err := g.Err(); err != nil {
		return &End{Stopped: CouldNotGoOn + err.Error()}
	}
	return &End{Stopped: Stopped}
}

// Ending returns the page of ending e of campaign c.
func Ending(c *scenario.Campaign, e *scenario.Ending) *End {
	kind := CounterfactualKind
	if e.Kind == "historical" {
		kind = HistoricalKind
	}
	text := e.Text
	if e.Inline != nil {
		text = e.Inline.Otherwise()
	}
	return &End{Ending: e, Kind: kind, Title: e.Title, Text: NewText(c, text), History: NewText(c, e.History)}
}

// Codex returns the ids of the codex entries the ending page names, each once.
func (e *End) Codex() []string { return e.History.appendCodex(e.Text.appendCodex(nil)) }

// Comparison is a finished game's course set beside the course history took, played on the
// same campaign with the same seed: one row for each event either met, in order of date.
type Comparison struct {
	Rows []Row
	// HistoryEnding is the ending history's game reached; nil when it did not end.
	HistoryEnding *scenario.Ending
}

// Row is one dated step of the comparison: the event and what was chosen at it, in the
// player's game and in history's.
type Row struct {
	Date   Date
	Yours  string // the event's title and the choice, or Absent
	Record string
	// Diverges says that the courses part here: one met the event and the other did not, or
	// they chose differently.
	Diverges bool
}

// HistoryEnds is the last line of the comparison: "History ends: " and the ending's title.
func (c *Comparison) HistoryEnds() string {
	if c.HistoryEnding == nil {
		return HistoryEnds + Absent
	}
	return HistoryEnds + c.HistoryEnding.Title
}

// step is one dated step of a game: an event and what was chosen at it.
type step struct {
	date   Date
	event  *scenario.Event
	choice *scenario.Choice
}

// course returns the steps of g, in order.
func course(g *sim.Game) []step {
	var out []step
	for _, r := range g.Chronicle() {
		switch r.Kind {
		case sim.EventRecord:
			out = append(out, step{date: DateOf(r.Day), event: r.Event})
		case sim.ChoiceRecord:
			if n := len(out); n > 0 && out[n-1].event == r.Event {
				out[n-1].choice = r.Choice
			}
		}
	}
	return out
}

// Historical plays g's campaign as history went, with g's seed: at each decision the choice
// history took, or the first open one.
func Historical(g *sim.Game) *sim.Game {
	h := sim.New(g.Campaign(), g.Seed())
	for !h.Over() {
		if err := h.Choose(h.HistoricalChoice()); err != nil {
			break
		}
	}
	return h
}

// Compare sets g's course beside history's. It plays the whole campaign once: call it once,
// when the game ends, and keep what it returns.
func Compare(g *sim.Game) *Comparison {
	return CompareWith(g, Historical(g))
}

// CompareWith sets g's course beside the course of hist, a game history played.
func CompareWith(g, hist *sim.Game) *Comparison {
	mine, theirs := course(g), course(hist)
	mineBy := map[*scenario.Event]step{}
	for _, st := range mine {
		mineBy[st.event] = st
	}
	theirsBy := map[*scenario.Event]step{}
	for _, st := range theirs {
		theirsBy[st.event] = st
	}
	steps := append(append([]step{}, mine...), theirs...)
	sortSteps(steps)
	out := &Comparison{HistoryEnding: hist.Ending()}
	seen := map[*scenario.Event]bool{}
	for _, st := range steps {
		if seen[st.event] {
			continue
		}
		seen[st.event] = true
		m, inMine := mineBy[st.event]
		t, inTheirs := theirsBy[st.event]
		out.Rows = append(out.Rows, Row{
			Date:     st.date,
			Yours:    describe(m, inMine),
			Record:   describe(t, inTheirs),
			Diverges: inMine != inTheirs || (inMine && m.choice != t.choice),
		})
	}
	return out
}

// describe says what a course did at a step: the event's title and the choice, or Absent.
func describe(st step, ok bool) string {
	switch {
	case !ok:
		return Absent
	case st.choice != nil:
		return st.event.Title + ": " + st.choice.Text
	}
	return st.event.Title
}

// sortSteps orders steps by day, keeping the order of steps on the same day.
func sortSteps(steps []step) {
	slices.SortStableFunc(steps, func(a, b step) int { return cmp.Compare(a.date.Day, b.date.Day) })
}
