package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckLoopback(t *testing.T) {
	for _, addr := range []string{"127.0.0.1:8125", "127.0.0.2:80", "[::1]:8125", "localhost:0"} {
		if err := checkLoopback(addr); err != nil {
			t.Errorf("%s refused: %v", addr, err)
		}
	}
	for _, addr := range []string{":8125", "0.0.0.0:8125", "[::]:8125", "192.168.1.2:8125", "example.org:80", "127.0.0.1"} {
		if err := checkLoopback(addr); err == nil {
			t.Errorf("%s accepted", addr)
		}
	}
}

// TestRunServesTheFolder builds around a stand-in wasm (--no-build), serves it on a free port and
// fetches the page and the wasm.
func TestRunServesTheFolder(t *testing.T) {
	dir := t.TempDir()
	wasm := []byte("\x00asm\x01\x00\x00\x00" + strings.Repeat("stand-in ", 200))
	if err := os.WriteFile(filepath.Join(dir, "bianjing.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	// Find a free port, then let run listen on it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--addr", addr, "--out", dir, "--no-build", "--brotli", "5"}, &out)
	}()
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			cancel()
			if err := <-done; err != nil {
				t.Errorf("run: %v", err)
			}
		}
	}
	defer stop()

	var res *http.Response
	for start := time.Now(); ; {
		res, err = http.Get("http://" + addr + "/")
		if err == nil {
			break
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("the server did not answer: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(page), `content="1808"`) {
		t.Errorf("GET /: status %d, page without the wasm's size", res.StatusCode)
	}

	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/bianjing.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("GET /bianjing.wasm: Content-Encoding %q, Content-Type %q", res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"))
	}
	stop() // the output is read once run has returned
	for _, want := range []string{"bianjing.wasm: 0.00 MB raw", "brotli (quality 5)", "serving " + dir + " at http://" + addr + "/"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunRefusesOtherAddresses(t *testing.T) {
	err := run(context.Background(), []string{"--addr", "0.0.0.0:8125", "--out", t.TempDir(), "--no-build"}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("got %v, want a refusal", err)
	}
}
