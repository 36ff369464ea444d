package resources

import (
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// decodeStrict decodes TOML src (from file, whose first line is line firstLine in the
// real file) into v. Syntax and type errors, and every key v has no place for, become
// problems with the file and line. It reports whether decoding succeeded (unknown keys
// alone do not stop the rest of the checks).
func decodeStrict(src, file string, firstLine int, v any, add func(Problem)) bool {
	md, err := toml.Decode(src, v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			add(Problem{File: file, Line: pe.Position.Line + firstLine - 1, Msg: "TOML: " + pe.Message})
		} else {
			add(Problem{File: file, Line: firstLine, Msg: "TOML: " + err.Error()})
		}
		return false
	}
	for _, k := range md.Undecoded() {
		add(Problem{File: file, Line: keyLine(src, k) + firstLine - 1, Msg: fmt.Sprintf("unknown key %q (check the spelling)", k.String())})
	}
	return true
}

// keyLine finds the line (1-based) of a decoded key such as steps.pause in src. It walks
// the table headers in order, so for arrays of tables it finds the first occurrence of
// a misspelt key, which is where it usually is. 0 means not found.
func keyLine(src string, k toml.Key) int {
	if len(k) == 0 {
		return 0
	}
	table := strings.Join(k[:len(k)-1], ".")
	last := k[len(k)-1]
	current := ""
	for i, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if h, ok := header(t); ok {
			current = h
			if current == strings.Join(k, ".") {
				return i + 1
			}
			continue
		}
		if current == table && keyOf(t) == last {
			return i + 1
		}
	}
	return 0
}

// header returns the table name of a [table] or [[array]] header line.
func header(t string) (string, bool) {
	if !strings.HasPrefix(t, "[") {
		return "", false
	}
	t = strings.TrimLeft(t, "[")
	end := strings.Index(t, "]")
	if end < 0 {
		return "", false
	}
	return strings.TrimSpace(t[:end]), true
}

// keyOf returns the bare key of a "key = value" line, or "".
func keyOf(t string) string {
	eq := strings.Index(t, "=")
	if eq <= 0 {
		return ""
	}
	return strings.Trim(strings.TrimSpace(t[:eq]), `"'`)
}

// locator finds the lines of keys inside one TOML file, for semantic problems found
// after decoding (a missing title, a bad reference). Sections are arrays of tables
// addressed by name and index, e.g. locate("pause", "steps", 2) or
// locate("type", "steps", 0, "steps.fields", 1).
type locator struct {
	lines     []string
	firstLine int // line of lines[0] in the real file
}

func newLocator(src string, firstLine int) locator {
	return locator{lines: strings.Split(src, "\n"), firstLine: firstLine}
}

// line returns the 1-based line of key within the nested section path (pairs of array
// name and index). An empty or missing key gives the section's header line; a missing
// top-level key or a missing section gives 0 (the file as a whole).
func (l locator) line(key string, path ...any) int {
	start, end := -1, len(l.lines) // start: the section's header line index (-1: top level)
	for i := 0; i+1 < len(path); i += 2 {
		name, _ := path[i].(string)
		idx, _ := path[i+1].(int)
		seen, found := -1, false
		for j := start + 1; j < end && !found; j++ {
			h, ok := header(strings.TrimSpace(l.lines[j]))
			if !ok || h != name {
				continue
			}
			if seen++; seen < idx {
				continue
			}
			// The element runs until the next header that is not one of its sub-tables.
			next := end
			for m := j + 1; m < end; m++ {
				h2, ok := header(strings.TrimSpace(l.lines[m]))
				if ok && !strings.HasPrefix(h2, name+".") {
					next = m
					break
				}
			}
			start, end, found = j, next, true
		}
		if !found {
			return 0
		}
	}
	for j := start + 1; j < end; j++ {
		t := strings.TrimSpace(l.lines[j])
		if _, ok := header(t); ok {
			break // keys after a sub-table header belong to the sub-table
		}
		if key != "" && keyOf(t) == key {
			return j + l.firstLine
		}
	}
	if start < 0 {
		return 0
	}
	return start + l.firstLine
}
