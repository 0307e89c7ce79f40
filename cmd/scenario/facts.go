package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// facts prints one tab-separated line per event's history note: id, Song date, Julian date,
// tag, sources and precision (day, or month when the record gives only the month and the
// dates are its first day).
func facts(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("facts", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var cf campaignFlags
	cf.register(fl)
	if err := fl.Parse(args); err != nil {
		return 2
	}
	campaigns, err := cf.all()
	if err != nil {
		printLoadError(stderr, err)
		return 1
	}
	clean := strings.NewReplacer("\t", " ", "\n", " ")
	for _, c := range campaigns {
		for _, ev := range c.Events {
			h := ev.History
			precision := "day"
			if h.Month {
				precision = "month" // the date is the month's first day
			}
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\t%s\n", ev.ID, h.Date.Short(), h.Date.ISO(), h.Tag,
				clean.Replace(strings.Join(h.Sources, "; ")), precision)
		}
	}
	return 0
}
