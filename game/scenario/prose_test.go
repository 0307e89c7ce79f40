package scenario

import "testing"

func TestProse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One line.", "One line."},
		{"A line\nwrapped by the author\nat eighty columns.\n", "A line wrapped by the author at eighty columns."},
		{"First paragraph\nwrapped.\n\n\nSecond\nparagraph.\n", "First paragraph wrapped.\n\nSecond paragraph."},
		{"The terms:\n- gold\n- silver\n  and silk\nend.", "The terms:\n- gold\n- silver\n  and silk end."},
		{"Counsel:\n1. hold\n2. flee", "Counsel:\n1. hold\n2. flee"},
		{"In 1126\nthe Jin came.", "In 1126 the Jin came."},
		{"  \n\nspaces   \n  \n", "spaces"},
		{"Windows\r\nline ends.", "Windows line ends."},
	}
	for _, tc := range tests {
		if got := Prose(tc.in); got != tc.want {
			t.Errorf("Prose(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
