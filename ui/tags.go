package ui

import (
	"strings"
)

// maxTagRunes bounds one tag's length so a pasted paragraph does not become a tag.
const maxTagRunes = 40

// ParseTags splits comma-separated input into tags: trimmed, inner whitespace
// collapsed, empty ones dropped, duplicates (ignoring case) removed, order kept.
func ParseTags(s string) []string {
	var tags []string
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		t := strings.Join(strings.Fields(part), " ")
		if r := []rune(t); len(r) > maxTagRunes {
			t = strings.TrimSpace(string(r[:maxTagRunes]))
		}
		key := strings.ToLower(t)
		if t == "" || seen[key] {
			continue
		}
		seen[key] = true
		tags = append(tags, t)
	}
	return tags
}

// FormatTags joins tags for the tags field.
func FormatTags(tags []string) string { return strings.Join(tags, ", ") }
