package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/bianjing1125/bianjing/game/autoplay"
)

// autoplayCmd plays many seeded games with one strategy and reports how often each event, choice
// and ending was reached. The report is the same byte for byte for the same flags; the time of
// the slowest run is printed only with --timing, on a last line of its own.
func autoplayCmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("autoplay", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var cf campaignFlags
	cf.register(fl)
	runs := fl.Int("runs", 100, "how many games to play")
	seed := fl.Uint64("seed", 1, "the seed of the first game; game i uses seed+i")
	strategy := fl.String("strategy", "random", "random, historical, cautious or bold")
	asJSON := fl.Bool("json", false, "print the report as JSON")
	timing := fl.Bool("timing", false, "also print the slowest run's time (not deterministic)")
	workers := fl.Int("workers", 0, "games played at once (default: one per CPU); the report does not depend on it")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 || *runs < 1 {
		fmt.Fprintln(stderr, "usage: scenario autoplay --runs N [--seed S] [--strategy random|historical|cautious|bold] [--json] [--timing]")
		return 2
	}
	st, err := autoplay.ParseStrategy(*strategy)
	if err != nil {
		fmt.Fprintf(stderr, "scenario autoplay: %v\n", err)
		return 2
	}
	campaigns, err := cf.all()
	if err != nil {
		printLoadError(stderr, err)
		return 1
	}
	c := campaigns[0]
	r := autoplay.Run(c, autoplay.Config{Runs: *runs, Seed: *seed, Strategy: st, Workers: *workers})
	if *asJSON {
		out := struct {
			autoplay.Report
			SlowestSeed *uint64  `json:"slowest_seed,omitempty"`
			SlowestMS   *float64 `json:"slowest_ms,omitempty"`
		}{Report: r}
		if *timing {
			ms := float64(r.Slowest.Time.Microseconds()) / 1000
			out.SlowestSeed, out.SlowestMS = &r.Slowest.Seed, &ms
		}
		b, _ := json.MarshalIndent(out, "", "  ")
		fmt.Fprintf(stdout, "%s\n", b)
	} else {
		printReport(stdout, r)
		if *timing {
			fmt.Fprintf(stdout, "timing: slowest run seed %d, %v\n", r.Slowest.Seed, r.Slowest.Time)
		}
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(stderr, "scenario autoplay: %d of %d runs could not go on\n", len(r.Errors), r.Runs)
		return 1
	}
	return 0
}

func printReport(w io.Writer, r autoplay.Report) {
	fmt.Fprintf(w, "campaign %s, strategy %s, %d runs, seeds %d..%d\n", r.Campaign, r.Strategy, r.Runs, r.FirstSeed, r.FirstSeed+uint64(r.Runs)-1)
	fmt.Fprintf(w, "turns: min %d, median %d, max %d\n", r.Turns.Min, r.Turns.Median, r.Turns.Max)
	fmt.Fprintf(w, "decisions: min %d, median %d, max %d\n", r.Decisions.Min, r.Decisions.Median, r.Decisions.Max)
	fmt.Fprintf(w, "errors: %d\n", len(r.Errors))
	for _, e := range r.Errors {
		fmt.Fprintf(w, "  seed %d: %s\n", e.Seed, e.Err)
	}
	fmt.Fprintln(w, "\nendings:")
	for _, e := range r.Endings {
		fmt.Fprintf(w, "  %-32s %6d %6.1f%%\n", e.ID, e.Runs, e.Percent)
	}
	fmt.Fprintln(w, "\nevents and choices:")
	for _, ev := range r.Events {
		fmt.Fprintf(w, "  %-32s %6d %6.1f%%\n", ev.ID, ev.Runs, ev.Percent)
		for _, ch := range ev.Choices {
			fmt.Fprintf(w, "    %-30s %6d %6.1f%%\n", ch.ID, ch.Runs, ch.Percent)
		}
	}
}
