package save_test

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/bianjing1125/bianjing/game/save"
)

func sampleSave() save.Save {
	return save.Save{
		Format: save.Format, Version: save.Version,
		Campaign: "jingkang", CampaignVersion: 3,
		Seed:    18446744073709551615,
		Choices: []string{"send_quietly", "hold_the_walls", "pay_the_tribute", "send_quietly"},
		Note:    "Jingkang 1, 1st month, 5th day — 城下之盟",
	}
}

// codeOf compresses doc with zlib and encodes it as a code, so tests can build codes Code never makes.
func codeOf(doc []byte, extra ...byte) string {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	zw.Write(doc)
	zw.Close()
	return save.CodePrefix + base64.RawURLEncoding.EncodeToString(append(buf.Bytes(), extra...))
}

func TestCodeRoundTrip(t *testing.T) {
	many := sampleSave()
	many.Choices = nil
	for i := range 2000 {
		many.Choices = append(many.Choices, []string{"a", "bb", "hold_the_walls"}[i%3])
	}
	empty := sampleSave()
	empty.Choices = []string{}
	noChoices := sampleSave()
	noChoices.Choices, noChoices.Note = nil, ""
	for _, tc := range []struct {
		name string
		s    save.Save
	}{
		{"sample", sampleSave()},
		{"many choices", many},
		{"empty choices", empty},
		{"no choices, no note", noChoices},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code := save.Code(tc.s)
			if !strings.HasPrefix(code, save.CodePrefix) || strings.ContainsAny(code, " \n=+/") {
				t.Fatalf("code %q is not the prefix and base64url", code)
			}
			got, err := save.FromCode(code)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.s) {
				t.Fatalf("round trip:\n got %+v\nwant %+v", got, tc.s)
			}
		})
	}
	if n := len(save.Code(many)); n > 400 {
		t.Errorf("the code of a 2000-choice save is %d characters; compression should make it short", n)
	}
}

// The code of the largest save a file can hold is still one FromCode reads.
func TestCodeOfTheLargestSave(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	s := sampleSave()
	s.Choices = nil
	id := make([]byte, 190)
	// Each choice adds its id, quotes, a comma, a newline and the indent to the document.
	for size := len(s.Encode()); size+len(id)+8 <= save.MaxSize; size += len(id) + 8 {
		for i := range id {
			id[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s.Choices = append(s.Choices, string(id))
	}
	if doc := s.Encode(); len(doc) < save.MaxSize-1000 {
		t.Fatalf("the save's document is %d bytes; want nearly %d", len(doc), save.MaxSize)
	} else if _, err := save.Decode(doc); err != nil {
		t.Fatal(err)
	}
	code := save.Code(s)
	if len(code) > save.MaxCodeLen {
		t.Fatalf("the code is %d characters, over MaxCodeLen", len(code))
	}
	got, err := save.FromCode(code)
	if err != nil || len(got.Choices) != len(s.Choices) || got.Choices[len(s.Choices)-1] != s.Choices[len(s.Choices)-1] {
		t.Fatalf("FromCode of the largest save: %d choices, %v", len(got.Choices), err)
	}
}

func TestFromCodeToleratesWhitespace(t *testing.T) {
	code := save.Code(sampleSave())
	wrap := func(width int, sep string) string {
		var b strings.Builder
		for i := 0; i < len(code); i += width {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(code[i:min(i+width, len(code))])
		}
		return b.String()
	}
	for _, tc := range []struct{ name, code string }{
		{"as made", code},
		{"around", "  \n\t" + code + "\r\n"},
		{"wrapped at 20", wrap(20, "\n")},
		{"wrapped CRLF", wrap(7, "\r\n")},
		{"spaced", wrap(4, " ")},
		{"inside the prefix", "BJ 1-\n" + strings.TrimPrefix(code, save.CodePrefix)},
		{"no-break and zero-width spaces", "\ufeff" + wrap(10, "\u00a0\u200b")},
		{"padded", code + "=="},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := save.FromCode(tc.code)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, sampleSave()) {
				t.Fatalf("got %+v", got)
			}
		})
	}
}

