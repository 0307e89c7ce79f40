package store

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadSettings(t *testing.T) {
	def := DefaultSettings()
	if def != (Settings{TextSize: 1, TextSpeed: 60}) {
		t.Fatalf("DefaultSettings = %+v", def)
	}
	for _, tc := range []struct {
		name    string
		doc     string
		want    Settings
		damaged bool
	}{
		{"empty object", `{}`, def, false},
		{"null", `null`, def, false},
		{"all set", `{"text_size":2,"text_speed":0,"fullscreen":true,"night":true}`, Settings{2, 0, true, true}, false},
		{"some set", `{"night":true}`, Settings{1, 60, false, true}, false},
		{"null value", `{"text_size":null,"text_speed":30}`, Settings{1, 30, false, false}, false},
		{"unknown fields", `{"version":7,"volume":0.5,"lang":{"x":1},"text_size":0}`, Settings{0, 60, false, false}, false},
		{"size too large", `{"text_size":7}`, Settings{2, 60, false, false}, false},
		{"size negative", `{"text_size":-3}`, Settings{0, 60, false, false}, false},
		{"speed negative", `{"text_speed":-1}`, Settings{1, 0, false, false}, false},
		{"speed huge", `{"text_speed":1e30}`, Settings{1, MaxTextSpeed, false, false}, false},
		{"fraction", `{"text_size":1.6,"text_speed":44.4}`, Settings{2, 44, false, false}, false},

		{"nothing", ``, def, true},
		{"cut short", `{"text_size":2,`, def, true},
		{"an array", `[]`, def, true},
		{"a string", `"night"`, def, true},
		{"wrong type", `{"text_size":2,"night":"yes"}`, def, true},
		{"number beyond float", `{"text_speed":1e400}`, def, true},
		{"trailing data", `{"night":true} {}`, def, true},
		{"binary", "\x00\xff\xfe", def, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := Memory()
			if err := st.Write(SettingsKey, []byte(tc.doc)); err != nil {
				t.Fatal(err)
			}
			got, err := LoadSettings(st)
			if got != tc.want {
				t.Errorf("LoadSettings = %+v, want %+v", got, tc.want)
			}
			if tc.damaged != (err != nil) {
				t.Fatalf("LoadSettings error %v; want one: %v", err, tc.damaged)
			}
			if err != nil && (!errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "defaults are used")) {
				t.Errorf("the error %q does not say the settings are damaged", err)
			}
			// The file is left as it is.
			if doc, _ := st.Read(SettingsKey); string(doc) != tc.doc {
				t.Fatalf("loading changed the file to %q", doc)
			}
		})
	}
}

func TestLoadSettingsAbsentOrUnreadable(t *testing.T) {
	got, err := LoadSettings(Memory())
	if err != nil || got != DefaultSettings() {
		t.Fatalf("LoadSettings of nothing = %+v, %v", got, err)
	}
	st := failing{Store: Memory(), fail: func(op, key string) bool { return true }}
	got, err = LoadSettings(st)
	if !errors.Is(err, errInjected) || got != DefaultSettings() {
		t.Fatalf("LoadSettings when reading fails = %+v, %v", got, err)
	}
}

func TestSaveSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		in, want Settings
	}{
		{"defaults", DefaultSettings(), DefaultSettings()},
		{"all", Settings{0, 0, true, true}, Settings{0, 0, true, true}},
		{"clamped", Settings{TextSize: 5, TextSpeed: 5000}, Settings{TextSize: 2, TextSpeed: MaxTextSpeed}},
		{"clamped below", Settings{TextSize: -1, TextSpeed: -60, Night: true}, Settings{TextSize: 0, TextSpeed: 0, Night: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := Memory()
			if err := st.Write(SettingsKey, []byte("damaged{")); err != nil {
				t.Fatal(err)
			}
			if err := SaveSettings(st, tc.in); err != nil {
				t.Fatal(err)
			}
			got, err := LoadSettings(st)
			if err != nil || got != tc.want {
				t.Fatalf("after SaveSettings(%+v), LoadSettings = %+v, %v; want %+v", tc.in, got, err, tc.want)
			}
		})
	}
	st := failing{Store: Memory(), fail: func(op, key string) bool { return op == "write" }}
	if err := SaveSettings(st, DefaultSettings()); !errors.Is(err, errInjected) || !strings.Contains(err.Error(), "saving the settings") {
		t.Fatalf("SaveSettings when writing fails: %v", err)
	}
}
