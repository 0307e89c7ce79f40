// Package store keeps the game's small documents: the save slots and the autosave, the
// settings and the endings found. A Store holds byte documents under short keys; on the
// desktop it is a folder of files (Dir), in the browser it is localStorage (Default), and in
// tests it is Memory. Saves, Settings and Gallery are the documents the game keeps on top of it.
//
// The package does not import Ebiten, so it is tested anywhere, WebAssembly under Node included.
package store

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Store holds small documents under keys (see ValidKey). Every method refuses a key that is
// not valid with an error wrapping ErrInvalidKey.
type Store interface {
	// Read returns the document under key, or an error wrapping ErrNotFound when there is none.
	Read(key string) ([]byte, error)
	// Write replaces the document under key, whole or not at all. A document is at most MaxSize bytes.
	Write(key string, data []byte) error
	// Keys returns the keys of the documents held, sorted.
	Keys() ([]string, error)
}

// AppName names the folder (on the desktop) or the namespace (in the browser) of the game's documents.
const AppName = "bianjing1125"

// MaxSize is the largest document a Store reads or writes: 1 MiB.
const MaxSize = 1 << 20

// Errors the stores wrap, for errors.Is.
var (
	// ErrNotFound says no document is stored under a key.
	ErrNotFound = errors.New("not found")
	// ErrInvalidKey says a key is not one ValidKey accepts.
	ErrInvalidKey = errors.New("not a valid key")
	// ErrTooLarge says a document is larger than MaxSize.
	ErrTooLarge = errors.New("document too large")
)

var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// ValidKey reports whether key can name a document: 1 to 64 characters of lower-case ASCII
// letters, digits, '.', '_' and '-', the first a letter or a digit. So a key is always a
// plain file name, never a path ("../x", "a/b"), and means the same file on a case-insensitive
// disk. Because Dir may be a folder on Windows, a key also may not end in '.' (Windows drops
// it), nor be a device name there (con, prn, aux, nul, com1-9, lpt1-9) before its first '.'.
func ValidKey(key string) bool {
	if !keyPattern.MatchString(key) || strings.HasSuffix(key, ".") {
		return false
	}
	base, _, _ := strings.Cut(key, ".")
	switch base {
	case "con", "prn", "aux", "nul":
		return false
	}
	if len(base) == 4 && (base[:3] == "com" || base[:3] == "lpt") && base[3] >= '1' && base[3] <= '9' {
		return false
	}
	return true
}

// checkKey returns an error wrapping ErrInvalidKey unless key is valid.
func checkKey(key string) error {
	if !ValidKey(key) {
		return fmt.Errorf("store: %q is %w (1 to 64 of a-z 0-9 . _ -, starting with a letter or digit)", key, ErrInvalidKey)
	}
	return nil
}

// checkWrite checks a key and the size of a document to write under it.
func checkWrite(key string, data []byte) error {
	if err := checkKey(key); err != nil {
		return err
	}
	if len(data) > MaxSize {
		return fmt.Errorf("store: writing %s: %w (%d bytes; at most %d)", key, ErrTooLarge, len(data), MaxSize)
	}
	return nil
}

// notFound returns the error for a key with no document.
func notFound(key string) error {
	return fmt.Errorf("store: %s: %w", key, ErrNotFound)
}

// Memory returns a Store that keeps its documents in memory, for tests and as a fallback when
// nothing can be kept on disk. It is safe for concurrent use.
func Memory() Store {
	return &memory{docs: map[string][]byte{}}
}

type memory struct {
	mu   sync.Mutex
	docs map[string][]byte
}

// Read returns a copy of the document under key.
func (m *memory) Read(key string) ([]byte, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.docs[key]
	if !ok {
		return nil, notFound(key)
	}
	return slices.Clone(data), nil
}

// Write keeps a copy of data under key.
func (m *memory) Write(key string, data []byte) error {
	if err := checkWrite(key, data); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.docs[key] = append([]byte{}, data...)
	return nil
}

// Keys returns the keys held, sorted.
func (m *memory) Keys() ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]string, 0, len(m.docs))
	for k := range m.docs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys, nil
}
