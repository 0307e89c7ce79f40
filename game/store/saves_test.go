package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bianjing1125/bianjing/game/save"
)

func mkSave(campaign string, seed uint64, choices ...string) save.Save {
	return save.Save{
		Format: save.Format, Version: save.Version,
		Campaign: campaign, CampaignVersion: 1,
		Seed: seed, Choices: choices, Note: "Jingkang 1 — a test",
	}
}

// stores returns each kind of Store to test on, new and empty.
func stores(t *testing.T) map[string]Store {
	return map[string]Store{
		"memory": Memory(),
		"dir":    Dir(filepath.Join(t.TempDir(), "store")),
	}
}

func TestSlotKeys(t *testing.T) {
	s := NewSaves(Memory(), "jingkang")
	for n, want := range map[int]string{
		-1: "", 0: "jingkang-autosave.json", 1: "jingkang-slot-1.json", 9: "jingkang-slot-9.json", 10: "",
	} {
		if got := s.Key(n); got != want {
			t.Errorf("Key(%d) = %q, want %q", n, got, want)
		}
		if want != "" && !ValidKey(want) {
			t.Errorf("Key(%d) = %q is not a valid key", n, want)
		}
	}
}

func TestSavesPutGetList(t *testing.T) {
	for kind, st := range stores(t) {
		t.Run(kind, func(t *testing.T) {
			s := NewSaves(st, "jingkang")
			for _, sl := range s.List() {
				if !sl.Empty || sl.Err != nil {
					t.Fatalf("a new store lists slot %d as %+v", sl.N, sl)
				}
			}
			if _, err := s.Get(3); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "slot 3 is empty") {
				t.Fatalf("Get of an empty slot: %v", err)
			}
			if _, ok := s.Latest(); ok {
				t.Fatal("Latest of no saves says there is one")
			}
			puts := map[int]save.Save{
				0: mkSave("jingkang", 1, "a"),
				3: mkSave("jingkang", 3, "a", "b"),
				9: mkSave("jingkang", 9),
			}
			for n, sv := range puts {
				if err := s.Put(n, sv); err != nil {
					t.Fatalf("Put(%d): %v", n, err)
				}
			}
			if err := s.Put(3, mkSave("jingkang", 33, "c")); err != nil { // replacing a save
				t.Fatal(err)
			}
			puts[3] = mkSave("jingkang", 33, "c")
			list := s.List()
			if len(list) != Slots+1 {
				t.Fatalf("List has %d slots, want %d", len(list), Slots+1)
			}
			for n, sl := range list {
				want, full := puts[n]
				switch {
				case sl.N != n || sl.Err != nil || sl.Empty == full:
					t.Errorf("slot %d listed as %+v", n, sl)
				case full && !reflect.DeepEqual(sl.Save, want):
					t.Errorf("slot %d holds %+v, want %+v", n, sl.Save, want)
				}
				if full {
					got, err := s.Get(n)
					if err != nil || !reflect.DeepEqual(got, want) {
						t.Errorf("Get(%d) = %+v, %v", n, got, err)
					}
				}
			}
			keys, _ := st.Keys()
			want := []string{"jingkang-autosave.json", "jingkang-saves.json", "jingkang-slot-3.json", "jingkang-slot-9.json"}
			if !reflect.DeepEqual(keys, want) {
				t.Fatalf("keys %q, want %q", keys, want)
			}
			// Another campaign's slots are apart.
			other := NewSaves(st, "xuanhe")
			if _, err := other.Get(3); !errors.Is(err, ErrNotFound) {
				t.Fatalf("another campaign's slot 3: %v", err)
			}
			if _, ok := other.Latest(); ok {
				t.Fatal("another campaign has a latest save")
			}
		})
	}
}

func TestSavesRefuse(t *testing.T) {
	s := NewSaves(Memory(), "jingkang")
	bad := mkSave("jingkang", 1)
	bad.Format = ""
	long := mkSave("jingkang", 1)
	long.Note = strings.Repeat("x", 2000)
	for _, tc := range []struct {
		name string
		n    int
		sv   save.Save
		want string
	}{
		{"slot -1", -1, mkSave("jingkang", 1), "no save slot -1"},
		{"slot 10", 10, mkSave("jingkang", 1), "no save slot 10"},
		{"another campaign", 2, mkSave("xuanhe", 1), `campaign "xuanhe"`},
		{"no format", 2, bad, "not valid"},
		{"note too long", 2, long, "not valid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Put(tc.n, tc.sv)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Put: %v, want an error saying %q", err, tc.want)
			}
		})
	}
	if _, err := s.Get(10); err == nil {
		t.Fatal("Get(10) is not an error")
	}
	if keys, _ := s.st.Keys(); len(keys) != 0 {
		t.Fatalf("refused saves wrote %q", keys)
	}
}

