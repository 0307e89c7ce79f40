package webbuild

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Zip writes the plain files under dir into w as a zip archive for itch.io: paths relative to dir,
// with index.html at the root, and none of the .gz and .br variants (itch.io sends the plain
// files; the archive compresses them itself). It returns the names written, in order.
func Zip(dir string, w io.Writer) ([]string, error) {
	if info, err := os.Stat(filepath.Join(dir, "index.html")); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("zip %s: no index.html at its root", dir)
	}
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	var names []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || isTemp(d.Name()) {
			return nil
		}
		if _, ok := variantOf(path); ok {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if err := addFile(zw, path, name); err != nil {
			return err
		}
		names = append(names, name)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("zip %s: %w", dir, err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("zip %s: %w", dir, err)
	}
	return names, nil
}

// addFile copies the file at path into zw under name.
func addFile(zw *zip.Writer, path, name string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	hdr, err := zip.FileInfoHeader(info)
	if err != nil {
		return err
	}
	hdr.Name = name
	hdr.Method = zip.Deflate
	out, err := zw.CreateHeader(hdr)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, f); err != nil {
		return fmt.Errorf("add %s: %w", name, err)
	}
	return nil
}

// WriteZip writes Zip's archive of dir to the file zipPath, creating its folder, and replaces an
// older archive only once the new one is complete. It returns the names written.
func WriteZip(dir, zipPath string) ([]string, error) {
	if err := os.MkdirAll(filepath.Dir(zipPath), 0o755); err != nil {
		return nil, fmt.Errorf("make the folder for %s: %w", zipPath, err)
	}
	if abs, err := filepath.Abs(zipPath); err == nil {
		if absDir, err := filepath.Abs(dir); err == nil && strings.HasPrefix(abs, absDir+string(filepath.Separator)) {
			return nil, fmt.Errorf("the archive %s must not be inside the folder it packs, %s", zipPath, dir)
		}
	}
	var names []string
	err := writeWith(zipPath, func(w io.Writer) error {
		var err error
		names, err = Zip(dir, w)
		return err
	})
	return names, err
}
