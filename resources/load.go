package resources

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The content folders of a pack. Everything in them is checked; other files (a README,
// audio folders) are only read when something refers to them.
const (
	dirPractices  = "practices"
	dirPrompts    = "prompts"
	dirLessons    = "lessons"
	dirExercises  = "exercises"
	dirProgrammes = "programmes"
	dirSupport    = "support"
)

// maxTextFile is the largest TOML or Markdown file the loader reads (1 MiB).
const maxTextFile = 1 << 20

// maxLineLen is the longest a one-line text (summary, description, nudge) may be.
const maxLineLen = 200

// LoadPack loads and validates the pack at the root of fsys: its manifest.toml and any
// content folders. References may point into the pack itself or into the built-in
// content; the pack's IDs must not repeat built-in IDs. If anything is wrong it returns
// a *ValidationError (errors.Is(err, ErrInvalidPack)) that lists every problem.
//
// LoadPack reads only through fsys; callers that read outside input from a folder or
// zip file should go through ValidatePack or ImportPack, which also refuse symlinks,
// paths outside the pack and oversized files.
func LoadPack(fsys fs.FS) (*Pack, error) {
	base, err := loadBuiltinBase()
	if err != nil {
		return nil, err
	}
	return loadPackWith(fsys, base)
}

// loadPackWith loads a pack whose references may also point into base.
func loadPackWith(fsys fs.FS, base *Pack) (*Pack, error) {
	var probs []Problem
	add := func(p Problem) { probs = append(probs, p) }
	m, ok := readManifest(fsys, add)
	if !ok {
		return nil, &ValidationError{Problems: probs}
	}
	if m.ID == BuiltinID {
		add(Problem{File: manifestFile, Msg: fmt.Sprintf("the pack ID %q is reserved for Hearth's own content", BuiltinID)})
	}
	pk, err := load(fsys, m, base)
	var ve *ValidationError
	if errors.As(err, &ve) {
		probs = append(probs, ve.Problems...)
	} else if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, &ValidationError{Problems: probs}
	}
	return pk, nil
}

// load reads and checks every content folder of fsys into a Pack with manifest m.
// base (nil for the built-in pack itself) is the content references may also use and
// whose IDs must not be reused.
func load(fsys fs.FS, m Manifest, base *Pack) (*Pack, error) {
	l := &loader{fsys: fsys, base: base, pack: &Pack{Manifest: m, FS: fsys}}
	l.practices()
	l.prompts()
	l.lessons()
	l.exercises()
	l.programmes()
	l.support()
	if base != nil {
		l.onlyHelplines()
	}
	l.crossReferences()
	if len(l.problems) > 0 {
		return nil, &ValidationError{Problems: l.problems}
	}
	return l.pack, nil
}

// loader collects the pack and every problem found on the way.
type loader struct {
	fsys     fs.FS
	base     *Pack
	pack     *Pack
	problems []Problem

	// where each item was defined, for cross-reference problems
	srcs         map[string]string // file -> text, for finding lines later
	lessonLoc    map[string]locRef
	programmeLoc map[string]locRef
}

// locRef is a file and its locator.
type locRef struct {
	file string
	loc  locator
}

func (l *loader) add(p Problem) { l.problems = append(l.problems, p) }

func (l *loader) addf(file string, line int, format string, a ...any) {
	l.add(Problem{File: file, Line: line, Msg: fmt.Sprintf(format, a...)})
}

// files lists the regular files of dir with extension ext, sorted. Other entries in the
// folder are problems. A missing folder is fine (packs carry only what they need).
func (l *loader) files(dir, ext string) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		l.addf(dir, 0, "cannot read the folder: %v", err)
		return nil
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "."):
			// hidden files (.keep, .DS_Store) are ignored
		case e.IsDir():
			l.addf(path.Join(dir, name), 0, "unexpected folder (only %s files belong in %s/)", ext, dir)
		case !strings.HasSuffix(name, ext):
			l.addf(path.Join(dir, name), 0, "unexpected file (only %s files belong in %s/)", ext, dir)
		default:
			names = append(names, path.Join(dir, name))
		}
	}
	sort.Strings(names)
	return names
}

// read returns a text file's contents, or "", false after adding a problem.
func (l *loader) read(name string) (string, bool) {
	f, err := l.fsys.Open(name)
	if err != nil {
		l.addf(name, 0, "cannot open: %v", err)
		return "", false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTextFile+1))
	if err != nil {
		l.addf(name, 0, "cannot read: %v", err)
		return "", false
	}
	if len(data) > maxTextFile {
		l.addf(name, 0, "file is larger than %d KiB", maxTextFile>>10)
		return "", false
	}
	if !utf8.Valid(data) {
		l.addf(name, 0, "file is not UTF-8 text")
		return "", false
	}
	if l.srcs == nil {
		l.srcs = map[string]string{}
	}
	l.srcs[name] = string(data)
	return string(data), true
}

// idFromFile returns "x" for "practices/x.toml".
func idFromFile(name, ext string) string {
	return strings.TrimSuffix(path.Base(name), ext)
}

// checkID adds a problem when id is missing or not a valid ID.
func (l *loader) checkID(file string, line int, what, id string) {
	switch {
	case id == "":
		l.addf(file, line, "%s is missing", what)
	case !ValidID(id):
		l.addf(file, line, "%s %q is not a valid ID (2-64 lowercase letters, digits and hyphens)", what, id)
	}
}

// checkFileName adds a problem when a valid id differs from the file's name.
func (l *loader) checkFileName(file string, line int, id, ext string) {
	if ValidID(id) && id != idFromFile(file, ext) {
		l.addf(file, line, "id %q does not match the file name; name the file %s%s or change the id", id, id, ext)
	}
}

// need adds a problem when a required text is empty.
func (l *loader) need(file string, line int, what, v string) {
	if strings.TrimSpace(v) == "" {
		l.addf(file, line, "%s is missing", what)
	}
}

// oneLine adds a problem when a text that must be one line is not (or is missing and
// required).
func (l *loader) oneLine(file string, line int, what, v string, required bool) {
	switch {
	case strings.TrimSpace(v) == "":
		if required {
			l.addf(file, line, "%s is missing", what)
		}
	case strings.ContainsAny(v, "\r\n"):
		l.addf(file, line, "%s must be one line", what)
	case len([]rune(v)) > maxLineLen:
		l.addf(file, line, "%s is %d characters; keep it to one line of at most %d", what, len([]rune(v)), maxLineLen)
	}
}

// oneOf adds a problem when v is missing or not one of allowed.
func oneOf[T ~string](l *loader, file string, line int, what string, v T, allowed []T) {
	switch {
	case v == "":
		l.addf(file, line, "%s is missing (one of %s)", what, joinQ(allowed))
	case !slices.Contains(allowed, v):
		l.addf(file, line, "%s %q is not one of %s", what, string(v), joinQ(allowed))
	}
}

// joinQ formats allowed values as "a", "b" or "c".
func joinQ[T ~string](vals []T) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", string(v))
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
