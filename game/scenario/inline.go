package scenario

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"go.yaml.in/yaml/v3"
)

// Inline text: prose that says one thing or another as the world stands, without repeating
// whole paragraphs in variants.
//
//	Li Ye {chosen(no_foot_of_land): offered to go and was not sent|went north with the letter}.
//	The marshals {seen('qingcheng_first'): were courteous last time. }Once was too much.
//	{assumes: li_gang == 'in_office'}Li Gang takes the list from your hand.
//
// `{CONDITION: TEXT|OTHER TEXT}` is TEXT when the condition holds, else OTHER TEXT (or nothing
// without a `|`). The condition ends at the first colon outside quotes and brackets (write a
// conditional expression `a ? b : c` in brackets); one space after the colon is dropped. Texts
// may hold inline text of their own. `{assumes: CONDITION}` says nothing: it states what the
// text around it takes for granted (see assumes). Braces are reserved in prose: outside inline
// text, `{{` and `}}` are a brace. When a text left out leaves two spaces, or a space before punctuation, the space
// goes.

// maxInlineDepth bounds how deep inline texts nest.
const maxInlineDepth = 8

// Inline is prose holding inline text, compiled.
type Inline struct {
	parts []inlinePart
}

// inlinePart is a run of literal text, an inline choice between two texts, or an assumption.
type inlinePart struct {
	lit       string
	when      *Expr // nil for a literal run or an assumption
	then, els []inlinePart
	assume    *Expr // {assumes: ...}
}

// Render returns the text as told when truth says which conditions hold; assumed is called
// with every assumption in the text told (nil: not called).
func (in *Inline) Render(truth func(*Expr) bool, assumed func(*Expr)) string {
	var b strings.Builder
	renderParts(&b, in.parts, truth, assumed)
	out := strings.TrimSpace(b.String())
	for strings.Contains(out, "\n\n\n") { // a paragraph left out
		out = strings.ReplaceAll(out, "\n\n\n", "\n\n")
	}
	return out
}

func renderParts(b *strings.Builder, parts []inlinePart, truth func(*Expr) bool, assumed func(*Expr)) {
	for _, p := range parts {
		switch {
		case p.assume != nil:
			if assumed != nil {
				assumed(p.assume)
			}
		case p.when != nil:
			if truth(p.when) {
				renderParts(b, p.then, truth, assumed)
			} else {
				renderParts(b, p.els, truth, assumed)
			}
		default:
			s := p.lit
			if b.Len() > 0 && strings.HasSuffix(b.String(), " ") && s != "" && strings.ContainsRune(" ,.;:!?)", rune(s[0])) {
				trimmed := strings.TrimRight(b.String(), " ")
				b.Reset()
				b.WriteString(trimmed)
			}
			if b.Len() == 0 || strings.HasSuffix(b.String(), "\n") {
				s = strings.TrimLeft(s, " ")
			}
			b.WriteString(s)
		}
	}
}

// Otherwise returns the text as told when no condition holds: for a front end that shows it
// outside a game (the gallery of endings).
func (in *Inline) Otherwise() string {
	return in.Render(func(*Expr) bool { return false }, nil)
}

// Conditions calls f with every condition and assumption of the text, depth first.
func (in *Inline) Conditions(f func(e *Expr, assumption bool)) {
	var walk func([]inlinePart)
	walk = func(parts []inlinePart) {
		for _, p := range parts {
			switch {
			case p.assume != nil:
				f(p.assume, true)
			case p.when != nil:
				f(p.when, false)
				walk(p.then)
				walk(p.els)
			}
		}
	}
	walk(in.parts)
}

// rawPart is a part of inline text as parsed, before its conditions are compiled.
type rawPart struct {
	lit       string
	cond      string // the condition's source, "" for a literal run
	at        int    // byte offset of the condition in the text
	assume    bool
	then, els []rawPart
}

// inlineError is a mistake in inline text, at a byte offset of the text.
type inlineError struct {
	at  int
	msg string
}

// parseInline reads prose holding inline text.
func parseInline(s string) ([]rawPart, *inlineError) {
	p := &inlineParser{s: s}
	parts, err := p.seq(0)
	if err != nil {
		return nil, err
	}
	return parts, nil
}

type inlineParser struct {
	s string
	i int
}

// seq reads parts up to the end (depth 0), or up to the `|` or `}` that ends a branch.
func (p *inlineParser) seq(depth int) ([]rawPart, *inlineError) {
	var parts []rawPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, rawPart{lit: lit.String()})
			lit.Reset()
		}
	}
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '{' && strings.HasPrefix(p.s[p.i:], "{{"):
			lit.WriteByte('{')
			p.i += 2
		case c == '}' && strings.HasPrefix(p.s[p.i:], "}}") && depth == 0:
			lit.WriteByte('}')
			p.i += 2
		case c == '{':
			flush()
			part, err := p.inline(depth + 1)
			if err != nil {
				return nil, err
			}
			parts = append(parts, part)
		case c == '}' || (c == '|' && depth > 0):
			if depth == 0 {
				return nil, &inlineError{p.i, "a } that closes nothing (write }} for a brace)"}
			}
			flush()
			return parts, nil
		default:
			lit.WriteByte(c)
			p.i++
		}
	}
	if depth > 0 {
		return nil, &inlineError{len(p.s), "inline text is not closed with }"}
	}
	flush()
	return parts, nil
}

