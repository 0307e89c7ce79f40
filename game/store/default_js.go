//go:build js

package store

import (
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"
	"syscall/js"
	"unicode/utf8"
)

// Namespace begins the localStorage key of every document the game keeps in the browser: the
// document under key k is the item Namespace+k. The version lets a later layout live beside this one.
const Namespace = AppName + "/v1/"

// base64Tag begins an item that holds its document as standard base64 (see encodeItem).
const base64Tag = "base64:"

// Default returns where the game keeps its documents: in the browser, localStorage, under
// keys beginning with Namespace. The error says why localStorage cannot be used (it is
// missing, as under Node, or the browser refuses it, as with storage disabled); the game may
// then use Memory.
func Default() (Store, error) {
	ls, err := localStorageOf(js.Global())
	if err != nil {
		return nil, err
	}
	return webStorage{ls: ls}, nil
}

// localStorageOf returns global.localStorage. Reading it can throw (a SecurityError when the
// browser forbids storage), and a JavaScript exception thrown by js.Value.Get cannot be
// recovered, so it is read with Reflect.get through Call, which turns the exception into a
// panic that catch recovers.
func localStorageOf(global js.Value) (ls js.Value, err error) {
	err = catch("opening localStorage", func() {
		ls = js.Global().Get("Reflect").Call("get", global, "localStorage")
	})
	if err != nil {
		return js.Value{}, err
	}
	if ls.Type() != js.TypeObject {
		return js.Value{}, errors.New("store: this browser offers no localStorage")
	}
	return ls, nil
}

// webStorage is a Store on a Web Storage object (localStorage, or a stand-in in tests).
type webStorage struct{ ls js.Value }

// encodeItem returns the string an item holds for a document. A document that is UTF-8 text
// (all the game's documents are JSON) is held as that text, so that it is readable in the
// browser's developer tools and takes a quarter less of the storage quota (about 5 MB) than
// base64 would. Any other document, such as a damaged save kept byte for byte, is held as
// base64Tag followed by its standard base64. So is text that itself begins with base64Tag,
// or with a byte-order mark, which the browser's UTF-8 decoder would silently drop.
func encodeItem(data []byte) string {
	if utf8.Valid(data) && !strings.HasPrefix(string(data), base64Tag) && !strings.HasPrefix(string(data), "\ufeff") {
		return string(data)
	}
	return base64Tag + base64.StdEncoding.EncodeToString(data)
}

// decodeItem returns the document an item holds (see encodeItem).
func decodeItem(item string) ([]byte, error) {
	if rest, ok := strings.CutPrefix(item, base64Tag); ok {
		return base64.StdEncoding.DecodeString(rest)
	}
	return []byte(item), nil
}

// Read returns the document of the item Namespace+key.
func (w webStorage) Read(key string) ([]byte, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	var item js.Value
	if err := catch("reading "+key, func() { item = w.ls.Call("getItem", Namespace+key) }); err != nil {
		return nil, err
	}
	if item.Type() != js.TypeString {
		return nil, notFound(key)
	}
	data, err := decodeItem(item.String())
	if err != nil {
		return nil, fmt.Errorf("store: reading %s: its base64 is damaged: %w", key, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("store: reading %s: %w (%d bytes; at most %d)", key, ErrTooLarge, len(data), MaxSize)
	}
	return data, nil
}

// Write sets the item at once: localStorage has no half-written item.
func (w webStorage) Write(key string, data []byte) error {
	if err := checkWrite(key, data); err != nil {
		return err
	}
	// setItem throws QuotaExceededError when the browser's storage is full.
	return catch("writing "+key, func() { w.ls.Call("setItem", Namespace+key, encodeItem(data)) })
}

// Keys lists the keys under Namespace only: the page's other items are not the game's.
func (w webStorage) Keys() ([]string, error) {
	keys := []string{}
	err := catch("listing localStorage", func() {
		n := w.ls.Get("length").Int()
		for i := range n {
			k := w.ls.Call("key", i)
			if k.Type() != js.TypeString {
				continue
			}
			if key, ok := strings.CutPrefix(k.String(), Namespace); ok && ValidKey(key) {
				keys = append(keys, key)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(keys)
	return keys, nil
}

// catch runs f and returns, as an error, a JavaScript exception it raised (syscall/js panics
// with a js.Error) or a value of the wrong type it met (a *js.ValueError).
func catch(what string, f func()) (err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case js.Error:
			err = fmt.Errorf("store: %s: %w", what, r)
		case *js.ValueError:
			err = fmt.Errorf("store: %s: %w", what, r)
		default:
			panic(r)
		}
	}()
	f()
	return nil
}
