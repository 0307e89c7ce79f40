package transcript_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/game/sim"
	"github.com/bianjing1125/bianjing/game/transcript"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts")

// TestGolden plays the engine's small test campaign along set paths and compares the whole
// transcript, options, court and history notes included, with testdata/NAME.txt.
func TestGolden(t *testing.T) {
	c, err := scenario.Load(os.DirFS("../sim/testdata"), "mini")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		seed    uint64
		choices []string
	}{
		{"historical", 1, []string{"send_quietly", "let_him_go"}},
		{"warned-heeded", 3, []string{"warn_court", "beg_him_stay"}},
		{"warned-pending", 4, []string{"warn_court"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			p := transcript.New(&out)
			g := sim.New(c, tt.seed)
			for _, id := range tt.choices {
				p.Flush(g)
				p.Options(g)
				if err := g.Choose(id); err != nil {
					t.Fatalf("choose %s: %v", id, err)
				}
			}
			p.Flush(g)
			if !g.Over() {
				p.Options(g)
			}
			path := filepath.Join("testdata", tt.name+".txt")
			if *update {
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("transcript differs from %s (rerun with -update after checking):\n%s", path, out.String())
			}
		})
	}
}

// TestNoSources prints a history note that cites no sources without an empty "Sources: ." (a
// campaign folder being written may have none yet).
func TestNoSources(t *testing.T) {
	c, err := scenario.Load(os.DirFS("../sim/testdata"), "mini")
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range c.Events {
		ev.History.Sources = nil
	}
	var out bytes.Buffer
	p := transcript.New(&out)
	g := sim.New(c, 1)
	if err := g.Choose("send_quietly"); err != nil {
		t.Fatal(err)
	}
	p.Flush(g)
	got := out.String()
	if strings.Contains(got, "Sources") {
		t.Errorf("a note without sources names them:\n%s", got)
	}
	if !strings.Contains(got, "History (Xuanhe 7/11/19, 1125-12-15; attested): Tong Guan sent Ma Kuo and Xin\n  Xingzong to Zonghan.\n") {
		t.Errorf("the note is not printed whole:\n%s", got)
	}
}
