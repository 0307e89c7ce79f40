package main

import (
	"bufio"
	"flag"
	"fmt"
	"github.com/bianjing1125/bianjing/game/autoplay"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/bianjing1125/bianjing/game/save"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/game/transcript"
)

// play plays a campaign in the terminal: choices come from --choices, then --historical, then
// standard input, one a line (a number or a choice id).
func play(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("play", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var cf campaignFlags
	cf.register(fl)
	seed := fl.Uint64("seed", 0, "the seed of the random generator (default: from the clock)")
	choices := fl.String("choices", "", "comma-separated choice ids to take in order; ID#N forces outcome N, as explore prints paths")
	historical := fl.Bool("historical", false, "take the course history took at every decision")
	load := fl.String("load", "", "continue the game saved in this file")
	saveTo := fl.String("save", "", "save the game to this file when play stops")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "scenario play: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	seedSet := false
	fl.Visit(func(f *flag.Flag) { seedSet = seedSet || f.Name == "seed" })

	var g *sim.Game
	if *load != "" {
		s, err := save.ReadFile(*load)
		if err != nil {
			fmt.Fprintf(stderr, "scenario play: cannot load the save: %v\n", err)
			return 1
		}
		cf.id = s.Campaign
		campaigns, err := cf.all()
		if err != nil {
			printLoadError(stderr, err)
			return 1
		}
		g2, stop, err := save.Replay(campaigns[0], s)
		if err != nil {
			fmt.Fprintf(stderr, "scenario play: cannot load the save %s: %v\n", *load, err)
			return 1
		}
		if stop != nil {
			fmt.Fprintf(stderr, "scenario play: %s: %v\n", *load, stop)
		}
		g = g2
	} else {
		campaigns, err := cf.all()
		if err != nil {
			printLoadError(stderr, err)
			return 1
		}
		if !seedSet {
			*seed = uint64(time.Now().UnixNano())
		}
		g = sim.New(campaigns[0], *seed)
	}
	c := g.Campaign()
	fmt.Fprintf(stdout, "%s (campaign %s, version %d), seed %d\n\n", c.Title, c.ID, c.Version, g.Seed())
	out := transcript.New(stdout)
	out.Para(c.Role, "")

	var queue []string
	for _, id := range strings.Split(*choices, ",") {
		if id = strings.TrimSpace(id); id != "" {
			queue = append(queue, id)
		}
	}
	interactive := isTerminal(stdin)
	lines := bufio.NewScanner(stdin)
	status := 0
	for {
		out.Flush(g)
		if g.Err() != nil {
			fmt.Fprintf(stderr, "scenario play: the campaign cannot go on: %v\n", g.Err())
			status = 1
			break
		}
		if g.Ending() != nil {
			break
		}
		out.Options(g)
		id, from := "", ""
		switch {
		case len(queue) > 0:
			id, queue, from = queue[0], queue[1:], "--choices"
		case *historical:
			id, from = g.HistoricalChoice(), "--historical"
		default:
			if interactive {
				fmt.Fprint(stdout, "\nYour counsel (number or id)? ")
			}
			if !lines.Scan() {
				fmt.Fprintf(stdout, "\npending: %s; no choice left to take (give one with --choices ID or on standard input)\n", g.Pending().ID)
				return finish(g, *saveTo, stderr, 0)
			}
			id, from = pickFrom(g, lines.Text()), "input"
		}
		choice, outcome := autoplay.SplitMove(id) // explore's paths force outcomes: "id#1"
		if err := g.ChooseOutcome(choice, outcome); err != nil {
			fmt.Fprintf(stderr, "scenario play: %s: %v\n", from, err)
			if from != "input" {
				return finish(g, *saveTo, stderr, 1)
			}
		}
	}
	return finish(g, *saveTo, stderr, status)
}

// pickFrom reads a line of input as an option number or a choice id.
func pickFrom(g *sim.Game, line string) string {
	line = strings.TrimSpace(line)
	if n, err := strconv.Atoi(line); err == nil {
		if opts := g.Options(); n >= 1 && n <= len(opts) {
			return opts[n-1].Choice.ID
		}
	}
	return line
}

// finish saves the game when asked and returns the exit status.
func finish(g *sim.Game, path string, stderr io.Writer, status int) int {
	if path == "" {
		return status
	}
	if err := save.WriteFile(path, save.Of(g)); err != nil {
		fmt.Fprintf(stderr, "scenario play: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "saved to %s\n", path)
	return status
}

// isTerminal reports whether r is a terminal, where a prompt makes sense.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