func TestDamagedSlotIsNeverDestroyed(t *testing.T) {
	for _, tc := range []struct {
		name, why string
		data      []byte
	}{
		{"not JSON", "damaged", []byte("this is not a save")},
		{"cut short", "damaged", mkSave("jingkang", 5, "a").Encode()[:40]},
		{"binary", "damaged", []byte{0, 0xff, 0x80, '{', 0xfe}},
		{"empty", "damaged", []byte{}},
		{"newer version", "damaged", []byte(`{"format":"bianjing-save","version":99,"campaign":"jingkang"}`)},
		{"another campaign", `campaign "xuanhe"`, mkSave("xuanhe", 5, "a").Encode()},
	} {
		for kind, st := range stores(t) {
			t.Run(tc.name+"/"+kind, func(t *testing.T) {
				s := NewSaves(st, "jingkang")
				key := s.Key(3)
				if err := st.Write(key, tc.data); err != nil {
					t.Fatal(err)
				}
				unchanged := func(when string) {
					t.Helper()
					got, err := st.Read(key)
					if err != nil || !bytes.Equal(got, tc.data) {
						t.Fatalf("%s, the damaged file became %q, %v", when, got, err)
					}
				}

				sl := s.List()[3]
				if sl.Empty || sl.Err == nil || !strings.Contains(sl.Err.Error(), tc.why) || !strings.Contains(sl.Err.Error(), "slot 3") {
					t.Fatalf("List shows the damaged slot as %+v", sl)
				}
				unchanged("after List")
				if _, err := s.Get(3); err == nil || !strings.Contains(err.Error(), tc.why) {
					t.Fatalf("Get of the damaged slot: %v", err)
				}
				unchanged("after Get")
				if latest, ok := s.Latest(); !ok || latest.N != 3 || latest.Err == nil {
					t.Fatalf("Latest = %+v, %v; want the damaged slot 3 with its error", latest, ok)
				}
				unchanged("after Latest")

				// Put keeps the damaged bytes before replacing them.
				if err := s.Put(3, mkSave("jingkang", 7, "b")); err != nil {
					t.Fatal(err)
				}
				kept, err := st.Read(key + ".damaged-1")
				if err != nil || !bytes.Equal(kept, tc.data) {
					t.Fatalf("the damaged bytes were not kept: %q, %v", kept, err)
				}
				if got, err := s.Get(3); err != nil || got.Seed != 7 {
					t.Fatalf("after Put, Get = %+v, %v", got, err)
				}
				// Saving again over a good save keeps no further copy.
				if err := s.Put(3, mkSave("jingkang", 8)); err != nil {
					t.Fatal(err)
				}
				if _, err := st.Read(key + ".damaged-2"); !errors.Is(err, ErrNotFound) {
					t.Fatalf("a good save was kept as damaged: %v", err)
				}
				// A second damage is kept beside the first.
				if err := st.Write(key, []byte("damaged again")); err != nil {
					t.Fatal(err)
				}
				if err := s.Put(3, mkSave("jingkang", 9)); err != nil {
					t.Fatal(err)
				}
				if again, _ := st.Read(key + ".damaged-2"); string(again) != "damaged again" {
					t.Fatalf("the second damaged file was kept as %q", again)
				}
				if first, _ := st.Read(key + ".damaged-1"); !bytes.Equal(first, tc.data) {
					t.Fatal("the first damaged copy was overwritten")
				}
			})
		}
	}
}

