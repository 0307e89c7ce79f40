package main

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRunZipsTheFolder packs a fake folder that a server left with .gz and .br variants and an
// old page: the zip holds the fresh page and the plain files only, index.html at its root.
func TestRunZipsTheFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"bianjing.wasm":    "\x00asm\x01\x00\x00\x00stand-in",
		"bianjing.wasm.br": "compressed",
		"bianjing.wasm.gz": "compressed",
		"index.html":       "old page",
		"index.html.gz":    "compressed",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	zipPath := filepath.Join(t.TempDir(), "dist", "game.zip")
	if err := run(context.Background(), []string{"--dir", dir, "--no-build", "--out", zipPath}, io.Discard); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name != "index.html" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		page, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), `<meta name="wasm-size" content="16">`) {
			t.Errorf("index.html in the zip is not the fresh page with the wasm's size")
		}
	}
	want := []string{"bianjing.wasm", "index.html", "loader.js", "style.css", "wasm_exec.js"}
	if !slices.Equal(names, want) {
		t.Errorf("the zip holds %v, want %v", names, want)
	}
}

func TestRunNoBuildNeedsDir(t *testing.T) {
	err := run(context.Background(), []string{"--no-build"}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--dir") {
		t.Errorf("got %v, want an error naming --dir", err)
	}
}
