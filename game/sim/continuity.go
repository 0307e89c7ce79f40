package sim

import (
	"fmt"

	"github.com/bianjing1125/bianjing/game/calendar"
	"github.com/bianjing1125/bianjing/game/scenario"
)

// Broken is an assumption that did not hold when the text that makes it was told: the text
// contradicts the game. Log is how many choices had been taken then, so that the game's seed and
// Log()[:Log] replay it.
type Broken struct {
	Assumes *scenario.Expr
	Teller  Teller // what told the text
	Day     calendar.Day
	Log     int
}

// Teller is what tells a text: an event (Variant > 0: its variant Variant, counted from 1), a
// choice, an outcome of a choice, or an ending.
type Teller struct {
	Event   *scenario.Event
	Variant int
	Choice  *scenario.Choice
	Outcome *scenario.Outcome
	Ending  *scenario.Ending
}

// String names the teller: "event ID", "variant 2 of event ID", "choice ID", "outcome ID",
// "outcome 1 of choice ID", "ending ID".
func (t Teller) String() string {
	switch {
	case t.Ending != nil:
		return "ending " + t.Ending.ID
	case t.Outcome != nil:
		return outcomeName(t.Choice, t.Outcome)
	case t.Choice != nil:
		return "choice " + t.Choice.ID
	case t.Variant > 0:
		return fmt.Sprintf("variant %d of event %s", t.Variant, t.Event.ID)
	case t.Event != nil:
		return "event " + t.Event.ID
	}
	return "a text"
}

// Claim says where and what, whatever the day: "FILE:LINE:COL: assumes "...", which does not
// hold when event X is told".
func (b Broken) Claim() string {
	p := b.Assumes.Pos
	return fmt.Sprintf("%s:%d:%d: assumes %q, which does not hold when %s is told", p.File, p.Line, p.Col, b.Assumes.Source, b.Teller)
}

// String is Claim with the day: "... when event X is told (Xuanhe 7/12/1)".
func (b Broken) String() string { return b.Claim() + " (" + b.Day.Short() + ")" }

// maxBroken bounds how many broken assumptions one game keeps.
const maxBroken = 100

// Broken returns the assumptions that did not hold when their text was told, in order. The
// caller must not change it.
func (g *Game) Broken() []Broken { return g.broken }

// Prose returns text as it would be told now: its inline text (in, which may be nil) resolved in
// the world as it stands. For front ends that tell a text again; what the game told when it
// happened is in its chronicle.
func (g *Game) Prose(text string, in *scenario.Inline) string {
	if in == nil {
		return text
	}
	return in.Render(g.truthFn(), nil)
}

// tell returns text as told now, checking the assumptions of its inline text.
func (g *Game) tell(text string, in *scenario.Inline, where Teller) string {
	if in == nil {
		return text
	}
	g.telling = where
	return in.Render(g.truthFn(), g.assumedFn())
}

// check checks the assumptions of a text told now.
func (g *Game) check(assumes []*scenario.Expr, where Teller) {
	for _, e := range assumes {
		if !g.truth(e, false) && g.err == nil {
			g.breaks(e, where)
		}
	}
}

func (g *Game) breaks(e *scenario.Expr, where Teller) {
	if len(g.broken) < maxBroken {
		g.broken = append(g.broken, Broken{Assumes: e, Teller: where, Day: g.today, Log: len(g.log)})
	}
}

// truthFn and assumedFn are the game's evaluators as functions, made once a game.
func (g *Game) truthFn() func(*scenario.Expr) bool {
	if g.truthF == nil {
		g.truthF = func(e *scenario.Expr) bool { return g.truth(e, false) }
	}
	return g.truthF
}

func (g *Game) assumedFn() func(*scenario.Expr) {
	if g.assumedF == nil {
		g.assumedF = func(e *scenario.Expr) {
			if !g.truth(e, false) && g.err == nil {
				g.breaks(e, g.telling)
			}
		}
	}
	return g.assumedF
}

// checkOffered checks the assumptions of the choices offered at the pending decision.
func (g *Game) checkOffered() {
	for _, ch := range g.pending.Choices {
		if len(ch.Assumes) > 0 && g.truth(ch.Show, true) {
			g.check(ch.Assumes, Teller{Event: g.pending, Choice: ch})
		}
	}
}

// outcomeName names an outcome for Broken: "outcome ID" or "outcome 2 of choice ID".
func outcomeName(ch *scenario.Choice, o *scenario.Outcome) string {
	if o.ID != "" {
		return "outcome " + o.ID
	}
	for i, x := range ch.Outcomes {
		if x == o {
			return fmt.Sprintf("outcome %d of choice %s", i+1, ch.ID)
		}
	}
	return "an outcome of choice " + ch.ID
}

// EndingText returns the text of the ending reached, as told (its inline text resolved when the
// game ended); "" while the game goes on.
func (g *Game) EndingText() string {
	for i := len(g.chronicle) - 1; i >= 0; i-- {
		if g.chronicle[i].Kind == EndingRecord {
			return g.chronicle[i].Text
		}
	}
	return ""
}
