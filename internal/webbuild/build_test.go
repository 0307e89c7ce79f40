package webbuild

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/bianjing1125/bianjing/web"
)

func TestWritePageFillsTheSize(t *testing.T) {
	dir := t.TempDir()
	if err := WritePage(dir, 19852301); err != nil {
		t.Fatal(err)
	}
	for _, name := range web.Names {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<meta name="wasm-size" content="19852301">`) {
		t.Errorf("index.html lacks the filled size tag")
	}
	for _, want := range []string{`id="sr-mirror"`, `aria-live="polite"`, `src="wasm_exec.js"`, `src="loader.js"`, `href="style.css"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

func TestPrecompressRoundTrips(t *testing.T) {
	dir := t.TempDir()
	body := []byte(strings.Repeat("汴京 Bianjing 1125 ", 500))
	if err := os.WriteFile(filepath.Join(dir, "a.js"), body, 0o644); err != nil {
		t.Fatal(err)
	}
	// A variant whose file is gone must go too.
	if err := os.WriteFile(filepath.Join(dir, "gone.js.br"), []byte("stale"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Precompress(dir, 5); err != nil {
		t.Fatal(err)
	}
	if err := Precompress(dir, 5); err != nil { // twice: variants are not compressed again
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"a.js", "a.js.br", "a.js.gz"}; !slices.Equal(names, want) {
		t.Fatalf("folder holds %v, want %v", names, want)
	}
	gz, err := os.Open(filepath.Join(dir, "a.js.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	br, err := os.Open(filepath.Join(dir, "a.js.br"))
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	for name, r := range map[string]io.Reader{"gzip": zr, "brotli": brotli.NewReader(br)} {
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, body) {
			t.Errorf("%s variant does not decode to the file", name)
		}
	}
	if err := Precompress(dir, 12); err == nil {
		t.Error("brotli quality 12 accepted")
	}
}

// TestBuildWithoutCompiling fills a folder around a stand-in wasm, as --no-build does.
func TestBuildWithoutCompiling(t *testing.T) {
	dir := t.TempDir()
	wasm := []byte("\x00asm\x01\x00\x00\x00stand-in")
	if err := os.WriteFile(filepath.Join(dir, WasmName), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), Options{Dir: dir, SkipBuild: true, Compress: true, BrotliQuality: 5})
	if err != nil {
		t.Fatal(err)
	}
	if r.Wasm.Raw != int64(len(wasm)) || r.Wasm.Gzip == 0 || r.Wasm.Brotli == 0 {
		t.Errorf("sizes %+v", r.Wasm)
	}
	for _, name := range []string{"index.html", "loader.js", "style.css", WasmExecName, WasmName} {
		for _, ext := range []string{"", ".gz", ".br"} {
			if _, err := os.Stat(filepath.Join(dir, name+ext)); err != nil {
				t.Errorf("%s%s missing: %v", name, ext, err)
			}
		}
	}
	exec, err := os.ReadFile(filepath.Join(dir, WasmExecName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(exec, []byte("globalThis.Go = class")) {
		t.Error("wasm_exec.js does not define Go")
	}
}

func TestBuildWithoutWasm(t *testing.T) {
	_, err := Build(context.Background(), Options{Dir: t.TempDir(), SkipBuild: true})
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("got %v, want an error about the missing wasm", err)
	}
}

func TestZipLayout(t *testing.T) {
	dir := fakeSite(t) // plain files, sub/note.txt, and .gz/.br variants of each
	zipPath := filepath.Join(t.TempDir(), "out", "game.zip")
	names, err := WriteZip(dir, zipPath)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"bianjing.wasm", "index.html", "loader.js", "style.css", "sub/note.txt", "wasm_exec.js"}
	if !slices.Equal(names, want) {
		t.Errorf("WriteZip wrote %v, want %v", names, want)
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var got []string
	for _, f := range zr.File {
		got = append(got, f.Name)
		if f.Method != zip.Deflate {
			t.Errorf("%s stored with method %d, want deflate", f.Name, f.Method)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		plain, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, plain) {
			t.Errorf("%s in the zip differs from the file", f.Name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("the zip holds %v, want %v", got, want)
	}
}

func TestZipNeedsIndex(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, WasmName), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Zip(dir, io.Discard); err == nil {
		t.Error("a folder without index.html was zipped")
	}
	if _, err := WriteZip(dir, filepath.Join(dir, "sub", "x.zip")); err == nil {
		t.Error("an archive inside the folder it packs was accepted")
	}
}
