package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/scenarios"
)

// source says where campaigns are read from: a folder on disk, or the built-in ones.
type source struct {
	fsys  fs.FS
	root  string // how file names start in messages
	label string
}

func diskSource(dir string) source {
	return source{fsys: os.DirFS(dir), root: filepath.ToSlash(filepath.Clean(dir)), label: dir}
}

func embeddedSource() source {
	return source{fsys: scenarios.FS, root: "scenarios", label: "the built-in scenarios"}
}

// folders lists the campaign folders of a source: the root itself when it holds YAML files,
// else each sub-folder that does.
func (s source) folders() ([]string, error) {
	if _, err := fs.Stat(s.fsys, "."); err != nil {
		return nil, fmt.Errorf("reading %s: %w", s.label, err)
	}
	if scenario.IsCampaign(s.fsys, ".") {
		return []string{"."}, nil
	}
	entries, err := fs.ReadDir(s.fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", s.label, err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && scenario.IsCampaign(s.fsys, e.Name()) {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil, fmt.Errorf("no campaign in %s (a campaign is a folder of .yaml files)", s.label)
	}
	return out, nil
}

// load loads one campaign folder of the source.
func (s source) load(folder string) (*scenario.Campaign, error) {
	return scenario.LoadAs(s.fsys, folder, path.Join(s.root, folder))
}

// campaignFlags are the flags that choose a campaign.
type campaignFlags struct {
	dir, id string
}

func (cf *campaignFlags) register(fl *flag.FlagSet) {
	fl.StringVar(&cf.dir, "dir", "", "read campaigns from this folder instead of the built-in ones")
	fl.StringVar(&cf.id, "campaign", "", "the campaign to use, by id (default: every one, or the first for play)")
}

// all loads every campaign the flags name.
func (cf *campaignFlags) all() ([]*scenario.Campaign, error) {
	src := embeddedSource()
	if cf.dir != "" {
		src = diskSource(cf.dir)
	}
	folders, err := src.folders()
	if err != nil {
		return nil, err
	}
	var out []*scenario.Campaign
	for _, f := range folders {
		c, err := src.load(f)
		if err != nil {
			return nil, err
		}
		if cf.id == "" || c.ID == cf.id {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no campaign %q in %s", cf.id, src.label)
	}
	return out, nil
}

// printLoadError prints a campaign's problems one a line, or any other error.
func printLoadError(w io.Writer, err error) {
	var ps scenario.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(w, p)
		}
		return
	}
	fmt.Fprintf(w, "scenario: %v\n", err)
}
