// Package scenarios holds the game's campaigns, one folder each, as YAML data written by
// authors. The files are embedded so that every build, the browser's included, carries them;
// docs/scenario-format.md describes them.
package scenarios

import "embed"

// FS holds every campaign folder and its YAML files.
//
//go:embed */*.yaml
var FS embed.FS
