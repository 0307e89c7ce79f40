package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits on what one campaign folder may make the loader do.
const (
	MaxFileSize = 1 << 20 // bytes in one file
	MaxFiles    = 256     // YAML files in one campaign
)

// section is one top-level key of a scenario file, with the walker of the file it is in.
type section struct {
	w    *walker
	key  *yaml.Node
	node *yaml.Node
}

var topKeys = []string{"campaign", "quantities", "flags", "people", "places", "armies", "events", "endings", "codex", "map"}

// Load reads the campaign in folder dir of fsys: every .yaml and .yml file directly in it.
// Positions in problems name files as dir/NAME. The error, when not nil, is Problems
// (the author's mistakes) or a wrapped I/O error.
func Load(fsys fs.FS, dir string) (*Campaign, error) {
	return LoadAs(fsys, dir, dir)
}

// LoadAs is Load with the folder named shown in problems (its path on disk, say).
func LoadAs(fsys fs.FS, dir, shown string) (*Campaign, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("reading campaign folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && isYAML(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	r := &report{}
	if len(names) == 0 {
		r.add(Pos{File: shown, Line: 1, Col: 1}, "no .yaml files in the campaign folder")
		return nil, r.problems
	}
	if len(names) > MaxFiles {
		r.add(Pos{File: shown, Line: 1, Col: 1}, "%d YAML files; at most %d are read", len(names), MaxFiles)
		return nil, r.problems
	}
	sections := map[string][]section{}
	for _, name := range names {
		file := path.Join(shown, name)
		data, err := readLimited(fsys, path.Join(dir, name), file)
		if err != nil {
			var p *Problem
			if errors.As(err, &p) {
				r.problems = append(r.problems, *p)
				continue
			}
			return nil, err
		}
		parseFile(file, data, r, sections)
	}
	c := build(r, sections, shown)
	if len(r.problems) > 0 {
		r.problems.sort()
		return nil, r.problems
	}
	return c, nil
}

// IsCampaign reports whether folder dir of fsys holds scenario files directly.
func IsCampaign(fsys fs.FS, dir string) bool {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && isYAML(e.Name()) {
			return true
		}
	}
	return false
}

func isYAML(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

func readLimited(fsys fs.FS, name, file string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("opening scenario file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	if len(data) > MaxFileSize {
		return nil, &Problem{Pos: Pos{File: file, Line: 1, Col: 1}, Message: fmt.Sprintf("file larger than %d bytes", MaxFileSize)}
	}
	return data, nil
}

// Error lets a single Problem travel as an error.
func (p *Problem) Error() string { return p.String() }

var (
	yamlLine   = regexp.MustCompile(`line (\d+)(?:, column (\d+))?`)
	yamlPrefix = regexp.MustCompile(`^yaml: (?:line \d+(?:, column \d+)?: )?`)
)

// yamlMessage is the parser's message without the prefix and position it starts with.
func yamlMessage(err error) string {
	return yamlPrefix.ReplaceAllString(err.Error(), "")
}

// parseFile parses one file and files its top-level sections.
func parseFile(file string, data []byte, r *report, sections map[string][]section) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			r.add(Pos{File: file, Line: 1, Col: 1}, "empty file")
			return
		}
		r.add(yamlErrorPos(file, err), "%s", yamlMessage(err))
		return
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		r.add(Pos{File: file, Line: extra.Line, Col: extra.Column}, "a second YAML document in one file: split it into its own file")
	} else if !errors.Is(err, io.EOF) {
		r.add(yamlErrorPos(file, err), "%s", yamlMessage(err))
	}
	w := &walker{file: file, r: r, lines: strings.Split(string(data), "\n")}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	root, ok := w.resolve(root)
	if !ok {
		return
	}
	if root.Kind != yaml.MappingNode {
		r.add(w.pos(root), "a scenario file is a mapping with keys among: %s", strings.Join(topKeys, ", "))
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if !contains(topKeys, k.Value) {
			r.add(w.pos(k), "unknown top-level key %q (known: %s)", k.Value, strings.Join(topKeys, ", "))
			continue
		}
		sections[k.Value] = append(sections[k.Value], section{w: w, key: k, node: v})
	}
}

// yamlErrorPos digs the line (and column, when given) out of a YAML parser's message.
func yamlErrorPos(file string, err error) Pos {
	p := Pos{File: file, Line: 1, Col: 1}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			p.Col, _ = strconv.Atoi(m[2])
		}
	}
	return p
}