func TestFromCodeRejects(t *testing.T) {
	code := save.Code(sampleSave())
	body := strings.TrimPrefix(code, save.CodePrefix)
	mid := len(code) / 2
	flipped := code[:mid] + other(code[mid]) + code[mid+1:]
	var raw bytes.Buffer // DEFLATE without the zlib header and checksum
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	fw.Write(sampleSave().Encode())
	fw.Close()
	for _, tc := range []struct{ name, code, want string }{
		{"empty", "", "empty"},
		{"only whitespace", " \n\t ", "empty"},
		{"no prefix", body, "begins with"},
		{"a save document", string(sampleSave().Encode()), "begins with"},
		{"lower-case prefix", "bj1-" + body, "begins with"},
		{"another kind", "BJ2-" + body, `kind "BJ2"`},
		{"prefix only", save.CodePrefix, "damaged"},
		{"not base64url", save.CodePrefix + "abc+def/", "base64"},
		{"a stray character", code[:mid] + "!" + code[mid:], "base64"},
		{"cut short", code[:len(code)-6], "damaged"},
		{"one character changed", flipped, "damaged"},
		{"raw DEFLATE", save.CodePrefix + base64.RawURLEncoding.EncodeToString(raw.Bytes()), "damaged"},
		{"data after the stream", codeOf(sampleSave().Encode(), 1, 2, 3), "after the end"},
		{"decompression bomb", codeOf(make([]byte, 4<<20)), "expands to more than"},
		{"just over the limit", codeOf(bytes.Repeat([]byte{' '}, save.MaxSize+1)), "expands to more than"},
		{"too long", save.CodePrefix + strings.Repeat("A", save.MaxCodeLen), "at most"},
		{"too long with whitespace", code + strings.Repeat(" ", save.MaxCodeLen), "at most"},
		{"not a save", codeOf([]byte(`{"format":"something-else","version":1}`)), "not a Bianjing save"},
		{"not JSON", codeOf([]byte("hello")), "not a valid save document"},
		{"unknown field", codeOf([]byte(`{"format":"bianjing-save","version":1,"campaign":"x","cheat":true}`)), "unknown field"},
		{"empty document", codeOf(nil), "empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := save.FromCode(tc.code)
			if err == nil {
				t.Fatalf("accepted: %+v", s)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

// other returns a base64url character that is not c.
func other(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}

func TestFromCodeDocumentErrorIsDecodes(t *testing.T) {
	_, want := save.Decode([]byte(`{"format":"bianjing-save","version":9,"campaign":"x"}`))
	_, err := save.FromCode(codeOf([]byte(`{"format":"bianjing-save","version":9,"campaign":"x"}`)))
	if err == nil || want == nil || !strings.HasSuffix(err.Error(), want.Error()) {
		t.Fatalf("FromCode: %v; Decode: %v", err, want)
	}
	if errors.Unwrap(err) == nil {
		t.Fatalf("error %v wraps nothing", err)
	}
}

func FuzzFromCode(f *testing.F) {
	f.Add(save.Code(sampleSave()))
	f.Add(codeOf([]byte(`{"format":"bianjing-save","version":1,"campaign":"mini","seed":1,"choices":[]}`)))
	f.Add("BJ1-\n" + save.Code(sampleSave())[4:20])
	f.Add("BJ2-eJwDAAAAAAE")
	f.Fuzz(func(t *testing.T, code string) {
		s, err := save.FromCode(code)
		if err != nil {
			return
		}
		// What a code decodes to is a valid save, and its own code gives it back.
		if _, err := save.Decode(s.Encode()); err != nil {
			t.Fatalf("a save read from a code does not decode from its own document: %v", err)
		}
		again, err := save.FromCode(save.Code(s))
		if err != nil || !reflect.DeepEqual(again, s) {
			t.Fatalf("round trip: %+v, %v; want %+v", again, err, s)
		}
	})
}
