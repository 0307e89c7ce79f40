package scenario_test

import (
	"strings"
	"testing"
)

// memoryEvents is a second events file whose conditions read the memory of the first.
func memoryEvents(when string) map[string]string {
	return map[string]string{"c/later.yaml": `events:
  - id: two
    date: Xuanhe 7/12/15
    when: ` + when + `
    title: Two
    text: Text.
    choices:
      - id: c
        text: C.
        outcomes:
          - {id: c_well, weight: "1", text: Well.}
          - {weight: "1", text: Ill.}
    history: {date: Xuanhe 7/12/15, tag: invented, happened: H., sources: [none]}
`}
}

func TestMemoryCalls(t *testing.T) {
	for _, when := range []string{
		`"seen('one') && chosen('a')"`,
		`seen(one) && !chosen(b)`,
		`"seen(\"one\") || drawn('c_well')"`,
		`"seen('one') && days_since('one') >= 3"`,
	} {
		c, err := load(t, memoryEvents(when))
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		ev, _ := c.Event("two")
		if ev.When == nil || len(ev.When.Slots) == 0 {
			t.Fatalf("%s: the condition reads no slot: %+v", when, ev.When)
		}
		for _, s := range ev.When.Slots {
			if s < 0 || s >= c.Slots() {
				t.Fatalf("%s: slot %d outside 0..%d", when, s, c.Slots())
			}
		}
		if strings.Contains(when, "days_since") != ev.When.Clock {
			t.Errorf("%s: Clock = %v", when, ev.When.Clock)
		}
	}
	c, err := load(t, memoryEvents(`"seen('one') && chosen('a')"`))
	if err != nil {
		t.Fatal(err)
	}
	one, _ := c.Event("one")
	a, _ := c.Choice("a")
	b, _ := c.Choice("b")
	if one.Recall == nil || a.Recall == nil || b.Recall != nil || len(c.Recalls()) != 2 {
		t.Fatalf("recalls: event %v, a %v, b %v, all %d", one.Recall, a.Recall, b.Recall, len(c.Recalls()))
	}
}

func TestMemoryProblems(t *testing.T) {
	tests := []struct{ when, want string }{
		{`"seen('onee')"`, `c/later.yaml:4:17: event two when: seen(onee): no event has the id "onee" (did you mean one?)`},
		{`"chosen('one')"`, `c/later.yaml:4:19: event two when: chosen(one): one is an event, not a choice: seen('one') reads it`},
		{`"drawn('c')"`, `drawn(c): c is a choice, not an outcome: chosen('c') reads it`},
		{`"seen('one', 'a')"`, `c/later.yaml:4:12: event two when: seen takes one event id`},
		{`"days_since(1) > 2"`, `days_since takes one event id`},
		{`"seen(turn + 1)"`, `seen takes one event id`},
	}
	for _, tt := range tests {
		_, err := load(t, memoryEvents(tt.when))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v\nwant %s", tt.when, err, tt.want)
		}
	}
	_, err := load(t, map[string]string{"c/x.yaml": "flags:\n  - id: seen\n"})
	if err == nil || !strings.Contains(err.Error(), `"seen" is built in`) {
		t.Errorf("a flag named seen: %v", err)
	}
	_, err = load(t, map[string]string{"c/later.yaml": strings.Replace(memoryEvents("seen(one)")["c/later.yaml"], "c_well", "a", 1)})
	if err == nil || !strings.Contains(err.Error(), `outcome id "a" is already the id of an event or a choice`) {
		t.Errorf("an outcome with a choice's id: %v", err)
	}
}
