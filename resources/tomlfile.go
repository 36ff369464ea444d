package resources

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
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
		} else if m := typeErrRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			key, have, want := m[2], m[3], m[4]
			if l := wrongTypeLine(src, key, want); l > 0 {
				line = l
			}
			add(Problem{File: file, Line: line + firstLine - 1,
				Msg: fmt.Sprintf("%s should be %s, not %s", key, typeWords(want), typeWords(have))})
		} else {
			add(Problem{File: file, Line: firstLine, Msg: "TOML: " + err.Error()})
		}
		return false
	}
	seen := map[string]int{}
	for _, k := range md.Undecoded() {
		nth := seen[k.String()]
		seen[k.String()]++
		add(Problem{File: file, Line: keyLine(src, k, nth) + firstLine - 1, Msg: fmt.Sprintf("unknown key %q (check the spelling)", k.String())})
	}
	return true
}

// typeErrRE matches the error BurntSushi/toml returns when a value has the wrong type.
var typeErrRE = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): incompatible types: TOML value has type (\S+); destination has type (\S+)`)

// typeWords names a Go or TOML type for people.
func typeWords(t string) string {
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string":
		return "text in quotes"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"), t == "slice", t == "array":
		return "a list in [ ]"
	case strings.HasPrefix(t, "map"), t == "struct":
		return "a table"
	case strings.Contains(t, "time") || strings.Contains(t, "Time"):
		return "a date"
	}
	return t
}

// wrongTypeLine finds the first line assigning the last part of key whose value does
// not look like want (the library reports the line of the key's last use, which for an
// array of tables may not be the faulty one). 0 means not found.
func wrongTypeLine(src, key, want string) int {
	k := strings.Split(key, ".")
	last := k[len(k)-1]
	table := strings.Join(k[:len(k)-1], ".")
	current := ""
	for i, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if h, ok := header(t); ok {
			current = h
			continue
		}
		if current != table || keyOf(t) != last {
			continue
		}
		val := strings.TrimSpace(t[strings.Index(t, "=")+1:])
		if val != "" && !sameKind(literalType(val), want) {
			return i + 1
		}
	}
	return 0
}

// sameKind reports whether a value of TOML type lit can go into a Go value of type want
// (a whole number fits a float).
func sameKind(lit, want string) bool {
	l, w := typeWords(lit), typeWords(want)
	return l == w || (l == "a whole number" && w == "a number")
}

// literalType guesses the type of a TOML value from how it starts.
func literalType(v string) string {
	switch {
	case strings.HasPrefix(v, `"`), strings.HasPrefix(v, "'"):
		return "string"
	case strings.HasPrefix(v, "["):
		return "slice"
	case strings.HasPrefix(v, "{"):
		return "map"
	case v == "true" || v == "false":
		return "bool"
	case len(v) >= 10 && v[4] == '-' && v[7] == '-':
		return "time"
	case strings.ContainsAny(v, ".eE") && !strings.HasPrefix(v, "0x"):
		return "float64"
	}
	return "int64"
}

// keyLine finds the line (1-based) of the nth (0-based) occurrence of a key such as
// steps.pauze in src, walking the table headers in order. 0 means not found.
func keyLine(src string, k toml.Key, nth int) int {
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
			if nth == 0 {
				return i + 1
			}
			nth--
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
