package scenario

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxNodes caps how many YAML nodes one file may hold, aliases counted as often as they are used,
// so a hostile file cannot make the loader do unbounded work.
const maxNodes = 200_000

// walker reads one parsed YAML file by hand, so that every problem is reported with its position
// and reading goes on after the first one.
type walker struct {
	file  string
	r     *report
	nodes int
	lines []string // the file's lines, to find a place inside prose (see textLocator)
}

func (w *walker) pos(n *yaml.Node) Pos {
	return Pos{File: w.file, Line: n.Line, Col: n.Column}
}

// resolve follows aliases, counting each node visited against the file's budget.
func (w *walker) resolve(n *yaml.Node) (*yaml.Node, bool) {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode; depth++ {
		if depth > 100 {
			w.r.add(w.pos(n), "alias chain too long")
			return nil, false
		}
		n = n.Alias
	}
	w.nodes++
	if w.nodes > maxNodes {
		if w.nodes == maxNodes+1 {
			w.r.add(w.pos(n), "file too large: more than %d YAML nodes (with aliases expanded)", maxNodes)
		}
		return nil, false
	}
	return n, n != nil
}

// fields reads a mapping whose keys must be among allowed, reporting unknown and repeated keys.
func (w *walker) fields(n *yaml.Node, what string, allowed ...string) map[string]*yaml.Node {
	n, ok := w.resolve(n)
	if !ok {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		w.r.add(w.pos(n), "%s must be a mapping of keys to values", what)
		return nil
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			w.r.add(w.pos(k), "%s: a key must be a plain word", what)
			continue
		}
		if !contains(allowed, k.Value) {
			w.r.add(w.pos(k), "%s: unknown key %q (known: %s)", what, k.Value, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := out[k.Value]; dup {
			w.r.add(w.pos(k), "%s: key %q given twice", what, k.Value)
			continue
		}
		out[k.Value] = v
	}
	return out
}

// list reads a sequence.
func (w *walker) list(n *yaml.Node, what string) []*yaml.Node {
	n, ok := w.resolve(n)
	if !ok {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		w.r.add(w.pos(n), "%s must be a list", what)
		return nil
	}
	return n.Content
}

// scalar reads a single value as text.
func (w *walker) scalar(n *yaml.Node, what string) (string, bool) {
	n, ok := w.resolve(n)
	if !ok {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		w.r.add(w.pos(n), "%s must be a single value, not a list or mapping", what)
		return "", false
	}
	return n.Value, true
}

// text reads a required, non-empty string.
func (w *walker) text(m map[string]*yaml.Node, key, what string, parent *yaml.Node) string {
	n, ok := m[key]
	if !ok {
		if parent != nil {
			w.r.add(w.pos(parent), "%s: %s is missing", what, key)
		}
		return ""
	}
	s, ok := w.scalar(n, what+" "+key)
	if ok && strings.TrimSpace(s) == "" {
		w.r.add(w.pos(n), "%s: %s is empty", what, key)
	}
	return strings.TrimSpace(s)
}

// optText reads an optional string.
func (w *walker) optText(m map[string]*yaml.Node, key, what string) string {
	n, ok := m[key]
	if !ok {
		return ""
	}
	s, _ := w.scalar(n, what+" "+key)
	return strings.TrimSpace(s)
}

// integer reads an optional integer, def when absent.
func (w *walker) integer(m map[string]*yaml.Node, key, what string, def int) int {
	n, ok := m[key]
	if !ok {
		return def
	}
	s, ok := w.scalar(n, what+" "+key)
	if !ok {
		return def
	}
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		w.r.add(w.pos(n), "%s: %s must be a whole number, not %q", what, key, s)
		return def
	}
	return v
}

// boolean reads an optional true/false.
func (w *walker) boolean(m map[string]*yaml.Node, key, what string) bool {
	n, ok := m[key]
	if !ok {
		return false
	}
	s, ok := w.scalar(n, what+" "+key)
	if !ok {
		return false
	}
	switch s {
	case "true":
		return true
	case "false":
		return false
	}
	w.r.add(w.pos(n), "%s: %s must be true or false, not %q", what, key, s)
	return false
}

// strings reads an optional list of strings, or a single string as a list of one.
func (w *walker) strs(m map[string]*yaml.Node, key, what string) ([]string, []*yaml.Node) {
	n, ok := m[key]
	if !ok {
		return nil, nil
	}
	if r, ok := w.resolve(n); ok && r.Kind == yaml.ScalarNode {
		return []string{strings.TrimSpace(r.Value)}, []*yaml.Node{r}
	}
	var out []string
	var nodes []*yaml.Node
	for _, item := range w.list(n, what+" "+key) {
		if s, ok := w.scalar(item, what+" "+key); ok {
			out = append(out, strings.TrimSpace(s))
			nodes = append(nodes, item)
		}
	}
	return out, nodes
}

// exprPos is where an expression's text starts: after the opening quote of a quoted scalar.
func (w *walker) exprPos(n *yaml.Node) Pos {
	p := w.pos(n)
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		p.Col++
	}
	return p
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
