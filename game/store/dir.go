package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// Dir returns a Store that keeps each document in a file named by its key in the folder path.
// The folder is created (0o755) on the first write; files are written 0o644 (less the umask).
// A write goes to a temporary file in the same folder, is synced, then renamed over the
// document, so a crash leaves the old document or the new one, never half of one. Temporary
// files begin with '.', which no key does, so Keys never lists them.
func Dir(path string) Store {
	return dir{path: path}
}

type dir struct{ path string }

// Read reads the file named key, refusing one larger than MaxSize.
func (d dir) Read(key string) ([]byte, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	name := filepath.Join(d.path, key)
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, notFound(key)
	}
	if err != nil {
		return nil, fmt.Errorf("store: reading %s: %w", key, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("store: reading %s: %s is not a regular file", key, name)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("store: reading %s: %w", key, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("store: reading %s: %w: %s is larger than %d bytes", key, ErrTooLarge, name, MaxSize)
	}
	return data, nil
}

// Write replaces the file named key atomically (see Dir).
func (d dir) Write(key string, data []byte) error {
	if err := checkWrite(key, data); err != nil {
		return err
	}
	if err := os.MkdirAll(d.path, 0o755); err != nil {
		return fmt.Errorf("store: writing %s: %w", key, err)
	}
	tmp, err := d.createTemp(key)
	if err != nil {
		return fmt.Errorf("store: writing %s: %w", key, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("store: writing %s: %w", key, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("store: writing %s: %w", key, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("store: writing %s: %w", key, err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(d.path, key)); err != nil {
		return fmt.Errorf("store: writing %s: %w", key, err)
	}
	d.syncFolder()
	return nil
}

// createTemp creates a new temporary file for key in the folder. It does not use os.CreateTemp,
// which makes files 0o600: the document gets the temporary file's mode when renamed.
func (d dir) createTemp(key string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(d.path, "."+key+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("cannot find a free name for a temporary file")
}

// syncFolder makes a rename in the folder durable where the system allows it; where it does
// not (Windows, some browsers' file systems), the rename is still atomic, only perhaps not yet
// on the disk, so errors are ignored.
func (d dir) syncFolder() {
	if f, err := os.Open(d.path); err == nil {
		f.Sync()
		f.Close()
	}
}

// Keys lists the regular files of the folder whose names are valid keys, sorted; none when
// the folder does not exist yet.
func (d dir) Keys() ([]string, error) {
	entries, err := os.ReadDir(d.path)
	if errors.Is(err, fs.ErrNotExist) {
		return []string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: listing %s: %w", d.path, err)
	}
	keys := []string{}
	for _, e := range entries {
		if ValidKey(e.Name()) && e.Type().IsRegular() {
			keys = append(keys, e.Name())
		}
	}
	slices.Sort(keys)
	return keys, nil
}
