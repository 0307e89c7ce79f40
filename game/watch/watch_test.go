package watch

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
	"time"
)

var t0 = time.Date(1125, 12, 27, 9, 0, 0, 0, time.UTC)

func at(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }

func file(data string, mtime int) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(data), ModTime: at(mtime)}
}

func TestTake(t *testing.T) {
	fsys := fstest.MapFS{
		"c/events.yaml":    file("events: []", 2),
		"c/campaign.yaml":  file("campaign: {}", 1),
		"c/endings.yml":    file("x", 3),
		"c/notes.txt":      file("not read", 4),
		"c/events.yaml~":   file("a backup", 5),
		"c/sub/more.yaml":  file("in a subfolder: not read", 6),
		"c/dir.yaml/a.txt": file("a folder named .yaml: not read", 7),
	}
	tests := []struct {
		name string
		dir  string
		want Snapshot
	}{
		{"scenario files, sorted", "c", Snapshot{Files: []File{
			{"campaign.yaml", 12, at(1)}, {"endings.yml", 1, at(3)}, {"events.yaml", 10, at(2)},
		}}},
		{"an invalid path", "c/sub/..", Snapshot{Err: "invalid"}},
		{"no such folder", "missing", Snapshot{Err: "open missing: file does not exist"}},
		{"a folder with no scenario files", "c/dir.yaml", Snapshot{Files: []File{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Take(fsys, tt.dir)
			if tt.want.Err != "" {
				if got.Err == "" || got.Files != nil {
					t.Fatalf("Take(%s) = %+v, want an error", tt.dir, got)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Take(%s) =\n%+v\nwant\n%+v", tt.dir, got, tt.want)
			}
		})
	}
}

func snap(files ...File) Snapshot { return Snapshot{Files: files} }

func f(name string, size int64, mtime int) File { return File{name, size, at(mtime)} }

func TestEqualAndDiff(t *testing.T) {
	a := f("a.yaml", 10, 1)
	b := f("b.yaml", 20, 1)
	c := f("c.yaml", 30, 1)
	tests := []struct {
		name     string
		old, cur Snapshot
		want     []Change
	}{
		{"the same", snap(a, b), snap(a, b), nil},
		{"both empty", snap(), snap(), nil},
		{"one touched", snap(a, b), snap(a, f("b.yaml", 20, 2)), []Change{{"b.yaml", Modified}}},
		{"one grown, same time", snap(a, b), snap(a, f("b.yaml", 21, 1)), []Change{{"b.yaml", Modified}}},
		{"one added first", snap(b), snap(a, b), []Change{{"a.yaml", Added}}},
		{"one added last", snap(a), snap(a, c), []Change{{"c.yaml", Added}}},
		{"one removed", snap(a, b, c), snap(a, c), []Change{{"b.yaml", Removed}}},
		{"all removed", snap(a, b), snap(), []Change{{"a.yaml", Removed}, {"b.yaml", Removed}}},
		{"renamed", snap(a, b), snap(a, f("d.yaml", 20, 1)), []Change{{"b.yaml", Removed}, {"d.yaml", Added}}},
		{"everything at once", snap(a, b), snap(f("a.yaml", 11, 1), c), []Change{{"a.yaml", Modified}, {"b.yaml", Removed}, {"c.yaml", Added}}},
		{"unreadable", snap(a), Snapshot{Err: "gone"}, []Change{{"gone", Unreadable}, {"a.yaml", Removed}}},
		{"readable again", Snapshot{Err: "gone"}, snap(a), []Change{{"", Readable}, {"a.yaml", Added}}},
		{"another error", Snapshot{Err: "gone"}, Snapshot{Err: "denied"}, []Change{{"denied", Unreadable}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(tt.old, tt.cur)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff = %v, want %v", got, tt.want)
			}
			if eq := tt.old.Equal(tt.cur); eq != (tt.want == nil) {
				t.Errorf("Equal = %v with changes %v", eq, tt.want)
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		changes []Change
		want    string
	}{
		{nil, "nothing changed"},
		{[]Change{{"events.yaml", Modified}}, "events.yaml changed"},
		{[]Change{{"new.yaml", Added}}, "new.yaml added"},
		{[]Change{{"a.yaml", Modified}, {"b.yaml", Modified}}, "a.yaml and b.yaml changed"},
		{[]Change{{"a.yaml", Removed}, {"b.yaml", Added}}, "a.yaml and b.yaml changed"},
		{[]Change{{"a.yaml", Modified}, {"b.yaml", Modified}, {"c.yaml", Modified}}, "3 files changed"},
		{[]Change{{"a.yaml", Modified}, {"a.yaml", Modified}}, "a.yaml changed"},
		{[]Change{{"no such folder", Unreadable}, {"a.yaml", Removed}}, "the folder cannot be read: no such folder"},
		{[]Change{{"", Readable}, {"a.yaml", Added}}, "the folder can be read again"},
	}
	for _, tt := range tests {
		if got := Describe(tt.changes); got != tt.want {
			t.Errorf("Describe(%v) = %q, want %q", tt.changes, got, tt.want)
		}
	}
}

// TestPoller feeds a poller a sequence of snapshots and checks what each poll reports.
func TestPoller(t *testing.T) {
	a1, a2, a3 := snap(f("a.yaml", 1, 1)), snap(f("a.yaml", 2, 2)), snap(f("a.yaml", 3, 3))
	gone := Snapshot{Err: "gone"}
	mod := []Change{{"a.yaml", Modified}}
	tests := []struct {
		name   string
		settle int
		polls  []Snapshot // the folder at each poll; the poller starts on a1
		want   [][]Change // what each poll reports
	}{
		{"nothing changes", 1, []Snapshot{a1, a1, a1}, [][]Change{nil, nil, nil}},
		{"at once", 0, []Snapshot{a1, a2, a2, a3}, [][]Change{nil, mod, nil, mod}},
		{"settled over one poll", 1, []Snapshot{a2, a2, a2}, [][]Change{nil, mod, nil}},
		{"settled over two polls", 2, []Snapshot{a2, a2, a2, a2}, [][]Change{nil, nil, mod, nil}},
		{"written in two steps", 1, []Snapshot{a2, a3, a3, a3}, [][]Change{nil, nil, mod, nil}},
		{"changed and changed back", 1, []Snapshot{a2, a1, a1}, [][]Change{nil, nil, nil}},
		{"changed back after it was reported", 1, []Snapshot{a2, a2, a1, a1}, [][]Change{nil, mod, nil, mod}},
		{"folder gone", 1, []Snapshot{gone, gone}, [][]Change{nil, {{"gone", Unreadable}, {"a.yaml", Removed}}}},
		{"folder back", 0, []Snapshot{gone, a1}, [][]Change{{{"gone", Unreadable}, {"a.yaml", Removed}}, {{"", Readable}, {"a.yaml", Added}}}},
		{"negative settle is zero", -3, []Snapshot{a2}, [][]Change{mod}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Poller{settle: max(tt.settle, 0), last: a1}
			for i, s := range tt.polls {
				got := p.next(s)
				if !reflect.DeepEqual(got, tt.want[i]) {
					t.Fatalf("poll %d: %v, want %v", i+1, got, tt.want[i])
				}
			}
		})
	}
}

// TestPollFS polls a folder in memory as an author edits it.
func TestPollFS(t *testing.T) {
	fsys := fstest.MapFS{"c/campaign.yaml": file("campaign: {}", 1)}
	p := NewPoller(fsys, "c", 1)
	if got := p.Last(); len(got.Files) != 1 {
		t.Fatalf("first snapshot %+v", got)
	}
	steps := []struct {
		edit func()
		want []Change
	}{
		{func() {}, nil},
		{func() { fsys["c/events.yaml"] = file("events: []", 2) }, nil},
		{func() {}, []Change{{"events.yaml", Added}}},
		{func() { fsys["c/notes.md"] = file("not watched", 3) }, nil},
		{func() {}, nil},
		{func() { fsys["c/events.yaml"] = file("events: [] # more", 4) }, nil},
		{func() {}, []Change{{"events.yaml", Modified}}},
		{func() { delete(fsys, "c/events.yaml") }, nil},
		{func() {}, []Change{{"events.yaml", Removed}}},
	}
	for i, st := range steps {
		st.edit()
		if got := p.Poll(); !reflect.DeepEqual(got, st.want) {
			t.Fatalf("poll %d: %v, want %v", i+1, got, st.want)
		}
	}
}

// TestWatch watches a real folder from a goroutine.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "campaign.yaml")
	if err := os.WriteFile(path, []byte("campaign: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := NewPoller(os.DirFS(dir), ".", 1)
	stop := make(chan struct{})
	got := make(chan []Change, 10)
	done := make(chan struct{})
	go func() {
		Watch(p, 5*time.Millisecond, stop, func(c []Change) { got <- c })
		close(done)
	}()
	if err := os.WriteFile(path, []byte("campaign: {id: x}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-got:
		if want := []Change{{"campaign.yaml", Modified}}; !reflect.DeepEqual(c, want) {
			t.Errorf("reported %v, want %v", c, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported")
	}
	close(stop)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Watch did not stop")
	}
}