// inline reads `{cond: then|else}` or `{assumes: cond}` from its opening brace.
func (p *inlineParser) inline(depth int) (rawPart, *inlineError) {
	open := p.i
	if depth > maxInlineDepth {
		return rawPart{}, &inlineError{open, fmt.Sprintf("inline text nested more than %d deep", maxInlineDepth)}
	}
	p.i++
	end, ok := condEnd(p.s, p.i, ":")
	if !ok {
		return rawPart{}, &inlineError{open, "inline text is {condition: text|other text} or {assumes: condition}: no colon after the condition"}
	}
	cond := strings.TrimSpace(p.s[p.i:end])
	at := p.i + strings.Index(p.s[p.i:end], cond)
	if cond == "" {
		return rawPart{}, &inlineError{open, "inline text without a condition before its colon"}
	}
	p.i = end + 1
	if cond == "assumes" {
		close, ok := condEnd(p.s, p.i, "}")
		if !ok {
			return rawPart{}, &inlineError{open, "{assumes: condition} is not closed with }"}
		}
		a := strings.TrimSpace(p.s[p.i:close])
		if a == "" {
			return rawPart{}, &inlineError{open, "{assumes: } without a condition"}
		}
		part := rawPart{cond: a, at: p.i + strings.Index(p.s[p.i:close], a), assume: true}
		p.i = close + 1
		return part, nil
	}
	if strings.HasPrefix(p.s[p.i:], " ") {
		p.i++
	}
	part := rawPart{cond: cond, at: at}
	var err *inlineError
	if part.then, err = p.seq(depth); err != nil {
		return rawPart{}, err
	}
	if p.s[p.i] == '|' {
		p.i++
		if part.els, err = p.seq(depth); err != nil {
			return rawPart{}, err
		}
		if p.s[p.i] == '|' {
			return rawPart{}, &inlineError{p.i, "a second | in one inline text: nest {condition: text|other} in a branch for more"}
		}
	}
	p.i++ // the closing brace
	return part, nil
}

// condEnd finds the first byte of stop at or after i outside quotes and brackets; a brace or
// the end of the text first is a failure.
func condEnd(s string, i int, stop string) (int, bool) {
	depth := 0
	var quote byte
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case depth <= 0 && strings.IndexByte(stop, c) >= 0:
			return i, true
		case c == '{' || c == '}' || c == '\n':
			return 0, false
		}
	}
	return 0, false
}

// hasInline reports whether prose may hold inline text.
func hasInline(s string) bool { return strings.ContainsAny(s, "{}") }

// inline compiles the inline text of prose s, read from node n; nil when it has none or is wrong.
func (b *builder) inline(w *walker, n *yaml.Node, s, what string) *Inline {
	if n == nil || !hasInline(s) {
		return nil
	}
	raw, perr := parseInline(s)
	loc := &textLocator{w: w, n: n}
	if perr != nil {
		w.r.add(loc.find(s, perr.at, ""), "%s: %s", what, perr.msg)
		return nil
	}
	in := &Inline{}
	ok := true
	var compile func([]rawPart) []inlinePart
	compile = func(raw []rawPart) []inlinePart {
		var out []inlinePart
		for _, r := range raw {
			if r.cond == "" {
				out = append(out, inlinePart{lit: r.lit})
				continue
			}
			pos := loc.find(s, r.at, r.cond)
			kind := what + " inline text"
			if r.assume {
				kind = what + " inline assumes"
			}
			e := b.cp.compileText(w, pos, r.cond, kind, expr.AsBool())
			if e == nil {
				ok = false
				continue
			}
			if r.assume {
				out = append(out, inlinePart{assume: e})
				continue
			}
			out = append(out, inlinePart{when: e, then: compile(r.then), els: compile(r.els)})
		}
		return out
	}
	in.parts = compile(raw)
	if !ok {
		return nil
	}
	return in
}

// plain reports inline text in prose that does not read it.
func (b *builder) plain(w *walker, n *yaml.Node, s, what string) {
	if n == nil || !hasInline(s) {
		return
	}
	at := strings.IndexAny(s, "{}")
	loc := &textLocator{w: w, n: n}
	w.r.add(loc.find(s, at, ""), "%s: braces are inline text, which is read only in the text of events and variants, results, outcomes and endings (write {{ or }} for a brace)", what)
}

// textLocator finds where in the file a piece of prose is, for problems in inline text: the
// prose was reflowed, so the piece is searched for in the lines of its scalar.
type textLocator struct {
	w        *walker
	n        *yaml.Node
	line     int // where the last search ended: the next finds nothing before it
	col      int
	searched bool
}

// find returns the position of needle, found at byte offset at of prose s, in the file; the
// scalar's own position when it cannot be found there. An empty needle stands for the text from
// at to the end of its line.
func (l *textLocator) find(s string, at int, needle string) Pos {
	node := l.n
	if r, ok := l.w.resolve(node); ok {
		node = r
	}
	fallback := l.w.exprPos(node)
	if needle == "" {
		needle = s[at:]
		if i := strings.IndexAny(needle, "\n"); i >= 0 {
			needle = needle[:i]
		}
		if len(needle) > 20 {
			needle = needle[:20]
			for !utf8.ValidString(needle) {
				needle = needle[:len(needle)-1]
			}
		}
	}
	if needle == "" || len(l.w.lines) == 0 {
		return fallback
	}
	if !l.searched {
		l.line, l.col, l.searched = node.Line-1, 0, true
	}
	last := min(len(l.w.lines), node.Line+strings.Count(s, "\n")+strings.Count(node.Value, "\n")+2)
	for i := max(l.line, 0); i < last; i++ {
		from := 0
		if i == l.line {
			from = l.col
		}
		line := l.w.lines[i]
		if from > len(line) {
			continue
		}
		if k := strings.Index(line[from:], needle); k >= 0 {
			l.line, l.col = i, from+k+len(needle)
			return Pos{File: l.w.file, Line: i + 1, Col: utf8.RuneCountInString(line[:from+k]) + 1}
		}
	}
	return fallback
}
