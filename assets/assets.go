// Package assets holds the files the game ships inside its binary: the fonts, subset to the
// characters the scenarios and the interface use, with their licence.
//
// The fonts are made by `go generate ./assets` from Debian's fonts-noto-cjk (Noto Serif CJK TC)
// and fonts-ebgaramond (EB Garamond), both under the SIL Open Font License (fonts/OFL.txt).
package assets

import _ "embed"

//go:generate go run ./internal/fontsubset

// SerifCJK is Noto Serif CJK TC, subset to the Chinese characters the game uses.
//
//go:embed fonts/NotoSerifCJKtc-Subset.otf
var SerifCJK []byte

// SerifLatin is EB Garamond, subset to the Latin letters, pinyin and punctuation the game uses.
//
//go:embed fonts/EBGaramond-Subset.otf
var SerifLatin []byte

// Charset is every character the fonts were subset to, as the generator found them.
//
//go:embed fonts/charset.txt
var Charset string
