package page

import (
	"slices"
	"strings"

	"github.com/bianjing1125/bianjing/game/scenario"
)

// Text is prose as a page holds it: paragraphs of spans, the names that have a codex entry
// marked as links.
type Text []Paragraph

// Paragraph is one paragraph: its spans in order. Lines the author kept (verse, a list) stay
// inside the spans as single line breaks.
type Paragraph []Span

// Span is a run of a paragraph: plain text, or a name linking to a codex entry.
type Span struct {
	Text string
	Link string // the codex entry's id; "" for plain text
}

// Link is a link of a Text by its place in the Text's String: String()[Start:End] names the
// codex entry ID (byte offsets).
type Link struct {
	Start, End int
	ID         string
}

// NewText splits s into paragraphs at its blank lines and marks in each the names of c's codex
// entries (scenario.Campaign.Links decides what counts as a name). Empty paragraphs are
// dropped; s may use "\r\n".
func NewText(c *scenario.Campaign, s string) Text {
	var t Text
	for _, raw := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		var p Paragraph
		at := 0
		for _, l := range c.Links(raw) {
			if l.Start > at {
				p = append(p, Span{Text: raw[at:l.Start]})
			}
			p = append(p, Span{Text: raw[l.Start:l.End], Link: l.Entry.ID})
			at = l.End
		}
		if at < len(raw) {
			p = append(p, Span{Text: raw[at:]})
		}
		t = append(t, p)
	}
	return t
}

// String returns the paragraph's text, its kept line breaks included.
func (p Paragraph) String() string {
	if len(p) == 1 {
		return p[0].Text
	}
	var b strings.Builder
	for _, s := range p {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Plain returns the paragraph on one line: its words separated by single spaces.
func (p Paragraph) Plain() string { return strings.Join(strings.Fields(p.String()), " ") }

// String returns the text with its paragraphs separated by blank lines.
func (t Text) String() string {
	parts := make([]string, len(t))
	for i, p := range t {
		parts[i] = p.String()
	}
	return strings.Join(parts, "\n\n")
}

// Empty reports whether the text has no words.
func (t Text) Empty() bool { return len(t) == 0 }

// Links returns the text's links by their places in String.
func (t Text) Links() []Link {
	var out []Link
	at := 0
	for i, p := range t {
		if i > 0 {
			at += len("\n\n")
		}
		for _, s := range p {
			if s.Link != "" {
				out = append(out, Link{Start: at, End: at + len(s.Text), ID: s.Link})
			}
			at += len(s.Text)
		}
	}
	return out
}

// appendCodex appends to ids the codex entries t names that are not in it yet.
func (t Text) appendCodex(ids []string) []string {
	for _, p := range t {
		for _, s := range p {
			if s.Link != "" && !slices.Contains(ids, s.Link) {
				ids = append(ids, s.Link)
			}
		}
	}
	return ids
}
