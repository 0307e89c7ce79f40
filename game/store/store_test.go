package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestValidKey(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want bool
	}{
		{"a", true},
		{"0", true},
		{"settings.json", true},
		{"jingkang-slot-3.json", true},
		{"jingkang-slot-3.json.damaged-12", true},
		{"a_b-c.d", true},
		{"a..b", true},
		{"com10", true},
		{"console.json", true},
		{"nullable", true},
		{strings.Repeat("a", 64), true},

		{"", false},
		{"A", false},
		{"Settings.json", false},
		{"a/b", false},
		{"../x", false},
		{"..", false},
		{".", false},
		{"./a", false},
		{"a\\b", false},
		{"c:x", false},
		{".hidden", false},
		{"-a", false},
		{"_a", false},
		{"a b", false},
		{"a\x00", false},
		{"a\n", false},
		{"é", false},
		{strings.Repeat("a", 65), false},
		{"a.", false},
		{"con", false},
		{"nul.json", false},
		{"aux.tar.gz", false},
		{"com1.txt", false},
		{"lpt9", false},
	} {
		if got := ValidKey(tc.key); got != tc.want {
			t.Errorf("ValidKey(%q) = %v, want %v", tc.key, got, tc.want)
		}
	}
}

// failing is a Store whose operations fail when fail says so.
type failing struct {
	Store
	fail func(op, key string) bool
}

var errInjected = errors.New("injected failure")

func (f failing) Read(key string) ([]byte, error) {
	if f.fail("read", key) {
		return nil, errInjected
	}
	return f.Store.Read(key)
}

func (f failing) Write(key string, data []byte) error {
	if f.fail("write", key) {
		return errInjected
	}
	return f.Store.Write(key, data)
}

// testStore checks what every Store does.
func testStore(t *testing.T, st Store) {
	t.Helper()
	if _, err := st.Read("missing.json"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Read of a missing key: %v, want ErrNotFound", err)
	}
	if keys, err := st.Keys(); err != nil || len(keys) != 0 {
		t.Fatalf("Keys of an empty store: %q, %v", keys, err)
	}
	big := bytes.Repeat([]byte("0123456789abcdef"), MaxSize/16)
	docs := []struct {
		key  string
		data []byte
	}{
		{"settings.json", []byte(`{"night":true}` + "\n")},
		{"empty", []byte{}},
		{"text.txt", []byte("汴京 — 靖康元年\n")},
		{"binary", []byte{0, 0xff, 0xfe, 'a', 0x80, 0}},
		{"bom.json", []byte("\ufeff{}")},
		{"tagged", []byte("base64:not really")},
		{"a-slot-1.json.damaged-1", []byte("{\"format\":")},
		{"big", big},
	}
	for _, d := range docs {
		if err := st.Write(d.key, d.data); err != nil {
			t.Fatalf("Write(%s): %v", d.key, err)
		}
	}
	var want []string
	for _, d := range docs {
		got, err := st.Read(d.key)
		if err != nil {
			t.Fatalf("Read(%s): %v", d.key, err)
		}
		if !bytes.Equal(got, d.data) {
			t.Errorf("Read(%s) = %q, want %q", d.key, trim(got), trim(d.data))
		}
		want = append(want, d.key)
	}
	keys, err := st.Keys()
	slices.Sort(want)
	if err != nil || !reflect.DeepEqual(keys, want) {
		t.Fatalf("Keys = %q, %v; want %q", keys, err, want)
	}

	// A write replaces the whole document, longer or shorter.
	for _, data := range []string{"a much longer document than before", "short", ""} {
		if err := st.Write("text.txt", []byte(data)); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.Read("text.txt"); string(got) != data {
			t.Fatalf("after writing %q, read %q", data, got)
		}
	}
	// What Read returns belongs to the caller.
	got, _ := st.Read("settings.json")
	got[0] = 'X'
	if again, _ := st.Read("settings.json"); again[0] != '{' {
		t.Fatal("changing what Read returned changed the store")
	}

	if err := st.Write("huge", append(big, 'x')); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("writing MaxSize+1 bytes: %v, want ErrTooLarge", err)
	}
	if _, err := st.Read("huge"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a refused write left something: %v", err)
	}
	for _, key := range []string{"../x", "", "A", "a/b", "../../etc/passwd", ".hidden"} {
		if err := st.Write(key, []byte("x")); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("Write(%q): %v, want ErrInvalidKey", key, err)
		}
		if _, err := st.Read(key); !errors.Is(err, ErrInvalidKey) {
			t.Errorf("Read(%q): %v, want ErrInvalidKey", key, err)
		}
	}
	if keys, _ := st.Keys(); !reflect.DeepEqual(keys, want) {
		t.Fatalf("after refused writes, Keys = %q; want %q", keys, want)
	}
}

