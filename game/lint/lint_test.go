package lint_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bianjing1125/bianjing/game/lint"
	"github.com/bianjing1125/bianjing/game/scenario"
	"github.com/bianjing1125/bianjing/scenarios"
)

func TestShippedCampaign(t *testing.T) {
	c, err := scenario.Load(scenarios.FS, "jingkang")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range lint.Campaign(c) {
		t.Log(w)
	}
}

func TestFindings(t *testing.T) {
	data, err := scenarios.FS.ReadFile("jingkang/campaign.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"c/campaign.yaml": {Data: data}}
	for _, name := range []string{"endings.yaml", "1125-spring-summer.yaml", "1125-autumn.yaml", "1125-winter.yaml", "codex.yaml"} {
		b, err := scenarios.FS.ReadFile("jingkang/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "1125-spring-summer.yaml" {
			b = []byte(strings.Replace(string(b), "    choices:\n", "    choices:\n      - id: lint_never\n        text: Never.\n        enable: \"1 > 2\"\n        disabled: Never.\n", 1))
		}
		fsys["c/"+name] = &fstest.MapFile{Data: b}
	}
	c, err := scenario.Load(fsys, "c")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range lint.Campaign(c) {
		s := w.String()
		found = found || (strings.Contains(s, "warning: choice lint_never is never open") && strings.HasPrefix(s, "c/1125-spring-summer.yaml:"))
	}
	if !found {
		t.Fatalf("the constant false enable is not reported: %v", lint.Campaign(c))
	}
}
