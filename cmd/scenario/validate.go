package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/bianjing1125/bianjing/game/lint"
	"github.com/bianjing1125/bianjing/game/scenario"
)

// validate checks every campaign under a folder and prints a summary or every problem.
func validate(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("validate", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprintln(stderr, "usage: scenario validate [DIR]   (default scenarios/)") }
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 1 {
		fl.Usage()
		return 2
	}
	dir := "scenarios"
	if fl.NArg() == 1 {
		dir = fl.Arg(0)
	}
	src := diskSource(dir)
	folders, err := src.folders()
	if err != nil {
		fmt.Fprintf(stderr, "scenario validate: %v\n", err)
		return 1
	}
	var campaigns []*scenario.Campaign
	failed := false
	for _, f := range folders {
		c, err := src.load(f)
		if err != nil {
			printLoadError(stdout, err)
			failed = true
			continue
		}
		campaigns = append(campaigns, c)
	}
	if failed {
		return 1
	}
	events, choices, endings := 0, 0, 0
	for _, c := range campaigns {
		printWarnings(stdout, c)
		events += len(c.Events)
		endings += len(c.Endings)
		for _, ev := range c.Events {
			choices += len(ev.Choices)
		}
	}
	fmt.Fprintf(stdout, "%s: %d campaign(s) valid: %d events, %d choices, %d endings\n", dir, len(campaigns), events, choices, endings)
	return 0
}

// printWarnings prints what game/lint finds in c, one a line as FILE:LINE:COL: warning: ....
// Warnings do not change the exit status.
func printWarnings(w io.Writer, c *scenario.Campaign) {
	for _, warn := range lint.Campaign(c) {
		fmt.Fprintln(w, warn)
	}
}
