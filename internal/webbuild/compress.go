package webbuild

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// Precompress writes, beside every plain file under dir, a gzip variant (name.gz, best
// compression) and a brotli variant (name.br, the given quality, 0 to 11), and removes variants
// whose plain file is gone. Files run in parallel, one per CPU.
func Precompress(dir string, brotliQuality int) error {
	if brotliQuality < brotli.BestSpeed || brotliQuality > brotli.BestCompression {
		return fmt.Errorf("brotli quality %d is not between %d and %d", brotliQuality, brotli.BestSpeed, brotli.BestCompression)
	}
	var plain []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || isTemp(d.Name()) {
			return nil
		}
		if base, ok := variantOf(path); ok {
			if _, err := os.Stat(base); errors.Is(err, fs.ErrNotExist) {
				if err := os.Remove(path); err != nil {
					return fmt.Errorf("remove the stale %s: %w", path, err)
				}
			}
			return nil
		}
		plain = append(plain, path)
		return nil
	})
	if err != nil {
		return fmt.Errorf("list %s: %w", dir, err)
	}

	type job struct {
		path string
		ext  string
	}
	var jobs []job
	for _, p := range plain {
		jobs = append(jobs, job{p, ".br"}, job{p, ".gz"})
	}
	errs := make([]error, len(jobs))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			errs[i] = compressFile(j.path, j.ext, brotliQuality)
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// compressFile writes src+ext, where ext is ".gz" or ".br".
func compressFile(src, ext string, brotliQuality int) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	defer in.Close()
	return writeWith(src+ext, func(w io.Writer) error {
		zw, err := newCompressor(w, ext, brotliQuality)
		if err != nil {
			return err
		}
		if _, err := io.Copy(zw, in); err != nil {
			return fmt.Errorf("compress %s: %w", src, err)
		}
		return zw.Close()
	})
}

// variantOf returns the plain file that path is a compressed variant of, and whether it is one.
func variantOf(path string) (string, bool) {
	for _, ext := range []string{".gz", ".br"} {
		if base, ok := strings.CutSuffix(path, ext); ok {
			return base, true
		}
	}
	return "", false
}

// isTemp says whether name is one of writeWith's temporary files.
func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp")
}

// newCompressor returns a writer that compresses into w as ext (".gz" or ".br") says.
func newCompressor(w io.Writer, ext string, brotliQuality int) (io.WriteCloser, error) {
	if ext == ".gz" {
		return gzip.NewWriterLevel(w, gzip.BestCompression)
	}
	return brotli.NewWriterLevel(w, brotliQuality), nil
}
