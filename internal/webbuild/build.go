// Package webbuild makes, serves and packs the browser build of Bianjing 1125: one folder holding
// the game compiled to WebAssembly (bianjing.wasm), Go's wasm_exec.js and the page from package
// web. cmd/webserve serves that folder with precompressed .gz and .br variants (Handler);
// cmd/webpack zips its plain files for itch.io (Zip).
package webbuild

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/bianjing1125/bianjing/web"
)

// Names of the files Build writes besides the page's.
const (
	WasmName     = "bianjing.wasm"
	WasmExecName = "wasm_exec.js"
)

// GamePackage is the main package Build compiles, relative to the module root.
const GamePackage = "./cmd/bianjing"

// DefaultBrotliQuality is the brotli quality cmd/webserve uses unless told otherwise.
//
// Measured with andybalholm/brotli on this project's 2-core machine and the ~20 MB game:
// quality 11 took 58-61 s on an idle machine (111 s while other builds ran) for 3.28-3.36 MB;
// quality 10, 26 s for 3.41 MB; quality 9, 4 s for 3.72-3.83 MB; gzip -9 takes 2.6 s for
// 4.6-4.7 MB. A minute or more of compression after a one-second incremental build would make
// every restart of the local server wait for almost nothing (over loopback the size hardly
// changes the load time), so the default is 9. Pass 11 to see what a host that precompresses at
// the highest level would send.
const DefaultBrotliQuality = 9

// Options says how Build makes the folder.
type Options struct {
	// Dir is the folder to fill; it is created if missing.
	Dir string
	// Go is the go command to build with; "go" when empty. wasm_exec.js is taken from the same
	// Go's GOROOT, so that it matches the compiler.
	Go string
	// Package is the game's main package; GamePackage when empty.
	Package string
	// SkipBuild keeps the bianjing.wasm already in Dir instead of compiling it.
	SkipBuild bool
	// Compress writes a .gz and a .br beside every file, for Handler.
	Compress bool
	// BrotliQuality is the brotli quality, 0 to 11, used when Compress is set.
	BrotliQuality int
	// Log receives a line for each step; nil for none.
	Log io.Writer
}

// Sizes are the sizes in bytes of one file and of its compressed variants (0 when not made).
type Sizes struct {
	Raw, Gzip, Brotli int64
}

// Report says what Build made and how long its steps took.
type Report struct {
	// Wasm is the size of bianjing.wasm and of its variants.
	Wasm Sizes
	// BuildTime is the time the go build took (0 with SkipBuild).
	BuildTime time.Duration
	// CompressTime is the time all the compression took (0 without Compress).
	CompressTime time.Duration
}

// Build fills o.Dir with the game for the browser: bianjing.wasm (compiled unless o.SkipBuild),
// wasm_exec.js from the Go toolchain, the page from package web with the wasm's size written into
// it and, with o.Compress, a .gz and a .br variant of every file.
func Build(ctx context.Context, o Options) (Report, error) {
	var r Report
	goCmd := o.Go
	if goCmd == "" {
		goCmd = "go"
	}
	pkg := o.Package
	if pkg == "" {
		pkg = GamePackage
	}
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format+"\n", args...)
		}
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return r, fmt.Errorf("make the output folder: %w", err)
	}
	wasm := filepath.Join(o.Dir, WasmName)
	if !o.SkipBuild {
		logf("building %s for js/wasm into %s", pkg, wasm)
		start := time.Now()
		if err := BuildWasm(ctx, goCmd, pkg, wasm); err != nil {
			return r, err
		}
		r.BuildTime = time.Since(start)
	}
	info, err := os.Stat(wasm)
	if err != nil {
		return r, fmt.Errorf("the game's WebAssembly is missing (build it, or drop the no-build option): %w", err)
	}
	r.Wasm.Raw = info.Size()
	if err := CopyWasmExec(ctx, goCmd, o.Dir); err != nil {
		return r, err
	}
	if err := WritePage(o.Dir, r.Wasm.Raw); err != nil {
		return r, err
	}
	if o.Compress {
		logf("compressing (gzip best, brotli quality %d)", o.BrotliQuality)
		start := time.Now()
		if err := Precompress(o.Dir, o.BrotliQuality); err != nil {
			return r, err
		}
		r.CompressTime = time.Since(start)
		if r.Wasm.Gzip, err = fileSize(wasm + ".gz"); err != nil {
			return r, err
		}
		if r.Wasm.Brotli, err = fileSize(wasm + ".br"); err != nil {
			return r, err
		}
	}
	return r, nil
}

// BuildWasm compiles the main package pkg for js/wasm, stripped, into the file out, with the go
// command goCmd run in the current folder.
func BuildWasm(ctx context.Context, goCmd, pkg, out string) error {
	cmd := exec.CommandContext(ctx, goCmd, "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var output bytes.Buffer
	cmd.Stdout = &output
	cmd.Stderr = &output
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("GOOS=js GOARCH=wasm %s build %s: %w\n%s", goCmd, pkg, err, strings.TrimSpace(output.String()))
	}
	return nil
}

// CopyWasmExec copies wasm_exec.js from the GOROOT of the go command goCmd into dir.
func CopyWasmExec(ctx context.Context, goCmd, dir string) error {
	out, err := exec.CommandContext(ctx, goCmd, "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("ask %s for its GOROOT: %w", goCmd, err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", WasmExecName)
	data, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("read Go's %s: %w", WasmExecName, err)
	}
	return writeFile(filepath.Join(dir, WasmExecName), data)
}

// WritePage writes the page's files from package web into dir, with wasmSize, the size of
// bianjing.wasm in bytes, in index.html's web.SizeMeta tag (left empty when wasmSize is 0).
func WritePage(dir string, wasmSize int64) error {
	for _, name := range web.Names {
		data, err := web.Files.ReadFile(name)
		if err != nil {
			return fmt.Errorf("read the embedded %s: %w", name, err)
		}
		if name == "index.html" && wasmSize > 0 {
			page := string(data)
			if strings.Count(page, web.SizeMeta) != 1 {
				return fmt.Errorf("index.html must hold %s exactly once", web.SizeMeta)
			}
			filled := strings.Replace(web.SizeMeta, `content=""`, `content="`+strconv.FormatInt(wasmSize, 10)+`"`, 1)
			data = []byte(strings.Replace(page, web.SizeMeta, filled, 1))
		}
		if err := writeFile(filepath.Join(dir, name), data); err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes data to path through a temporary file in the same folder, so that a server
// reading the folder never sees half a file.
func writeFile(path string, data []byte) error {
	return writeWith(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeWith creates path through a temporary file in the same folder, filled by fill, and renames
// it into place only when fill and the close succeed.
func writeWith(path string, fill func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := fill(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func fileSize(path string) (int64, error) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", path, err)
	}
	return info.Size(), nil
}
