package assets_test

import (
	"io/fs"
	"strings"
	"testing"
	"unicode"

	"github.com/bianjing1125/bianjing/assets"
	"github.com/bianjing1125/bianjing/scenarios"
	"golang.org/x/image/font/sfnt"
)

// TestFontsCoverScenarios fails when scenario text uses a character neither font holds: run
// `go generate ./assets` after adding text with new characters.
func TestFontsCoverScenarios(t *testing.T) {
	var fonts []*sfnt.Font
	for name, data := range map[string][]byte{"CJK": assets.SerifCJK, "Latin": assets.SerifLatin} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("parsing the %s font: %v", name, err)
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	has := func(r rune) bool {
		for _, f := range fonts {
			if i, err := f.GlyphIndex(&buf, r); err == nil && i != 0 {
				return true
			}
		}
		return false
	}
	missing := map[rune][]string{}
	err := fs.WalkDir(scenarios.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(scenarios.FS, path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, r := range line {
				if unicode.IsPrint(r) && r != ' ' && !has(r) {
					missing[r] = append(missing[r], path+":"+itoa(i+1))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for r, where := range missing {
		t.Errorf("%q (U+%04X) is not in the game's fonts; first used at %s (run go generate ./assets)", r, r, where[0])
	}
	if !has('馬') || !has('擴') || !has('童') || !has('貫') {
		t.Error("the CJK font lacks the characters of Ma Kuo and Tong Guan")
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
