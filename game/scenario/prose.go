package scenario

import "strings"

// Prose reflows text as an author wrote it in a YAML block: lines within a paragraph are joined
// with a space, paragraphs stay apart by one blank line, and a line that starts a list item
// ("- ", "* ", "1. ") or is indented keeps its own line. So a front end that lays text out to
// its own width never meets the author's line ends.
func Prose(s string) string {
	var out strings.Builder
	for i, para := range paragraphs(s) {
		if i > 0 {
			out.WriteString("\n\n")
		}
		for j, line := range strings.Split(para, "\n") {
			switch {
			case j == 0:
			case keepsLine(line):
				out.WriteString("\n")
			default:
				out.WriteString(" ")
			}
			if keepsLine(line) {
				out.WriteString(strings.TrimRight(line, " \t"))
			} else {
				out.WriteString(strings.TrimSpace(line))
			}
		}
	}
	return out.String()
}

// paragraphs splits s at blank lines, dropping empty paragraphs.
func paragraphs(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// keepsLine reports whether a line starts a list item or is indented.
func keepsLine(line string) bool {
	if strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
		return true
	}
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") {
		return true
	}
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	return n > 0 && n < len(t) && (t[n] == '.' || t[n] == ')') && strings.HasPrefix(t[n+1:], " ")
}