func TestPutKeepsDamagedOrWritesNothing(t *testing.T) {
	mem := Memory()
	st := failing{Store: mem, fail: func(op, key string) bool {
		return op == "write" && strings.Contains(key, ".damaged-")
	}}
	s := NewSaves(st, "jingkang")
	if err := mem.Write(s.Key(0), []byte("garbage")); err != nil {
		t.Fatal(err)
	}
	err := s.Put(0, mkSave("jingkang", 1))
	if !errors.Is(err, errInjected) || !strings.Contains(err.Error(), "left as it is") {
		t.Fatalf("Put when the damaged file cannot be kept: %v", err)
	}
	if got, _ := mem.Read(s.Key(0)); string(got) != "garbage" {
		t.Fatalf("the damaged autosave became %q", got)
	}

	// A slot whose file cannot be read at all is not written over either.
	path := t.TempDir()
	dir := NewSaves(Dir(path), "jingkang")
	big := make([]byte, MaxSize+10)
	if err := os.WriteFile(filepath.Join(path, dir.Key(2)), big, 0o644); err != nil {
		t.Fatal(err)
	}
	if sl := dir.List()[2]; sl.Empty || sl.Err == nil {
		t.Fatalf("an oversized slot file is listed as %+v", sl)
	}
	if err := dir.Put(2, mkSave("jingkang", 1)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Put over an oversized slot file: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(path, dir.Key(2))); len(got) != len(big) {
		t.Fatalf("the oversized slot file became %d bytes", len(got))
	}
}

func TestLatest(t *testing.T) {
	for _, tc := range []struct {
		name string
		puts []int
		want int
	}{
		{"one", []int{3}, 3},
		{"autosave last", []int{3, 0}, 0},
		{"slot after autosave", []int{0, 5}, 5},
		{"rewritten", []int{0, 3, 5, 3}, 3},
		{"autosave again", []int{0, 3, 5, 3, 0, 0}, 0},
		{"every slot", []int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 4}, 4},
	} {
		for kind, st := range stores(t) {
			t.Run(tc.name+"/"+kind, func(t *testing.T) {
				s := NewSaves(st, "jingkang")
				for i, n := range tc.puts {
					if err := s.Put(n, mkSave("jingkang", uint64(100+i))); err != nil {
						t.Fatal(err)
					}
				}
				got, ok := s.Latest()
				if !ok || got.N != tc.want || got.Err != nil || got.Save.Seed != uint64(100+len(tc.puts)-1) {
					t.Fatalf("Latest = %+v, %v; want slot %d", got, ok, tc.want)
				}
			})
		}
	}
}

func TestLatestWithoutIndex(t *testing.T) {
	for _, tc := range []struct {
		name  string
		index string // "" for none
		slots []int
		want  int
	}{
		{"no index, slots only", "", []int{7, 4}, 4},
		{"no index, autosave first", "", []int{7, 0, 4}, 0},
		{"damaged index", "{not json", []int{2, 6}, 2},
		{"index of empty slots", `{"written":[0,0,0,0,0,0,0,0,9,0]}`, []int{5, 3}, 3},
		{"indexed slot before unindexed ones", `{"written":[0,0,0,0,0,1,0,0,0,0]}`, []int{0, 5, 3}, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := Memory()
			s := NewSaves(st, "jingkang")
			for _, n := range tc.slots {
				if err := st.Write(s.Key(n), mkSave("jingkang", uint64(n)).Encode()); err != nil {
					t.Fatal(err)
				}
			}
			if tc.index != "" {
				if err := st.Write(s.indexKey(), []byte(tc.index)); err != nil {
					t.Fatal(err)
				}
			}
			got, ok := s.Latest()
			if !ok || got.N != tc.want {
				t.Fatalf("Latest = %+v, %v; want slot %d", got, ok, tc.want)
			}
			// A Put starts the index again where it was damaged, and is then the latest.
			if err := s.Put(8, mkSave("jingkang", 8)); err != nil {
				t.Fatal(err)
			}
			if got, ok := s.Latest(); !ok || got.N != 8 {
				t.Fatalf("after Put(8), Latest = %+v, %v", got, ok)
			}
		})
	}
}

func TestPutWhenIndexCannotBeWritten(t *testing.T) {
	mem := Memory()
	s := NewSaves(failing{Store: mem, fail: func(op, key string) bool {
		return op == "write" && key == "jingkang-saves.json"
	}}, "jingkang")
	err := s.Put(1, mkSave("jingkang", 1))
	if !errors.Is(err, errInjected) || !strings.Contains(err.Error(), "slot 1 was saved") {
		t.Fatalf("Put with an index that cannot be written: %v", err)
	}
	if got, err := s.Get(1); err != nil || got.Seed != 1 {
		t.Fatalf("the save itself: %+v, %v", got, err)
	}
}
