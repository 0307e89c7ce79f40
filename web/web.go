// Package web is the page that runs Bianjing 1125 in a browser: index.html, loader.js and
// style.css. They are embedded here so that cmd/webserve and cmd/webpack (through
// internal/webbuild) can write them beside the game's WebAssembly build and Go's wasm_exec.js.
//
// The page fetches bianjing.wasm with visible progress, starts it with wasm_exec.js, and reports
// what happens in window.bianjing (see loader.js for the contract with the Go side). It also holds
// <div id="sr-mirror">, a visually hidden live region that the game fills for screen readers.
package web

import "embed"

// Files holds the page's files at its root: index.html, loader.js and style.css.
//
//go:embed index.html loader.js style.css
var Files embed.FS

// Names lists the files in Files, in the order they are written out.
var Names = []string{"index.html", "loader.js", "style.css"}

// SizeMeta is the tag in index.html that carries the size of bianjing.wasm in bytes, so that the
// loader can show true progress even when the server compresses the download and sends no usable
// length. It is empty in the embedded page; internal/webbuild fills it in when it writes the page.
const SizeMeta = `<meta name="wasm-size" content="">`
