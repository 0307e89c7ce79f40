package scenario_test

import (
	"strings"
	"testing"

	"github.com/bianjing1125/bianjing/game/scenario"
)

// inlineEvents is an events file whose text (a block scalar) is body.
func inlineEvents(body string) map[string]string {
	return map[string]string{"c/later.yaml": `events:
  - id: two
    date: Xuanhe 7/12/15
    title: Two
    text: |
      ` + strings.ReplaceAll(body, "\n", "\n      ") + `
    history: {date: Xuanhe 7/12/15, tag: invented, happened: H., sources: [none]}
`}
}

func TestInlineRender(t *testing.T) {
	tests := []struct {
		body       string
		yes, no    string // told when every condition holds, and when none does
		conditions int
	}{
		{"Li Ye {chosen(a): offered to go|went north}.", "Li Ye offered to go.", "Li Ye went north.", 1},
		{"The marshals {seen('one'): were courteous. }Once was too much.", "The marshals were courteous. Once was too much.", "The marshals Once was too much.", 1},
		{"He {warned: also} came.", "He also came.", "He came.", 1},
		{"Li Ye {chosen(a): , who offered,} was silent.", "Li Ye, who offered, was silent.", "Li Ye was silent.", 1},
		{"{trust > 50: High. {warned: Warned.|Calm.}|Low.}", "High. Warned.", "Low.", 2},
		{"A {{brace}} stays.", "A {brace} stays.", "A {brace} stays.", 0},
		{"{(trust > 50 ? true : false): Ternary in brackets.}", "Ternary in brackets.", "", 1},
		{"{tong_guan == 'fled': He: gone.|Here: still.}", "He: gone.", "Here: still.", 1},
		{"{assumes: tong_guan == \"in_office\"}Tong Guan reads it.", "Tong Guan reads it.", "Tong Guan reads it.", 1},
		{"First.\n\n{warned: Second.}\n\nThird.", "First.\n\nSecond.\n\nThird.", "First.\n\nThird.", 1},
	}
	for _, tt := range tests {
		c, err := load(t, inlineEvents(tt.body))
		if err != nil {
			t.Fatalf("%q: %v", tt.body, err)
		}
		ev, _ := c.Event("two")
		if tt.conditions == 0 {
			if ev.Inline != nil && ev.Inline.Otherwise() != tt.no {
				t.Errorf("%q: told %q", tt.body, ev.Inline.Otherwise())
			}
			continue
		}
		if ev.Inline == nil {
			t.Fatalf("%q: no inline text", tt.body)
		}
		n := 0
		ev.Inline.Conditions(func(*scenario.Expr, bool) { n++ })
		if n != tt.conditions {
			t.Errorf("%q: %d conditions, want %d", tt.body, n, tt.conditions)
		}
		yes := ev.Inline.Render(func(*scenario.Expr) bool { return true }, nil)
		if yes != tt.yes {
			t.Errorf("%q all true: %q, want %q", tt.body, yes, tt.yes)
		}
		if no := ev.Inline.Otherwise(); no != tt.no {
			t.Errorf("%q all false: %q, want %q", tt.body, no, tt.no)
		}
	}
}

func TestInlineProblems(t *testing.T) {
	// The text starts on line 6, column 7 of c/later.yaml.
	tests := []struct{ body, want string }{
		{"Li Ye {chosen(aa): went}.", `c/later.yaml:6:21: event two text inline text: chosen(aa): no choice has the id "aa" (did you mean a or b?)`},
		{"Line one.\nLi Ye {trsut > 5: went}.", "c/later.yaml:7:14: event two text inline text: unknown name trsut"},
		{"Li Ye {no colon here}.", "c/later.yaml:6:13: event two text: inline text is {condition: text|other text}"},
		{"Li Ye {warned: went.", "event two text: inline text is not closed with }"},
		{"Li Ye went.}", "c/later.yaml:6:18: event two text: a } that closes nothing"},
		{"{warned: a|b|c}", "a second | in one inline text"},
		{"{: a}", "inline text without a condition"},
		{"{assumes: }x", "{assumes: } without a condition"},
		{"{trust + 1: a}", "expected bool"},
		{"{assumes: tong_guan == 'fleed'}x", `"fleed" is not a status`},
		{strings.Repeat("{warned: ", 10) + "x" + strings.Repeat("}", 10), "nested more than 8 deep"},
	}
	for _, tt := range tests {
		_, err := load(t, inlineEvents(tt.body))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q:\ngot  %v\nwant %s", tt.body, err, tt.want)
		}
	}
	// Braces where inline text is not read.
	_, err := load(t, map[string]string{"c/events.yaml": strings.Replace(base["c/events.yaml"], "text: A.", "text: \"A {warned: b}.\"", 1)})
	if err == nil || !strings.Contains(err.Error(), "c/events.yaml:8:18: choice a text: braces are inline text") {
		t.Errorf("braces in a choice's text: %v", err)
	}
}

func TestAssumesProblems(t *testing.T) {
	ev := func(assumes string) map[string]string {
		return map[string]string{"c/later.yaml": "events:\n  - id: two\n    date: Xuanhe 7/12/15\n    title: Two\n    text: T.\n" +
			"    assumes: " + assumes + "\n" +
			"    history: {date: Xuanhe 7/12/15, tag: invented, happened: H., sources: [none]}\n"}
	}
	c, err := load(t, ev("[chosen(a), \"tong_guan == 'in_office'\"]"))
	if err != nil {
		t.Fatal(err)
	}
	two, _ := c.Event("two")
	if len(two.Assumes) != 2 {
		t.Fatalf("assumes = %v", two.Assumes)
	}
	for _, tt := range []struct{ assumes, want string }{
		{"chosen(aa)", `c/later.yaml:6:21: event two assumes: chosen(aa): no choice has the id "aa"`},
		{"[warned, trust]", "c/later.yaml:6:23: event two assumes: expected bool"},
		{"[]", "event two assumes: an empty list"},
		{"{a: b}", "event two assumes must be a single value"},
	} {
		_, err := load(t, ev(tt.assumes))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s:\ngot  %v\nwant %s", tt.assumes, err, tt.want)
		}
	}
}
