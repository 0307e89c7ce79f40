package watch

import (
	"os"
	"testing"
)

func BenchmarkTake(b *testing.B) {
	fsys := os.DirFS("../../scenarios/jingkang")
	b.ReportAllocs()
	for b.Loop() {
		Take(fsys, ".")
	}
}
