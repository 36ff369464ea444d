package resources

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"
)

// manifestFile is the name of a pack's manifest at its root.
const manifestFile = "manifest.toml"

// SchemaVersion is the only pack format version this Hearth reads.
const SchemaVersion = 1

// rawManifest is manifest.toml as written.
type rawManifest struct {
	Schema           int    `toml:"schema"`
	ID               string `toml:"id"`
	Title            string `toml:"title"`
	Version          string `toml:"version"`
	Description      string `toml:"description"`
	Facilitator      string `toml:"facilitator"`
	Contact          string `toml:"contact"`
	Licence          string `toml:"licence"`
	MinHearthVersion string `toml:"min_hearth_version"`
}

// ValidID reports whether id is a valid content or pack ID: 2 to 64 lowercase ASCII
// letters, digits and hyphens, not starting or ending with a hyphen.
func ValidID(id string) bool {
	if len(id) < 2 || len(id) > 64 || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// readManifest reads and checks manifest.toml at the root of fsys. ok is false when
// the rest of the pack cannot be read meaningfully (no manifest, bad TOML, unknown
// schema, bad ID); smaller problems are added and ok stays true.
func readManifest(fsys fs.FS, add func(Problem)) (m Manifest, ok bool) {
	f, err := fsys.Open(manifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		add(Problem{File: manifestFile, Msg: "missing: a pack has a manifest.toml at its top level (see PACKS.md)"})
		return m, false
	}
	if err != nil {
		add(Problem{File: manifestFile, Msg: fmt.Sprintf("cannot open: %v", err)})
		return m, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTextFile+1))
	if err != nil {
		add(Problem{File: manifestFile, Msg: fmt.Sprintf("cannot read: %v", err)})
		return m, false
	}
	return ParseManifest(data, add)
}

// ParseManifest parses and checks the text of a manifest.toml, adding every problem
// found. ok is false when the pack cannot be read further.
func ParseManifest(data []byte, add func(Problem)) (m Manifest, ok bool) {
	if len(data) > maxTextFile {
		add(Problem{File: manifestFile, Msg: fmt.Sprintf("larger than %d KiB", maxTextFile>>10)})
		return m, false
	}
	if !utf8.Valid(data) {
		add(Problem{File: manifestFile, Msg: "not UTF-8 text"})
		return m, false
	}
	src := string(data)
	var r rawManifest
	if !decodeStrict(src, manifestFile, 1, &r, add) {
		return m, false
	}
	loc := newLocator(src, 1)
	bad := func(key, format string, a ...any) {
		add(Problem{File: manifestFile, Line: loc.line(key), Msg: fmt.Sprintf(format, a...)})
	}
	fatal := false
	switch {
	case r.Schema == 0:
		bad("schema", "schema is missing (write schema = %d)", SchemaVersion)
		fatal = true
	case r.Schema != SchemaVersion:
		bad("schema", "schema %d is not known to this Hearth, which reads schema %d; a newer Hearth may read this pack", r.Schema, SchemaVersion)
		fatal = true
	}
	switch {
	case r.ID == "":
		bad("id", "id is missing")
		fatal = true
	case !ValidID(r.ID):
		bad("id", "id %q is not a valid ID (2-64 lowercase letters, digits and hyphens)", r.ID)
		fatal = true
	}
	for _, f := range []struct{ key, val string }{
		{"title", r.Title}, {"version", r.Version}, {"facilitator", r.Facilitator},
		{"contact", r.Contact}, {"licence", r.Licence}, {"min_hearth_version", r.MinHearthVersion},
	} {
		switch {
		case strings.TrimSpace(f.val) == "":
			bad(f.key, "%s is missing", f.key)
		case strings.ContainsAny(f.val, "\r\n") || utf8.RuneCountInString(f.val) > maxLineLen:
			bad(f.key, "%s must be one line of at most %d characters", f.key, maxLineLen)
		}
	}
	if strings.ContainsAny(r.Description, "\r\n") || utf8.RuneCountInString(r.Description) > maxLineLen {
		bad("description", "description must be one line of at most %d characters", maxLineLen)
	}
	if r.MinHearthVersion != "" {
		if _, err := parseVersion(r.MinHearthVersion); err != nil {
			bad("min_hearth_version", "min_hearth_version %q is not a version like 0.1.0", r.MinHearthVersion)
		}
	}
	return Manifest(r), !fatal
}

// parseVersion parses "1.2.3" (or "1.2", "v1.2.3"; a "-suffix" is ignored) into numbers.
func parseVersion(v string) ([3]int, error) {
	var out [3]int
	v = strings.TrimPrefix(v, "v")
	if i := strings.IndexAny(v, "-+"); i >= 0 {
		v = v[:i]
	}
	parts := strings.Split(v, ".")
	if len(parts) < 1 || len(parts) > 3 {
		return out, fmt.Errorf("version %q: want major.minor.patch", v)
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 1_000_000 {
			return out, fmt.Errorf("version %q: want major.minor.patch", v)
		}
		out[i] = n
	}
	return out, nil
}

// VersionAtLeast reports whether version have is at least want (both like "1.2.3").
// An unreadable have (a development build) counts as new enough.
func VersionAtLeast(have, want string) bool {
	w, err := parseVersion(want)
	if err != nil {
		return false
	}
	h, err := parseVersion(have)
	if err != nil {
		return true
	}
	for i := range h {
		if h[i] != w[i] {
			return h[i] > w[i]
		}
	}
	return true
}
