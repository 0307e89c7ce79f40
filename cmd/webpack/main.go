// Command webpack builds Bianjing 1125 for the browser and zips it for itch.io:
//
//	go run ./cmd/webpack [--out dist/bianjing1125-web.zip] [--dir FOLDER] [--no-build]
//
// It makes the same folder as cmd/webserve (bianjing.wasm, wasm_exec.js and the page, index.html
// at the root) but without the .gz and .br variants, since itch.io serves the plain files and the
// zip compresses them itself. The folder is a temporary one unless --dir names it; --no-build zips
// a --dir whose bianjing.wasm is already built. Run it from the module's root.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/bianjing1125/bianjing/internal/webbuild"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "webpack:", err)
		os.Exit(1)
	}
}

// run builds and zips as args say.
func run(ctx context.Context, args []string, stdout io.Writer) (err error) {
	fl := flag.NewFlagSet("webpack", flag.ContinueOnError)
	out := fl.String("out", "dist/bianjing1125-web.zip", "write the zip here")
	dir := fl.String("dir", "", "build in this folder and keep it (default: a temporary folder)")
	noBuild := fl.Bool("no-build", false, "keep the bianjing.wasm already in --dir")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	if *noBuild && *dir == "" {
		return errors.New("--no-build needs --dir, the folder that holds the built game")
	}
	folder := *dir
	if folder == "" {
		if folder, err = os.MkdirTemp("", "bianjing-web-"); err != nil {
			return fmt.Errorf("make a build folder: %w", err)
		}
		defer func() {
			if rerr := os.RemoveAll(folder); rerr != nil && err == nil {
				err = fmt.Errorf("remove the build folder: %w", rerr)
			}
		}()
	}
	rep, err := webbuild.Build(ctx, webbuild.Options{Dir: folder, SkipBuild: *noBuild, Log: stdout})
	if err != nil {
		return err
	}
	names, err := webbuild.WriteZip(folder, *out)
	if err != nil {
		return err
	}
	info, err := os.Stat(*out)
	if err != nil {
		return fmt.Errorf("size of the zip: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s: %d files, %.2f MB (%s %.2f MB unzipped)\n",
		*out, len(names), float64(info.Size())/1e6, webbuild.WasmName, float64(rep.Wasm.Raw)/1e6)
	return nil
}
