package save

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/bianjing1125/bianjing/game/sim"
)

// stepDigits is how many hex digits of the story one step takes: 16 bits, so that a changed
// step passes unnoticed once in 65,536.
const stepDigits = 4

// Story returns the digest of what g told, step by step: for each choice of its log, four hex
// digits standing for everything told before that decision since the choice before it, and
// four more for what was told after the last choice. What is told is the structure of the
// chronicle, not its wording: which events fired and which variant of each, which outcome each
// choice drew, what the armies did, which ending was reached. Mending a sentence keeps the story;
// a scene that no longer fires, or fires in another telling, changes it.
func Story(g *sim.Game) string {
	var b strings.Builder
	chron := g.Chronicle()
	from := 0
	for {
		d, next := stepDigest(chron, from)
		fmt.Fprintf(&b, "%04x", d)
		if next >= len(chron) {
			break
		}
		from = next
	}
	return b.String()
}

// stepDigest digests the records of chron from index from up to the next choice record (left
// out), and returns the digest and the index of that choice record (len(chron) when there is
// none). A choice record starts its step: what it drew was told after the decision.
func stepDigest(chron []sim.Record, from int) (uint16, int) {
	h := fnv.New32a()
	i := from
	for ; i < len(chron); i++ {
		r := chron[i]
		if r.Kind == sim.ChoiceRecord && i > from {
			break
		}
		h.Write([]byte(recordKey(r)))
		h.Write([]byte{0})
	}
	sum := h.Sum32()
	return uint16(sum ^ sum>>16), i
}

// recordKey is what a record told, without its wording.
func recordKey(r sim.Record) string {
	switch r.Kind {
	case sim.EventRecord:
		return "e " + r.Event.ID + " " + strconv.Itoa(r.Variant)
	case sim.ChoiceRecord:
		outcome := -1
		for i, o := range r.Choice.Outcomes {
			if o == r.Outcome {
				outcome = i
			}
		}
		return "c " + r.Choice.ID + " " + strconv.Itoa(outcome)
	case sim.EndingRecord:
		return "x " + r.Ending.ID
	case sim.WarRecord:
		place := ""
		if r.Place != nil {
			place = r.Place.ID
		}
		return "w " + r.Army.ID + " " + string(r.War) + " " + place
	}
	return "?"
}

// storySteps splits a story into its steps' digests; ok is false when it is not a story of n
// choices.
func storySteps(story string, n int) ([]uint16, bool) {
	if len(story) != stepDigits*(n+1) {
		return nil, false
	}
	out := make([]uint16, n+1)
	for i := range out {
		v, err := strconv.ParseUint(story[i*stepDigits:(i+1)*stepDigits], 16, 16)
		if err != nil {
			return nil, false
		}
		out[i] = uint16(v)
	}
	return out, true
}

// storyCheck follows a replay step by step against the story a save recorded.
type storyCheck struct {
	steps []uint16 // nil: the save recorded none
	from  int      // where in the chronicle the present step starts
}

// differs reports whether what g has told since the last choice differs from step i of the
// saved story.
func (sc *storyCheck) differs(g *sim.Game, i int) bool {
	if sc.steps == nil {
		return false
	}
	d, next := stepDigest(g.Chronicle(), sc.from)
	sc.from = next
	return d != sc.steps[i]
}
