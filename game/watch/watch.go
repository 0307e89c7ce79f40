// Package watch notices when the scenario files of a folder change, by polling their names,
// sizes and modification times: no file-system notifications and no dependencies, so it works
// alike on every platform and on any fs.FS. The window's live preview for authors uses it.
//
// A Poller compares a Snapshot of the folder with the last one it reported; a change is
// reported once the folder has stayed the same for a number of polls (Settle), so that an
// editor's save in several steps is reloaded once, whole.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// Match reports whether a file name is one a campaign folder is read from: *.yaml and *.yml,
// as the scenario loader reads them.
func Match(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

// File is what a snapshot knows of one file.
type File struct {
	Name    string
	Size    int64
	ModTime time.Time
}

// Snapshot is the state of a folder's scenario files at one moment.
type Snapshot struct {
	Files []File // sorted by name
	Err   string // why the folder could not be read; "" when it could
}

// Take lists the scenario files directly in folder dir of fsys with their sizes and
// modification times. A folder that cannot be read gives a snapshot with Err set; a file that
// vanishes while it is listed is left out.
func Take(fsys fs.FS, dir string) Snapshot {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return Snapshot{Err: err.Error()}
	}
	s := Snapshot{Files: make([]File, 0, len(entries))}
	for _, e := range entries {
		if e.IsDir() || !Match(e.Name()) {
			continue
		}
		info, err := e.Info()
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Snapshot{Err: err.Error()}
		}
		s.Files = append(s.Files, File{Name: e.Name(), Size: info.Size(), ModTime: info.ModTime()})
	}
	return s // in name order, as fs.ReadDir returns entries
}

// Equal reports whether two snapshots show the same files, sizes and times, and the same error.
func (s Snapshot) Equal(t Snapshot) bool {
	if s.Err != t.Err || len(s.Files) != len(t.Files) {
		return false
	}
	for i, f := range s.Files {
		g := t.Files[i]
		if f.Name != g.Name || f.Size != g.Size || !f.ModTime.Equal(g.ModTime) {
			return false
		}
	}
	return true
}

// Kind says how a file changed.
type Kind int

// The kinds of change.
const (
	Added Kind = iota + 1
	Removed
	Modified
	// Unreadable is the folder itself becoming unreadable (Name holds why), and Readable its
	// becoming readable again.
	Unreadable
	Readable
)

var kindNames = map[Kind]string{Added: "added", Removed: "removed", Modified: "changed", Unreadable: "unreadable", Readable: "readable"}

func (k Kind) String() string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Change is one difference between two snapshots.
type Change struct {
	Name string
	Kind Kind
}

func (c Change) String() string {
	switch c.Kind {
	case Unreadable:
		return "the folder cannot be read: " + c.Name
	case Readable:
		return "the folder can be read again"
	}
	return c.Name + " " + c.Kind.String()
}

// Diff lists what changed from old to cur, by file name.
func Diff(old, cur Snapshot) []Change {
	var out []Change
	switch {
	case cur.Err != "" && cur.Err != old.Err:
		out = append(out, Change{Name: cur.Err, Kind: Unreadable})
	case cur.Err == "" && old.Err != "":
		out = append(out, Change{Kind: Readable})
	}
	i, j := 0, 0
	for i < len(old.Files) || j < len(cur.Files) {
		switch {
		case j == len(cur.Files) || (i < len(old.Files) && old.Files[i].Name < cur.Files[j].Name):
			out = append(out, Change{Name: old.Files[i].Name, Kind: Removed})
			i++
		case i == len(old.Files) || cur.Files[j].Name < old.Files[i].Name:
			out = append(out, Change{Name: cur.Files[j].Name, Kind: Added})
			j++
		default:
			f, g := old.Files[i], cur.Files[j]
			if f.Size != g.Size || !f.ModTime.Equal(g.ModTime) {
				out = append(out, Change{Name: g.Name, Kind: Modified})
			}
			i++
			j++
		}
	}
	return out
}

// Describe says in a few words what changed, for a notice: "events.yaml changed",
// "a.yaml and b.yaml changed", "3 files changed", "new.yaml added". A file named twice is
// counted once.
func Describe(changes []Change) string {
	var names []string
	seen := map[string]bool{}
	kinds := map[Kind]bool{}
	for _, c := range changes {
		switch c.Kind {
		case Unreadable, Readable:
			return c.String()
		}
		if !seen[c.Name] {
			seen[c.Name] = true
			names = append(names, c.Name)
		}
		kinds[c.Kind] = true
	}
	verb := "changed"
	if len(kinds) == 1 {
		for k := range kinds {
			verb = k.String()
		}
	}
	switch len(names) {
	case 0:
		return "nothing changed"
	case 1:
		return names[0] + " " + verb
	case 2:
		return names[0] + " and " + names[1] + " " + verb
	}
	return fmt.Sprintf("%d files %s", len(names), verb)
}

// Poller reports changes to a folder's scenario files, one poll at a time.
type Poller struct {
	fsys   fs.FS
	dir    string
	settle int

	last    Snapshot // the snapshot last reported (or the first one taken)
	pending Snapshot // a different snapshot not yet reported
	seen    int      // how many polls in a row have seen pending; 0 when there is none
}

// NewPoller takes the first snapshot of folder dir of fsys. A change is reported once the
// folder has looked the same for settle polls after the one that first saw it (0: at once).
func NewPoller(fsys fs.FS, dir string, settle int) *Poller {
	return &Poller{fsys: fsys, dir: dir, settle: max(settle, 0), last: Take(fsys, dir)}
}

// Last returns the snapshot last reported, or the first one taken.
func (p *Poller) Last() Snapshot { return p.last }

// Poll takes a snapshot and returns what changed since the last report when the change has
// settled; nil otherwise.
func (p *Poller) Poll() []Change {
	return p.next(Take(p.fsys, p.dir))
}

// next is Poll with the snapshot given.
func (p *Poller) next(s Snapshot) []Change {
	switch {
	case s.Equal(p.last): // back as it was, or never changed
		p.seen = 0
		return nil
	case p.seen > 0 && s.Equal(p.pending):
		p.seen++
	default:
		p.pending, p.seen = s, 1
	}
	if p.seen <= p.settle {
		return nil
	}
	changes := Diff(p.last, s) // never empty: s differs from p.last
	p.last, p.pending, p.seen = s, Snapshot{}, 0
	return changes
}

// Watch polls p every interval until stop is closed, calling changed with each change
// reported. It runs in the caller's goroutine: start it with go.
func Watch(p *Poller, every time.Duration, stop <-chan struct{}, changed func([]Change)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			if ch := p.Poll(); ch != nil {
				changed(ch)
			}
		}
	}
}
