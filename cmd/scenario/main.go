// Command scenario is the authors' and testers' tool for Bianjing 1125's campaigns: it validates
// scenario files, plays a campaign in the terminal, and lists every event's history note.
//
//	scenario validate [DIR]
//	scenario play [--seed N] [--choices ID,ID,...] [--historical] [--load FILE] [--save FILE]
//	scenario facts
//	scenario autoplay --runs N [--seed S] [--strategy random|historical|cautious|bold] [--json] [--timing]
//	scenario explore [--budget N] [--seed S]
//	scenario graph [--budget N] [--seed S]
//
// The exit status is 0 on success, 1 when the scenarios or a save are at fault, 2 on misuse.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `usage:
  scenario validate [DIR]          check every campaign under DIR (default scenarios/)
  scenario play [flags]            play a campaign in the terminal
  scenario facts [flags]           print each event's history note, tab-separated
  scenario autoplay [flags]        play many seeded games and count what they reach
  scenario explore [flags]         try every open choice at every decision; report coverage
  scenario graph [flags]           print the story as Graphviz DOT

Run "scenario COMMAND -h" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run carries out one command and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "play":
		return play(args[1:], stdin, stdout, stderr)
	case "facts":
		return facts(args[1:], stdout, stderr)
	case "autoplay":
		return autoplayCmd(args[1:], stdout, stderr)
	case "explore":
		return explore(args[1:], stdout, stderr)
	case "graph":
		return graph(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "scenario: unknown command %q\n%s", args[0], usage)
	return 2
}
