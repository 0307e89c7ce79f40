// Command webserve builds Bianjing 1125 for the browser and serves it on this machine:
//
//	go run ./cmd/webserve [--addr 127.0.0.1:8125] [--out web/dist] [--no-build] [--brotli 9]
//
// It compiles ./cmd/bianjing with GOOS=js GOARCH=wasm into OUT/bianjing.wasm (unless --no-build),
// copies wasm_exec.js from the same Go, writes the page from package web, precompresses every
// file as .gz and .br, prints the URL and the sizes of the wasm, and serves OUT until interrupted:
// on a loopback address only, with the compressed variant the browser accepts and no-cache, so
// that a reload picks up a new build. Run it from the module's root.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/bianjing1125/bianjing/internal/webbuild"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "webserve:", err)
		os.Exit(1)
	}
}

// run builds and serves as args say until ctx ends.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("webserve", flag.ContinueOnError)
	addr := fl.String("addr", "127.0.0.1:8125", "serve on this loopback address and port")
	out := fl.String("out", "web/dist", "build into and serve this folder")
	noBuild := fl.Bool("no-build", false, "keep the bianjing.wasm already in the folder")
	quality := fl.Int("brotli", webbuild.DefaultBrotliQuality, "brotli quality, 0 to 11 (11 takes about a minute)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	if err := checkLoopback(*addr); err != nil {
		return err
	}
	rep, err := webbuild.Build(ctx, webbuild.Options{
		Dir: *out, SkipBuild: *noBuild, Compress: true, BrotliQuality: *quality, Log: stdout,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %s raw, %s gzip, %s brotli (quality %d)\n", webbuild.WasmName,
		megabytes(rep.Wasm.Raw), megabytes(rep.Wasm.Gzip), megabytes(rep.Wasm.Brotli), *quality)
	if !*noBuild {
		fmt.Fprintf(stdout, "build %.1f s, ", rep.BuildTime.Seconds())
	}
	fmt.Fprintf(stdout, "compression %.1f s\n", rep.CompressTime.Seconds())

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	fmt.Fprintf(stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", *out, ln.Addr())
	return serve(ctx, ln, *out)
}

// serve serves the folder dir on ln until ctx ends.
func serve(ctx context.Context, ln net.Listener, dir string) error {
	h, err := webbuild.NewHandler(dir)
	if err != nil {
		ln.Close()
		return err
	}
	defer h.Close()
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("stop serving: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// checkLoopback refuses an address that is not on this machine's loopback interface.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("address %q: webserve serves on a loopback address only (127.0.0.1, ::1 or localhost)", addr)
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.2f MB", float64(n)/1e6)
}
