package webbuild

import (
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// contentTypes are the types the page's files need, whatever the system's MIME tables say.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".wasm": "application/wasm",
	".json": "application/json",
	".txt":  "text/plain; charset=utf-8",
}

// encodings are the precompressed variants Handler can send, best first.
var encodings = []struct{ name, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// Handler serves one folder made by Build. It answers GET and HEAD only, serves index.html for
// "/", sends the .br or .gz variant of a file when the request accepts it (with Content-Encoding,
// and Vary: Accept-Encoding on every answer), sends Cache-Control: no-cache so that a reload
// picks up a new build, gives the size of the plain file in X-Uncompressed-Length, lists no
// folders and refuses every path that leads outside the folder, symbolic links included.
type Handler struct {
	root *os.Root
}

// NewHandler returns a Handler for dir. Close it when done.
func NewHandler(dir string) (*Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("serve %s: %w", dir, err)
	}
	return &Handler{root: root}, nil
}

// Close releases the folder.
func (h *Handler) Close() error {
	return h.root.Close()
}

// ServeHTTP answers one request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Vary", "Accept-Encoding")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	f, info, err := h.open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			http.NotFound(w, r)
			return
		}
		// Among others: a symbolic link that leads out of the folder.
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	defer f.Close()

	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("X-Uncompressed-Length", strconv.FormatInt(info.Size(), 10))
	tag := ""
	for _, enc := range encodings {
		if !accepts(r.Header.Get("Accept-Encoding"), enc.name) {
			continue
		}
		vf, vinfo, err := h.open(name + enc.ext)
		if err != nil {
			continue
		}
		// A variant older than its file is left from an earlier build: never send it.
		if vinfo.ModTime().Before(info.ModTime()) {
			vf.Close()
			continue
		}
		defer vf.Close()
		f, info, tag = vf, vinfo, enc.name
		w.Header().Set("Content-Encoding", enc.name)
		break
	}
	w.Header().Set("ETag", fmt.Sprintf(`"%x-%x%s"`, info.ModTime().UnixNano(), info.Size(), tag))
	if tag != "" {
		// http.ServeContent gives no Content-Length to an encoded answer; a precompressed file's
		// length is known, and it lets the browser show how much of the download has come.
		w = &lengthWriter{ResponseWriter: w, length: info.Size()}
	}
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// lengthWriter sets Content-Length on a 200 answer, whose body is the whole file.
type lengthWriter struct {
	http.ResponseWriter
	length int64
}

// WriteHeader sends the header, with the file's length when code is 200.
func (lw *lengthWriter) WriteHeader(code int) {
	if code == http.StatusOK {
		lw.Header().Set("Content-Length", strconv.FormatInt(lw.length, 10))
	}
	lw.ResponseWriter.WriteHeader(code)
}

// open opens the regular file name inside the folder.
func (h *Handler) open(name string) (*os.File, os.FileInfo, error) {
	f, err := h.root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fs.ErrNotExist
	}
	return f, info, nil
}

// fileName turns a URL path into a slash-separated name inside the folder, with index.html for a
// folder's path. It refuses ".." segments, backslashes and NUL bytes.
func fileName(urlPath string) (string, bool) {
	if strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		name = path.Join(name, "index.html")
	}
	return name, true
}

// contentType is the Content-Type for the file name.
func contentType(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// accepts says whether an Accept-Encoding header value accepts the coding (by name or "*", with
// a quality above 0).
func accepts(header, coding string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != coding && name != "*" {
			continue
		}
		ok := quality(params) > 0
		if name == coding {
			return ok
		}
		star = ok
	}
	return star
}

// quality reads q from the parameters of one Accept-Encoding entry: 1 when absent, 0 when
// unreadable.
func quality(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return 0
			}
			return q
		}
	}
	return 1
}
