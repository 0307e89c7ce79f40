package save

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// CodePrefix begins every save code; the digit is the version of the code's layout.
const CodePrefix = "BJ1-"

// MaxCodeLen is the longest text FromCode reads, pasted whitespace included. It is enough for
// the code of any save whose document fits in MaxSize, and is checked before anything is decoded.
const MaxCodeLen = 2 << 20

// Code returns the save as a line of text a player can copy and paste: CodePrefix followed by
// the unpadded base64url of the zlib-compressed compact JSON document.
//
// zlib is DEFLATE with a two-byte header and an Adler-32 checksum of the JSON: the six bytes
// it adds are worth it, because a code mistyped or cut short then fails loudly in FromCode
// instead of perhaps decoding to another, valid save (a different seed or choice).
func Code(s Save) string {
	doc, _ := json.Marshal(s) // strings and numbers only: cannot fail
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression) // a valid level: cannot fail
	zw.Write(doc)                                            // writes to a bytes.Buffer: cannot fail
	zw.Close()
	return CodePrefix + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// FromCode reads a save code made by Code. Whitespace anywhere in it (a code pasted across
// lines, or with spaces around it) is ignored, and so is base64 padding. It is strict about
// the rest: the text's length, the prefix, the base64, the compressed stream and its checksum,
// the size of what it decompresses to (at most MaxSize, so a small code cannot expand into a
// huge document) and, last, the document itself with Decode. It never panics, whatever the input.
func FromCode(code string) (Save, error) {
	if len(code) > MaxCodeLen {
		return Save{}, fmt.Errorf("save code is %d characters; a code is at most %d", len(code), MaxCodeLen)
	}
	code = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' { // zero-width space, byte-order mark
			return -1
		}
		return r
	}, code)
	if code == "" {
		return Save{}, errors.New("save code is empty")
	}
	body, ok := strings.CutPrefix(code, CodePrefix)
	if !ok {
		if kind, _, found := strings.Cut(code, "-"); found && len(kind) <= 8 && strings.HasPrefix(kind, CodePrefix[:2]) {
			return Save{}, fmt.Errorf("save code of kind %q is not one this game reads (it reads %s codes)", kind, strings.TrimSuffix(CodePrefix, "-"))
		}
		return Save{}, fmt.Errorf("not a Bianjing save code: a code begins with %q", CodePrefix)
	}
	body = strings.TrimRight(body, "=")
	packed, err := base64.RawURLEncoding.Strict().DecodeString(body)
	if err != nil {
		return Save{}, fmt.Errorf("save code is damaged (not base64url text): %w", err)
	}
	doc, err := inflate(packed)
	if err != nil {
		return Save{}, fmt.Errorf("save code is damaged: %w", err)
	}
	s, err := Decode(doc)
	if err != nil {
		return s, fmt.Errorf("save code: %w", err)
	}
	return s, nil
}

// inflate decompresses a zlib stream of at most MaxSize bytes that must fill all of packed.
func inflate(packed []byte) ([]byte, error) {
	r := bytes.NewReader(packed) // an io.ByteReader: the decompressor reads no further than its stream
	zr, err := zlib.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a compressed save: %w", err)
	}
	defer zr.Close()
	doc, err := io.ReadAll(io.LimitReader(zr, MaxSize+1))
	switch {
	case len(doc) > MaxSize:
		return nil, fmt.Errorf("it expands to more than %d bytes; a save is at most %d", MaxSize, MaxSize)
	case err != nil:
		return nil, fmt.Errorf("decompressing: %w", err)
	case r.Len() != 0:
		return nil, fmt.Errorf("%d bytes after the end of the compressed save", r.Len())
	}
	return doc, nil
}
