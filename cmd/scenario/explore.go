package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/bianjing1125/bianjing/game/autoplay"
	"github.com/bianjing1125/bianjing/game/scenario"
)

// exploreFlags are the flags of explore and graph.
type exploreFlags struct {
	campaignFlags
	seed   uint64
	seeds  int
	budget int
}

func (ef *exploreFlags) register(fl *flag.FlagSet) {
	ef.campaignFlags.register(fl)
	fl.Uint64Var(&ef.seed, "seed", 1, "the first seed explored games are played with")
	fl.IntVar(&ef.seeds, "seeds", 4, "how many seeds, from --seed on: each sees other draws of chance")
	fl.IntVar(&ef.budget, "budget", 20000, "the most games to replay, over all seeds")
}

// explore searches every enabled choice at every reachable decision and reports what was
// reached; exit 1 when an event, choice or ending was not, or a game could not go on.
func explore(args []string, stdout, stderr io.Writer) int {
	c, x, status := exploreCampaign("explore", args, stderr)
	if c == nil {
		return status
	}
	nChoices := 0
	for _, ev := range c.Events {
		nChoices += len(ev.Choices)
	}
	fmt.Fprintf(stdout, "campaign %s, seeds %d to %d (weighted draws follow these seeds only), budget %d\n", c.ID, x.Seeds[0], x.Seeds[len(x.Seeds)-1], x.Budget)
	done := "the budget ran out before every state was visited"
	if x.Exhausted {
		done = "every reachable state visited"
	}
	fmt.Fprintf(stdout, "replays %d, distinct states %d: %s\n", x.Replays, x.States, done)
	fmt.Fprintf(stdout, "coverage: events %d/%d, choices %d/%d, endings %d/%d\n",
		len(x.Events), len(c.Events), len(x.Choices), nChoices, len(x.Endings), len(c.Endings))
	fmt.Fprintln(stdout, "\nendings (distinct final states, first path found):")
	for _, e := range c.Endings {
		if p := x.Endings[e.ID]; p != nil {
			fmt.Fprintf(stdout, "  %s: %d\n    --seed %d --choices %s\n", e.ID, p.Count, p.Seed, strings.Join(p.Choices, ","))
		}
	}
	printPaths(stdout, "dead ends (a decision with no open choice)", x.DeadEnds)
	printPaths(stdout, "errors", x.Errors)
	printPaths(stdout, "broken assumptions (text that contradicts the game; the path ends at the decision after which it is told)", x.Broken)
	events, choices, endings := x.Missing(c)
	missing := false
	for _, m := range []struct {
		what string
		ids  []string
	}{{"events", events}, {"choices", choices}, {"endings", endings}} {
		if len(m.ids) > 0 {
			missing = true
			fmt.Fprintf(stdout, "\nnever reached: %s: %s\n", m.what, strings.Join(m.ids, ", "))
		}
	}
	if missing || len(x.DeadEnds) > 0 || len(x.Errors) > 0 || len(x.Broken) > 0 {
		return 1
	}
	return 0
}

func printPaths(w io.Writer, title string, m map[string]*autoplay.Path) {
	if len(m) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s:\n", title)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(w, "  %s: %d\n    --seed %d --choices %s\n", k, m[k].Count, m[k].Seed, strings.Join(m[k].Choices, ","))
	}
}

// graph prints the story as Graphviz DOT: what explore reached, and what it did not.
func graph(args []string, stdout, stderr io.Writer) int {
	c, x, status := exploreCampaign("graph", args, stderr)
	if c == nil {
		return status
	}
	writeDOT(stdout, c, x)
	return 0
}

// writeDOT writes the campaign as a DOT digraph. Events are boxes, choices small ellipses under
// their event, endings double octagons; edges from choices and reports lead to what followed them
// in explored play. Red: never reached by explore. Orange fill: an event without a history
// source. Bold purple border: a decision where explore found no open choice (a dead end).
func writeDOT(w io.Writer, c *scenario.Campaign, x *autoplay.Exploration) {
	q := func(s string) string {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
	}
	fmt.Fprintf(w, "digraph %s {\n", q(c.ID))
	fmt.Fprintln(w, "  rankdir=TB;")
	fmt.Fprintln(w, `  node [fontname="Helvetica", fontsize=10];`)
	fmt.Fprintln(w, `  "start" [shape=circle, label="start"];`)
	for _, ev := range c.Events {
		attrs := []string{"shape=box", "label=" + q(ev.ID+"\n"+ev.Title)}
		if !x.Events[ev.ID] {
			attrs = append(attrs, "color=red", "fontcolor=red")
		}
		if len(ev.History.Sources) == 0 {
			attrs = append(attrs, "style=filled", "fillcolor=orange")
		}
		if x.DeadEnds[ev.ID] != nil {
			attrs = append(attrs, "penwidth=3", "color=purple")
		}
		fmt.Fprintf(w, "  %s [%s];\n", q("event:"+ev.ID), strings.Join(attrs, ", "))
		for _, ch := range ev.Choices {
			attrs := []string{"shape=ellipse", "fontsize=8", "label=" + q(ch.ID)}
			if !x.Choices[ch.ID] {
				attrs = append(attrs, "color=red", "fontcolor=red")
			}
			fmt.Fprintf(w, "  %s [%s];\n", q("choice:"+ch.ID), strings.Join(attrs, ", "))
			fmt.Fprintf(w, "  %s -> %s [arrowhead=none];\n", q("event:"+ev.ID), q("choice:"+ch.ID))
		}
	}
	for _, e := range c.Endings {
		attrs := []string{"shape=doubleoctagon", "label=" + q(e.ID+"\n"+e.Title)}
		if x.Endings[e.ID] == nil {
			attrs = append(attrs, "color=red", "fontcolor=red")
		}
		fmt.Fprintf(w, "  %s [%s];\n", q("ending:"+e.ID), strings.Join(attrs, ", "))
	}
	edges := slices.SortedFunc(maps.Keys(x.Edges), func(a, b [2]string) int {
		if a[0] != b[0] {
			return strings.Compare(a[0], b[0])
		}
		return strings.Compare(a[1], b[1])
	})
	for _, e := range edges {
		fmt.Fprintf(w, "  %s -> %s;\n", q(e[0]), q(e[1]))
	}
	fmt.Fprintln(w, "}")
}

// exploreCampaign parses the flags explore and graph share, loads the campaign and explores it.
// On failure the campaign is nil and status is the exit status.
func exploreCampaign(name string, args []string, stderr io.Writer) (c *scenario.Campaign, x *autoplay.Exploration, status int) {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	var ef exploreFlags
	ef.register(fl)
	if err := fl.Parse(args); err != nil {
		return nil, nil, 2
	}
	if fl.NArg() > 0 || ef.budget < 1 || ef.seeds < 1 {
		fmt.Fprintf(stderr, "usage: scenario %s [--budget N] [--seed S] [--seeds N]\n", name)
		return nil, nil, 2
	}
	campaigns, err := ef.all()
	if err != nil {
		printLoadError(stderr, err)
		return nil, nil, 1
	}
	c = campaigns[0]
	seeds := make([]uint64, ef.seeds)
	for i := range seeds {
		seeds[i] = ef.seed + uint64(i)
	}
	return c, autoplay.Explore(c, seeds, ef.budget), 0
}
