package webbuild

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// fakeSite makes a folder like Build's, with small stand-in files and their variants, inside a
// parent folder that also holds a secret the handler must never serve.
func fakeSite(t *testing.T) string {
	t.Helper()
	parent := t.TempDir()
	if err := os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(parent, "site")
	files := map[string]string{
		"index.html":   "<!doctype html><title>fake</title>" + strings.Repeat(" ", 200),
		"loader.js":    "console.log('fake loader');" + strings.Repeat("//", 100),
		"style.css":    "body { color: #1F1B16 }",
		"wasm_exec.js": "// fake wasm_exec",
		WasmName:       "\x00asm\x01\x00\x00\x00" + strings.Repeat("fake wasm ", 100),
		"sub/note.txt": "a note",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Precompress(dir, 5); err != nil {
		t.Fatal(err)
	}
	return dir
}

func newTestHandler(t *testing.T, dir string) *Handler {
	t.Helper()
	h, err := NewHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

func get(h http.Handler, method, target, acceptEncoding string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, "http://127.0.0.1/", nil)
	// Set the decoded path directly, as the server would after unescaping what a client sent.
	r.URL.Path = target
	if acceptEncoding != "" {
		r.Header.Set("Accept-Encoding", acceptEncoding)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// decoded returns the body of a response, decoded as its Content-Encoding says.
func decoded(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	var r io.Reader = w.Body
	switch enc := w.Header().Get("Content-Encoding"); enc {
	case "":
	case "gzip":
		zr, err := gzip.NewReader(w.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case "br":
		r = brotli.NewReader(w.Body)
	default:
		t.Fatalf("unexpected Content-Encoding %q", enc)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHandlerContentTypes(t *testing.T) {
	dir := fakeSite(t)
	h := newTestHandler(t, dir)
	for _, c := range []struct{ path, want string }{
		{"/", "text/html; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/loader.js", "text/javascript; charset=utf-8"},
		{"/wasm_exec.js", "text/javascript; charset=utf-8"},
		{"/style.css", "text/css; charset=utf-8"},
		{"/bianjing.wasm", "application/wasm"},
		{"/sub/note.txt", "text/plain; charset=utf-8"},
	} {
		for _, enc := range []string{"", "gzip", "br"} {
			w := get(h, http.MethodGet, c.path, enc)
			if w.Code != http.StatusOK {
				t.Errorf("GET %s (%q): status %d", c.path, enc, w.Code)
				continue
			}
			if got := w.Header().Get("Content-Type"); got != c.want {
				t.Errorf("GET %s (%q): Content-Type %q, want %q", c.path, enc, got, c.want)
			}
			if got := w.Header().Get("Cache-Control"); got != "no-cache" {
				t.Errorf("GET %s: Cache-Control %q, want no-cache", c.path, got)
			}
		}
	}
}

func TestHandlerEncodingNegotiation(t *testing.T) {
	dir := fakeSite(t)
	h := newTestHandler(t, dir)
	plain, err := os.ReadFile(filepath.Join(dir, WasmName))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ accept, want string }{
		{"", ""},
		{"identity", ""},
		{"gzip", "gzip"},
		{"gzip, deflate", "gzip"},
		{"br", "br"},
		{"gzip, deflate, br, zstd", "br"},
		{"BR;q=0.5, gzip;q=1", "br"},
		{"br;q=0, gzip", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"*", "br"},
		{"*;q=0", ""},
		{"br;q=0, *", "gzip"},
		{"br;q=oops", ""},
		{"deflate", ""},
	} {
		w := get(h, http.MethodGet, "/"+WasmName, c.accept)
		if w.Code != http.StatusOK {
			t.Errorf("Accept-Encoding %q: status %d", c.accept, w.Code)
			continue
		}
		if got := w.Header().Get("Content-Encoding"); got != c.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", c.accept, got, c.want)
		}
		if got := w.Header().Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary %q, want Accept-Encoding", c.accept, got)
		}
		if got, want := w.Header().Get("X-Uncompressed-Length"), "1008"; got != want {
			t.Errorf("Accept-Encoding %q: X-Uncompressed-Length %q, want %q", c.accept, got, want)
		}
		if got, want := w.Header().Get("Content-Length"), strconv.Itoa(w.Body.Len()); got != want {
			t.Errorf("Accept-Encoding %q: Content-Length %q, want %q", c.accept, got, want)
		}
		if got := decoded(t, w); got != string(plain) {
			t.Errorf("Accept-Encoding %q: the decoded body differs from the file", c.accept)
		}
	}
}

func TestHandlerVaryOnEveryAnswer(t *testing.T) {
	h := newTestHandler(t, fakeSite(t))
	for _, target := range []string{"/", "/loader.js", "/missing.js", "/../secret.txt"} {
		w := get(h, http.MethodGet, target, "gzip")
		if got := w.Header().Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("GET %s: Vary %q", target, got)
		}
	}
}

func TestHandlerSkipsStaleVariant(t *testing.T) {
	dir := fakeSite(t)
	h := newTestHandler(t, dir)
	// A new build replaces the wasm after its variants were made.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, WasmName), later, later); err != nil {
		t.Fatal(err)
	}
	w := get(h, http.MethodGet, "/"+WasmName, "br, gzip")
	if got := w.Header().Get("Content-Encoding"); got != "" {
		t.Errorf("Content-Encoding %q for a variant older than its file, want none", got)
	}
}

func TestHandlerRefusesPathsOutside(t *testing.T) {
	dir := fakeSite(t)
	// A symbolic link inside the folder that leads out of it.
	if err := os.Symlink(filepath.Join(dir, "..", "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	h := newTestHandler(t, dir)
	for _, target := range []string{
		"/../secret.txt",
		"/sub/../../secret.txt",
		"/..",
		"/..\\secret.txt",
		"/sub\\..\\..\\secret.txt",
		"/secret.txt\x00",
		"/link.txt",
	} {
		w := get(h, http.MethodGet, target, "")
		if w.Code != http.StatusBadRequest && w.Code != http.StatusForbidden && w.Code != http.StatusNotFound {
			t.Errorf("GET %q: status %d, want 400, 403 or 404", target, w.Code)
		}
		if strings.Contains(w.Body.String(), "secret") {
			t.Errorf("GET %q: body %q", target, w.Body.String())
		}
	}
	// Through a real server and client, with the dots escaped so that the client keeps them.
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, raw := range []string{"/%2e%2e/secret.txt", "/sub/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt"} {
		res, err := http.Get(srv.URL + raw)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest || bytes.Contains(body, []byte("secret")) {
			t.Errorf("GET %s: status %d, body %q", raw, res.StatusCode, body)
		}
	}
}

func TestHandlerNotFound(t *testing.T) {
	h := newTestHandler(t, fakeSite(t))
	for _, target := range []string{"/missing.js", "/sub", "/sub/", "/nothing/here.wasm"} {
		for _, enc := range []string{"", "br"} {
			w := get(h, http.MethodGet, target, enc)
			if w.Code != http.StatusNotFound {
				t.Errorf("GET %s (%q): status %d, want 404", target, enc, w.Code)
			}
			if got := w.Header().Get("Content-Encoding"); got != "" {
				t.Errorf("GET %s (%q): Content-Encoding %q on a 404", target, enc, got)
			}
		}
	}
}

func TestHandlerMethods(t *testing.T) {
	h := newTestHandler(t, fakeSite(t))
	w := get(h, http.MethodHead, "/"+WasmName, "br")
	if w.Code != http.StatusOK || w.Body.Len() != 0 || w.Header().Get("Content-Encoding") != "br" {
		t.Errorf("HEAD: status %d, %d body bytes, Content-Encoding %q", w.Code, w.Body.Len(), w.Header().Get("Content-Encoding"))
	}
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		w := get(h, m, "/index.html", "")
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 405", m, w.Code)
		}
	}
}

func TestHandlerRevalidates(t *testing.T) {
	h := newTestHandler(t, fakeSite(t))
	first := get(h, http.MethodGet, "/"+WasmName, "br")
	tag := first.Header().Get("ETag")
	if tag == "" {
		t.Fatal("no ETag")
	}
	r := httptest.NewRequest(http.MethodGet, "/"+WasmName, nil)
	r.Header.Set("Accept-Encoding", "br")
	r.Header.Set("If-None-Match", tag)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match with the same ETag: status %d, want 304", w.Code)
	}
	if gz := get(h, http.MethodGet, "/"+WasmName, "gzip").Header().Get("ETag"); gz == tag {
		t.Errorf("the gzip and brotli variants share the ETag %s", tag)
	}
}

func TestHandlerRangeOfVariant(t *testing.T) {
	h := newTestHandler(t, fakeSite(t))
	r := httptest.NewRequest(http.MethodGet, "/"+WasmName, nil)
	r.Header.Set("Accept-Encoding", "gzip")
	r.Header.Set("Range", "bytes=0-9")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusPartialContent || w.Body.Len() != 10 || w.Header().Get("Content-Length") != "10" {
		t.Errorf("Range of the gzip variant: status %d, %d bytes, Content-Length %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
}
