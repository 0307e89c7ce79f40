package scenario

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one mistake found in a scenario, at a position in a file.
type Problem struct {
	Pos     Pos
	Message string
}

// String formats the problem as FILE:LINE:COL: message.
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.Pos.File, p.Pos.Line, p.Pos.Col, p.Message)
}

// Problems is every mistake found while loading a campaign. It is the error Load returns.
type Problems []Problem

// Error lists the problems, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sort orders problems by file, line and column, keeping the order of those found at one place.
func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// report collects problems as they are found.
type report struct {
	problems Problems
}

func (r *report) add(pos Pos, format string, args ...any) {
	r.problems = append(r.problems, Problem{Pos: pos, Message: fmt.Sprintf(format, args...)})
}
