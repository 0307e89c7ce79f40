// Command fontsubset makes the game's fonts: it gathers every character used by the scenarios
// and the interface, then subsets Debian's Noto Serif CJK TC and EB Garamond to them with
// fontTools (Debian's python3-fonttools). Run it with `go generate ./assets` from the repo root
// or the assets folder; it needs fonts-noto-cjk, fonts-ebgaramond and python3-fonttools.
package main

import (
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

const (
	cjkSource   = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
	cjkIndex    = "3" // TC, traditional characters, as the sources print them
	latinSource = "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf"
)

// latinBase is what the interface may show beyond the scenario text: printable ASCII,
// Latin-1, pinyin with tone marks and typographic punctuation.
var latinBase = func() string {
	var b strings.Builder
	for r := rune(0x20); r < 0x7f; r++ {
		b.WriteRune(r)
	}
	for r := rune(0xa0); r <= 0xff; r++ {
		b.WriteRune(r)
	}
	b.WriteString("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ–—‘’“”…•·×→←↑↓")
	return b.String()
}()

func main() {
	log.SetFlags(0)
	root, err := repoRoot()
	if err != nil {
		log.Fatal(err)
	}
	used, err := gather(filepath.Join(root, "scenarios"), filepath.Join(root, "game"))
	if err != nil {
		log.Fatal(err)
	}
	var cjk, latin []rune
	for _, r := range used {
		if isCJK(r) {
			cjk = append(cjk, r)
		}
	}
	for _, r := range latinBase {
		latin = append(latin, r)
	}
	for _, r := range used {
		if !isCJK(r) && !slices.Contains(latin, r) && unicode.IsPrint(r) {
			latin = append(latin, r)
		}
	}
	out := filepath.Join(root, "assets", "fonts")
	all := append(slices.Clone(latin), cjk...)
	if err := os.WriteFile(filepath.Join(out, "charset.txt"), []byte(string(all)+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := subset(cjkSource, cjkIndex, string(cjk)+"　，。、；：？！「」『』《》（）…—", filepath.Join(out, "NotoSerifCJKtc-Subset.otf")); err != nil {
		log.Fatal(err)
	}
	if err := subset(latinSource, "0", string(latin), filepath.Join(out, "EBGaramond-Subset.otf")); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("fontsubset: %d CJK and %d other characters\n", len(cjk), len(latin))
}

// isCJK reports whether r is set in the Chinese face.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// gather returns, sorted, every non-ASCII character in the YAML files under scenarios and the
// Go files (the interface's strings) under game.
func gather(dirs ...string) ([]rune, error) {
	seen := map[rune]bool{}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			ext := filepath.Ext(path)
			if ext != ".yaml" && ext != ".yml" && !(ext == ".go" && !strings.HasSuffix(path, "_test.go")) {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, r := range string(data) {
				if r > 0x7e {
					seen[r] = true
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("gathering characters: %w", err)
		}
	}
	var out []rune
	for r := range seen {
		out = append(out, r)
	}
	slices.Sort(out)
	return out, nil
}

func subset(font, index, text, out string) error {
	tmp, err := os.CreateTemp("", "charset-*.txt")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(text); err != nil {
		return err
	}
	tmp.Close()
	cmd := exec.Command("/usr/bin/python3", "-m", "fontTools.subset", font,
		"--font-number="+index, "--text-file="+tmp.Name(), "--output-file="+out,
		"--layout-features=*", "--no-hinting", "--name-IDs=*", "--name-languages=*", "--notdef-outline")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("subsetting %s: %w (needs python3-fonttools and the font package)", font, err)
	}
	return nil
}

// repoRoot finds the folder holding go.mod, from the working directory up.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