func trim(b []byte) []byte {
	if len(b) > 40 {
		return b[:40]
	}
	return b
}

func TestMemory(t *testing.T) {
	testStore(t, Memory())
}

func TestDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config", "bianjing1125")
	st := Dir(path)
	testStore(t, st)
	entries, err := os.ReadDir(path)
	if err != nil {
		t.Fatal(err)
	}
	keys, _ := st.Keys()
	if len(entries) != len(keys) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("the folder holds %q; want only the documents %q (no temporary files)", names, keys)
	}
	if runtime.GOOS == "windows" {
		return
	}
	info, err := os.Stat(filepath.Join(path, "settings.json"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&^0o644 != 0 || perm&0o600 != 0o600 {
		t.Errorf("a document's mode is %v, want 0o644 (less the umask)", perm)
	}
	info, err = os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&^0o755 != 0 || perm&0o700 != 0o700 {
		t.Errorf("the folder's mode is %v, want 0o755 (less the umask)", perm)
	}
}

func TestDirMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "not", "yet")
	st := Dir(path)
	if keys, err := st.Keys(); err != nil || len(keys) != 0 {
		t.Fatalf("Keys of a folder not yet made: %q, %v", keys, err)
	}
	if _, err := st.Read("settings.json"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Read in a folder not yet made: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("reading made the folder: %v", err)
	}
}

func TestDirIgnoresOtherFiles(t *testing.T) {
	path := t.TempDir()
	for _, name := range []string{".settings.json.123.tmp", "README.TXT", "notes.json"} {
		if err := os.WriteFile(filepath.Join(path, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(path, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	st := Dir(path)
	keys, err := st.Keys()
	if err != nil || !reflect.DeepEqual(keys, []string{"notes.json"}) {
		t.Fatalf("Keys = %q, %v; want only notes.json", keys, err)
	}
	if _, err := st.Read("folder"); err == nil || errors.Is(err, ErrNotFound) {
		t.Fatalf("Read of a folder: %v, want an error that is not ErrNotFound", err)
	}
}

func TestDirReadTooLarge(t *testing.T) {
	path := t.TempDir()
	if err := os.WriteFile(filepath.Join(path, "big.json"), make([]byte, MaxSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Dir(path).Read("big.json")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "larger than 1048576 bytes") {
		t.Fatalf("Read of a file over MaxSize: %v", err)
	}
}

func TestDirWriteIsAtomic(t *testing.T) {
	path := t.TempDir()
	st := Dir(path)
	for i := range 20 {
		if err := st.Write("autosave.json", bytes.Repeat([]byte{byte('a' + i)}, 1000*(20-i))); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "autosave.json" {
		t.Fatalf("the folder holds %d entries, want only autosave.json", len(entries))
	}
	got, _ := st.Read("autosave.json")
	if !bytes.Equal(got, bytes.Repeat([]byte{'t'}, 1000)) {
		t.Fatalf("the last write did not replace the document whole: %d bytes", len(got))
	}
}
