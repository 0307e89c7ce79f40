package store

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestGalleryAddFound(t *testing.T) {
	var g Gallery // the zero gallery is ready to use
	for _, tc := range []struct {
		add  string
		want []string
	}{
		{"fall_of_kaifeng", []string{"fall_of_kaifeng"}},
		{"southern_court", []string{"fall_of_kaifeng", "southern_court"}},
		{"fall_of_kaifeng", []string{"fall_of_kaifeng", "southern_court"}},
		{"", []string{"fall_of_kaifeng", "southern_court"}},
		{"a_held_city", []string{"fall_of_kaifeng", "southern_court", "a_held_city"}},
	} {
		g.Add(tc.add)
		if !reflect.DeepEqual(g.Endings, tc.want) {
			t.Fatalf("after Add(%q), Endings = %q, want %q", tc.add, g.Endings, tc.want)
		}
	}
	for id, want := range map[string]bool{"southern_court": true, "a_held_city": true, "peace": false, "": false} {
		if g.Found(id) != want {
			t.Errorf("Found(%q) = %v", id, !want)
		}
	}
}

func TestGallerySaveLoad(t *testing.T) {
	for kind, st := range stores(t) {
		t.Run(kind, func(t *testing.T) {
			g, err := LoadGallery(st, "jingkang")
			if err != nil || g.Campaign != "jingkang" || len(g.Endings) != 0 {
				t.Fatalf("LoadGallery of nothing = %+v, %v", g, err)
			}
			if err := SaveGallery(st, g); err != nil { // an empty gallery
				t.Fatal(err)
			}
			for _, id := range []string{"c", "a", "b"} {
				g.Add(id)
				if err := SaveGallery(st, g); err != nil {
					t.Fatal(err)
				}
			}
			got, err := LoadGallery(st, "jingkang")
			if err != nil || !reflect.DeepEqual(got, Gallery{Campaign: "jingkang", Endings: []string{"c", "a", "b"}}) {
				t.Fatalf("LoadGallery = %+v, %v", got, err)
			}
			if other, err := LoadGallery(st, "xuanhe"); err != nil || len(other.Endings) != 0 {
				t.Fatalf("another campaign's gallery: %+v, %v", other, err)
			}
		})
	}
}

func TestSaveGalleryNeverForgets(t *testing.T) {
	st := Memory()
	// Two windows of the game load the same gallery and find different endings.
	first, _ := LoadGallery(st, "jingkang")
	second, _ := LoadGallery(st, "jingkang")
	first.Add("a")
	first.Add("b")
	if err := SaveGallery(st, first); err != nil {
		t.Fatal(err)
	}
	second.Add("c")
	second.Add("a")
	if err := SaveGallery(st, second); err != nil {
		t.Fatal(err)
	}
	got, err := LoadGallery(st, "jingkang")
	if err != nil || !reflect.DeepEqual(got.Endings, []string{"a", "b", "c"}) {
		t.Fatalf("LoadGallery = %+v, %v; want a, b, c", got, err)
	}
	if err := SaveGallery(st, Gallery{}); err == nil {
		t.Fatal("SaveGallery of a gallery with no campaign is not an error")
	}
}

func TestLoadGallery(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      []string
		damaged   bool
	}{
		{"plain", `{"campaign":"jingkang","endings":["x","y"]}`, []string{"x", "y"}, false},
		{"repeats and empties dropped", `{"campaign":"jingkang","endings":["x","","y","x"]}`, []string{"x", "y"}, false},
		{"unknown fields", `{"campaign":"jingkang","endings":["x"],"seen_at":[1]}`, []string{"x"}, false},
		{"no endings", `{"campaign":"jingkang"}`, nil, false},

		{"not JSON", `endings: x`, nil, true},
		{"cut short", `{"campaign":"jingkang","endings":["x",`, nil, true},
		{"wrong type", `{"campaign":"jingkang","endings":"x"}`, nil, true},
		{"another campaign", `{"campaign":"xuanhe","endings":["x"]}`, nil, true},
		{"no campaign", `{"endings":["x"]}`, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := Memory()
			key := galleryKey("jingkang")
			if err := st.Write(key, []byte(tc.doc)); err != nil {
				t.Fatal(err)
			}
			g, err := LoadGallery(st, "jingkang")
			if g.Campaign != "jingkang" || !reflect.DeepEqual(g.Endings, tc.want) {
				t.Errorf("LoadGallery = %+v, want endings %q", g, tc.want)
			}
			if tc.damaged != (err != nil) {
				t.Fatalf("LoadGallery error %v; want one: %v", err, tc.damaged)
			}
			if doc, _ := st.Read(key); string(doc) != tc.doc {
				t.Fatalf("loading changed the file to %q", doc)
			}
			if !tc.damaged {
				return
			}
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "left as it is") {
				t.Errorf("the error %q does not say the file is damaged and kept", err)
			}
			// Saving keeps a copy of the damaged file first.
			g.Add("z")
			if err := SaveGallery(st, g); err != nil {
				t.Fatal(err)
			}
			if kept, err := st.Read(key + ".damaged-1"); err != nil || !bytes.Equal(kept, []byte(tc.doc)) {
				t.Fatalf("the damaged gallery was not kept: %q, %v", kept, err)
			}
			if again, err := LoadGallery(st, "jingkang"); err != nil || !reflect.DeepEqual(again.Endings, []string{"z"}) {
				t.Fatalf("after saving, LoadGallery = %+v, %v", again, err)
			}
		})
	}
}

func TestSaveGalleryWhenUnreadable(t *testing.T) {
	mem := Memory()
	if err := mem.Write(galleryKey("jingkang"), []byte(`{"campaign":"jingkang","endings":["x"]}`)); err != nil {
		t.Fatal(err)
	}
	st := failing{Store: mem, fail: func(op, key string) bool { return op == "read" }}
	g := Gallery{Campaign: "jingkang", Endings: []string{"y"}}
	if _, err := LoadGallery(st, "jingkang"); !errors.Is(err, errInjected) {
		t.Fatalf("LoadGallery when reading fails: %v", err)
	}
	if err := SaveGallery(st, g); !errors.Is(err, errInjected) {
		t.Fatalf("SaveGallery when reading fails: %v", err)
	}
	if got, _ := LoadGallery(mem, "jingkang"); !reflect.DeepEqual(got.Endings, []string{"x"}) {
		t.Fatalf("the gallery that could not be read became %q", got.Endings)
	}
}
