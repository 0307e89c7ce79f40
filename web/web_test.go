package web

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFilesAreTheNamedOnes(t *testing.T) {
	var got []string
	err := fs.WalkDir(Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got = append(got, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Sorted(slices.Values(Names))
	if !slices.Equal(got, want) {
		t.Errorf("embedded %v, Names lists %v", got, want)
	}
}

func TestPageHoldsWhatTheLoaderNeeds(t *testing.T) {
	page, err := Files.ReadFile("index.html")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(page), SizeMeta); n != 1 {
		t.Errorf("index.html holds %s %d times, want once", SizeMeta, n)
	}
	for _, id := range []string{"loader", "rule", "status", "detail", "start", "retry", "sr-mirror"} {
		if !strings.Contains(string(page), `id="`+id+`"`) {
			t.Errorf("index.html has no element with id %q, which loader.js uses", id)
		}
	}
}

// TestLoaderParses checks loader.js's syntax with Node, where Node is installed.
func TestLoaderParses(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	src, err := Files.ReadFile("loader.js")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "loader.js")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(node, "--check", path).CombinedOutput(); err != nil {
		t.Errorf("node --check loader.js: %v\n%s", err, out)
	}
}
