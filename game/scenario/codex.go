package scenario

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// CodexKinds are the kinds of codex entries.
var CodexKinds = []string{"person", "place", "office", "term"}

// CodexEntry is an entry of the codex: a person, place, office or term, with its characters,
// pinyin, a short text, dates and source. It unlocks when the story first names it.
type CodexEntry struct {
	ID     string
	Pos    Pos
	Kind   string
	Title  string
	Chars  string
	Pinyin string
	Dates  string
	Text   string
	Source string
	Names  []string // the words in event text that name it (default: its title)
}

// Link is a span of text naming a codex entry: text[Start:End] (byte offsets).
type Link struct {
	Start, End int
	Entry      *CodexEntry
}

// Links finds every mention of a codex entry in text, longest names first, never overlapping,
// and only where the name stands as a whole word.
func (c *Campaign) Links(text string) []Link {
	var out []Link
	taken := func(s, e int) bool {
		for _, l := range out {
			if s < l.End && l.Start < e {
				return true
			}
		}
		return false
	}
	for _, n := range c.codexNames {
		for from := 0; ; {
			i := strings.Index(text[from:], n.name)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(n.name)
			from = e
			if wordEdge(text, s, e) && !taken(s, e) {
				out = append(out, Link{Start: s, End: e, Entry: n.entry})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// wordEdge reports whether text[s:e] is not part of a longer word.
func wordEdge(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// codexName is one name of an entry, for Links.
type codexName struct {
	name  string
	entry *CodexEntry
}

func (b *builder) codexEntry(w *walker, n *yaml.Node) {
	m := w.fields(n, "codex entry", "id", "kind", "title", "chars", "pinyin", "dates", "text", "source", "names")
	if m == nil {
		return
	}
	e := &CodexEntry{ID: b.id(w, m, "codex entry", n), Pos: w.pos(n)}
	what := "codex entry " + e.ID
	for _, prev := range b.c.Codex {
		if prev.ID == e.ID && e.ID != "" {
			w.r.add(w.pos(m["id"]), "codex id %q is used again (first at %s:%d)", e.ID, prev.Pos.File, prev.Pos.Line)
		}
	}
	e.Kind = w.text(m, "kind", what, n)
	if e.Kind != "" && !contains(CodexKinds, e.Kind) {
		w.r.add(w.pos(m["kind"]), "%s: kind %q is not one of %s", what, e.Kind, strings.Join(CodexKinds, ", "))
	}
	e.Title = w.text(m, "title", what, n)
	e.Chars = w.text(m, "chars", what, n)
	e.Pinyin = w.text(m, "pinyin", what, n)
	e.Dates = w.optText(m, "dates", what)
	e.Text = Prose(w.text(m, "text", what, n))
	e.Source = w.text(m, "source", what, n)
	names, nodes := w.strs(m, "names", what)
	if len(names) == 0 && e.Title != "" {
		names, nodes = []string{e.Title}, []*yaml.Node{m["title"]}
	}
	for i, name := range names {
		if name == "" {
			continue
		}
		if other, dup := b.codexNames[name]; dup {
			w.r.add(w.pos(nodes[i]), "%s: the name %q already links to codex entry %s", what, name, other.ID)
			continue
		}
		b.codexNames[name] = e
		e.Names = append(e.Names, name)
	}
	b.c.Codex = append(b.c.Codex, e)
}

// finishCodex orders the names for Links, longest first so "Cai Jing 蔡靖" wins over "Cai Jing".
func (b *builder) finishCodex() {
	for name, e := range b.codexNames {
		b.c.codexNames = append(b.c.codexNames, codexName{name, e})
	}
	sort.Slice(b.c.codexNames, func(i, j int) bool {
		a, z := b.c.codexNames[i].name, b.c.codexNames[j].name
		if len(a) != len(z) {
			return len(a) > len(z)
		}
		return a < z
	})
}
