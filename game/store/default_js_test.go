//go:build js

package store

import (
	"errors"
	"reflect"
	"strings"
	"syscall/js"
	"testing"
)

// fakeStorage returns a JavaScript object that behaves as the browser's localStorage (Node has
// none), holding the given items. setItem throws a QuotaExceededError for values longer than quota.
func fakeStorage(t *testing.T, quota int, items map[string]string) js.Value {
	t.Helper()
	ls := js.Global().Get("Function").New("quota", `
		const m = new Map();
		return {
			getItem(k) { return m.has(String(k)) ? m.get(String(k)) : null; },
			setItem(k, v) {
				v = String(v);
				if (v.length > quota) { const e = new Error("the quota has been exceeded"); e.name = "QuotaExceededError"; throw e; }
				m.set(String(k), v);
			},
			removeItem(k) { m.delete(String(k)); },
			key(i) { return i < m.size ? Array.from(m.keys())[i] : null; },
			get length() { return m.size; },
		};
	`).Invoke(quota)
	for k, v := range items {
		ls.Call("setItem", k, v)
	}
	return ls
}

func TestWebStorage(t *testing.T) {
	testStore(t, webStorage{ls: fakeStorage(t, 1<<30, nil)})
}

func TestWebStorageItems(t *testing.T) {
	ls := fakeStorage(t, 1<<30, nil)
	st := webStorage{ls: ls}
	for _, tc := range []struct {
		name string
		data string
		item string
	}{
		{"JSON as text", `{"night":true}`, `{"night":true}`},
		{"Chinese text", "汴京", "汴京"},
		{"invalid UTF-8 as base64", "\xff\x00a", "base64:/wBh"},
		{"byte-order mark as base64", "\ufeff{}", "base64:77u/e30="},
		{"tag-like text as base64", "base64:x", "base64:YmFzZTY0Ong="},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := st.Write("doc", []byte(tc.data)); err != nil {
				t.Fatal(err)
			}
			if item := ls.Call("getItem", Namespace+"doc"); item.String() != tc.item {
				t.Fatalf("item %q, want %q", item.String(), tc.item)
			}
			if got, err := st.Read("doc"); err != nil || string(got) != tc.data {
				t.Fatalf("Read = %q, %v", got, err)
			}
		})
	}
}

func TestWebStorageNamespace(t *testing.T) {
	ls := fakeStorage(t, 1<<30, map[string]string{
		"other-game/save":               "x",
		"settings.json":                 "not ours",
		"bianjing1125/v0/settings.json": "an older layout",
		"bianjing1125/v1/Bad Key":       "x",
		"bianjing1125/v1/settings.json": `{"night":true}`,
		"bianjing1125/v1/broken":        "base64:***",
	})
	st := webStorage{ls: ls}
	keys, err := st.Keys()
	if err != nil || !reflect.DeepEqual(keys, []string{"broken", "settings.json"}) {
		t.Fatalf("Keys = %q, %v", keys, err)
	}
	if s, err := LoadSettings(st); err != nil || !s.Night {
		t.Fatalf("LoadSettings = %+v, %v", s, err)
	}
	if _, err := st.Read("broken"); err == nil || !strings.Contains(err.Error(), "base64") {
		t.Fatalf("Read of a damaged item: %v", err)
	}
	if err := st.Write("settings.json", []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if v := ls.Call("getItem", "settings.json").String(); v != "not ours" {
		t.Fatalf("an item outside the namespace became %q", v)
	}
}

func TestWebStorageQuota(t *testing.T) {
	st := webStorage{ls: fakeStorage(t, 100, nil)}
	if err := st.Write("small", []byte("ok")); err != nil {
		t.Fatal(err)
	}
	err := st.Write("large", []byte(strings.Repeat("x", 200)))
	if err == nil || !strings.Contains(err.Error(), "quota") {
		t.Fatalf("Write over the quota: %v", err)
	}
	var jerr js.Error
	if !errors.As(err, &jerr) {
		t.Fatalf("the error %v does not wrap the JavaScript error", err)
	}
	if _, err := st.Read("large"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a refused write left something: %v", err)
	}
}

func TestLocalStorageOf(t *testing.T) {
	throwing := js.Global().Get("Function").New(`
		return { get localStorage() { const e = new Error("access is denied"); e.name = "SecurityError"; throw e; } };
	`).Invoke()
	if _, err := localStorageOf(throwing); err == nil || !strings.Contains(err.Error(), "access is denied") {
		t.Fatalf("localStorageOf when the browser forbids it: %v", err)
	}
	none := js.Global().Get("Object").New()
	if _, err := localStorageOf(none); err == nil {
		t.Fatal("localStorageOf without localStorage is not an error")
	}
	fake := fakeStorage(t, 1<<30, nil)
	holder := js.Global().Get("Object").New()
	holder.Set("localStorage", fake)
	ls, err := localStorageOf(holder)
	if err != nil || !ls.Equal(fake) {
		t.Fatalf("localStorageOf = %v, %v", ls, err)
	}
	// Under Node there is no localStorage: Default says so and does not panic.
	if st, err := Default(); err != nil {
		t.Logf("Default: %v", err)
	} else if _, err := st.Keys(); err != nil {
		t.Fatal(err)
	}
}

func TestWebStorageSaves(t *testing.T) {
	st := webStorage{ls: fakeStorage(t, 1<<30, nil)}
	s := NewSaves(st, "jingkang")
	if err := st.Write(s.Key(1), []byte{0xff, 0xfe, 'x'}); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(1, mkSave("jingkang", 1)); err != nil {
		t.Fatal(err)
	}
	if kept, err := st.Read(s.Key(1) + ".damaged-1"); err != nil || string(kept) != "\xff\xfex" {
		t.Fatalf("the damaged bytes kept: %q, %v", kept, err)
	}
	if got, ok := s.Latest(); !ok || got.N != 1 || got.Err != nil {
		t.Fatalf("Latest = %+v, %v", got, ok)
	}
}
