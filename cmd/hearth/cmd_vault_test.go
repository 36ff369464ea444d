package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hearth-app/hearth/journal"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	testPass = "correct horse battery"
	// marker is user text that must never reach stderr.
	marker = "Zebrafinch Quokka 7731"
)

// cheapKDF keeps tests fast; the real default is exercised by BenchmarkSearchCommand.
var cheapKDF = journal.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}

// steppingClock returns a clock that starts at a fixed time and moves one minute per call.
func steppingClock() func() time.Time {
	var mu sync.Mutex
	t := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Minute)
		return t
	}
}

// harness runs hearth commands in-process against one data folder.
type harness struct {
	t      testing.TB
	dir    string
	vars   map[string]string // the fake environment
	opts   []journal.Option
	prompt secretPrompt // nil: stdin is not a terminal
}

func newHarness(t testing.TB) *harness {
	return &harness{
		t:    t,
		dir:  filepath.Join(t.TempDir(), "hearth data"),
		vars: map[string]string{envPassphrase: testPass},
		opts: []journal.Option{journal.WithKDF(cheapKDF), journal.WithClock(steppingClock())},
	}
}

type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout: %q\nstderr: %q", r.code, r.stdout, r.stderr)
}

// run runs "hearth --data-dir DIR args..." with stdin and returns what it did.
func (h *harness) run(stdin string, args ...string) result {
	h.t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(stdin), &out, &errb, func(k string) string { return h.vars[k] })
	e.vaultOpts = h.opts
	e.prompt = h.prompt
	code := run(context.Background(), append([]string{"--data-dir", h.dir}, args...), e)
	return result{code, out.String(), errb.String()}
}

// must runs a command that has to succeed.
func (h *harness) must(stdin string, args ...string) result {
	h.t.Helper()
	r := h.run(stdin, args...)
	if r.code != exitOK {
		h.t.Fatalf("hearth %s: %s", strings.Join(args, " "), r)
	}
	return r
}

// initVault creates the vault and returns its recovery code.
func (h *harness) initVault() string {
	h.t.Helper()
	r := h.must("", "init", "--json")
	var out struct {
		RecoveryCode string `json:"recovery_code"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || out.RecoveryCode == "" {
		h.t.Fatalf("init --json: bad output %q (%v)", r.stdout, err)
	}
	return out.RecoveryCode
}

// add adds an entry and returns its ID.
func (h *harness) add(body string, args ...string) string {
	h.t.Helper()
	r := h.must(body, append([]string{"add"}, args...)...)
	id := strings.TrimSpace(r.stdout)
	if id == "" || strings.ContainsAny(id, " \n") {
		h.t.Fatalf("add printed %q, want one ID", r.stdout)
	}
	return id
}

func (h *harness) listJSON(args ...string) []jsonSummary {
	h.t.Helper()
	r := h.must("", append([]string{"list", "--json"}, args...)...)
	return decode[[]jsonSummary](h.t, r.stdout)
}

func decode[T any](t testing.TB, s string) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decoding %q: %v", s, err)
	}
	return v
}

// fakePrompt answers prompts from a list, as a person at a terminal would.
func fakePrompt(t testing.TB, answers ...string) (secretPrompt, *[]string) {
	var asked []string
	return func(ctx context.Context, prompt string) (string, error) {
		asked = append(asked, prompt)
		if len(answers) == 0 {
			t.Fatalf("unexpected prompt %q", prompt)
		}
		a := answers[0]
		answers = answers[1:]
		return a, nil
	}, &asked
}

func ids(recs []jsonSummary) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = r.ID
	}
	return out
}

func TestInit(t *testing.T) {
	t.Run("json", func(t *testing.T) {
		h := newHarness(t)
		r := h.must("", "init", "--json")
		out := decode[map[string]string](t, r.stdout)
		if len(out) != 1 || out["recovery_code"] == "" {
			t.Fatalf("init --json = %q, want only recovery_code", r.stdout)
		}
		if r.stderr != "" {
			t.Errorf("init --json wrote to stderr: %q", r.stderr)
		}
		if ok, err := journal.Exists(h.dir); !ok || err != nil {
			t.Fatalf("no vault after init: %v %v", ok, err)
		}
		again := h.run("", "init")
		if again.code != exitError || !strings.Contains(again.stderr, "already") {
			t.Errorf("second init: %s", again)
		}
	})
	t.Run("text", func(t *testing.T) {
		h := newHarness(t)
		r := h.must("", "init")
		for _, want := range []string{"recovery code", "only time", "forget your passphrase"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("init text lacks %q:\n%s", want, r.stdout)
			}
		}
	})
	t.Run("terminal asks twice", func(t *testing.T) {
		h := newHarness(t)
		delete(h.vars, envPassphrase)
		var asked *[]string
		h.prompt, asked = fakePrompt(t, "typed at a terminal", "typed at a terminal")
		r := h.must("", "init")
		if len(*asked) != 2 {
			t.Errorf("asked %q, want two prompts", *asked)
		}
		if !strings.Contains(r.stdout, "recovery code") {
			t.Errorf("no recovery code shown: %s", r)
		}
		h.prompt = nil
		h.vars[envPassphrase] = "typed at a terminal"
		h.must("", "list")
	})
	tests := []struct {
		name   string
		vars   map[string]string
		prompt []string
		want   int
		says   string
	}{
		{"no passphrase and no terminal", map[string]string{}, nil, exitUsage, envPassphrase},
		{"too short", map[string]string{envPassphrase: "short"}, nil, exitUsage, "at least 8"},
		{"typed twice differently", map[string]string{}, []string{"first passphrase", "second passphrase"}, exitUsage, "don't match"},
		{"typed too short", map[string]string{}, []string{"tiny"}, exitUsage, "at least 8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.vars = tc.vars
			if tc.prompt != nil {
				h.prompt, _ = fakePrompt(t, tc.prompt...)
			}
			r := h.run("", "init")
			if r.code != tc.want || !strings.Contains(r.stderr, tc.says) {
				t.Fatalf("got %s; want exit %d saying %q", r, tc.want, tc.says)
			}
			if ok, _ := journal.Exists(h.dir); ok {
				t.Error("a vault was created anyway")
			}
		})
	}
}

func TestInitPassphraseFile(t *testing.T) {
	h := newHarness(t)
	delete(h.vars, envPassphrase)
	file := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(file, []byte("from a file, with newline\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := h.must("", "--passphrase-file", file, "init", "--json"); r.stderr != "" {
		t.Errorf("init with a private passphrase file wrote to stderr: %q", r.stderr)
	}
	h.vars[envPassphrase] = "from a file, with newline"
	h.must("", "list") // the trailing newline was not part of the passphrase
	if runtime.GOOS != "windows" {
		if err := os.Chmod(file, 0o644); err != nil {
			t.Fatal(err)
		}
		if r := h.must("", "list", "--passphrase-file", file); !strings.Contains(r.stderr, "chmod 600") {
			t.Errorf("no warning for a readable passphrase file: %s", r)
		}
	}
	if r := h.run("", "list", "--passphrase-file", filepath.Join(t.TempDir(), "missing")); r.code != exitError {
		t.Errorf("missing passphrase file: %s", r)
	}
}

func TestAddListShow(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	first := h.add("The morning was heavy.\n", "--title", "Morning", "--tag", "mood", "--tag", "sleep")
	second := h.add("Self-kindness while walking.")
	third := h.add("A letter to myself.", "--kind", "compassionate-letter", "--title", "Dear me")

	list := h.listJSON()
	if got, want := ids(list), []string{third, second, first}; !equal(got, want) {
		t.Fatalf("list order = %v, want newest first %v", got, want)
	}
	m := list[2]
	if m.Kind != "entry" || m.Title != "Morning" || !equal(m.Tags, []string{"mood", "sleep"}) {
		t.Errorf("list entry = %+v", m)
	}
	for _, s := range list {
		if s.Tags == nil {
			t.Errorf("tags of %s decoded as null; want []", s.ID)
		}
		for _, ts := range []string{s.Created, s.Updated} {
			if _, err := time.Parse(time.RFC3339, ts); err != nil {
				t.Errorf("time %q is not RFC 3339: %v", ts, err)
			}
		}
	}
	if r := h.must("", "list"); !strings.Contains(r.stdout, "Morning") || !strings.Contains(r.stdout, first) ||
		!strings.Contains(r.stdout, "Self-kindness while walking.") {
		t.Errorf("list text:\n%s", r.stdout)
	}

	filters := []struct {
		args []string
		want []string
	}{
		{[]string{"--tag", "mood"}, []string{first}},
		{[]string{"--tag", "mood", "--tag", "nope"}, []string{}},
		{[]string{"--kind", "compassionate-letter"}, []string{third}},
		{[]string{"--kind", "entry"}, []string{second, first}},
		{[]string{"--limit", "1"}, []string{third}},
	}
	for _, f := range filters {
		if got := ids(h.listJSON(f.args...)); !equal(got, f.want) {
			t.Errorf("list %v = %v, want %v", f.args, got, f.want)
		}
	}

	r := h.must("", "show", first, "--json") // flags after the ID work
	rec := decode[jsonRecord](t, r.stdout)
	if rec.ID != first || rec.Body != "The morning was heavy." || rec.Title != "Morning" {
		t.Errorf("show --json = %+v", rec)
	}
	r = h.must("", "show", first)
	for _, want := range []string{"Morning", "The morning was heavy.", "mood, sleep", first} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show text lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestAddAtTerminal(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	delete(h.vars, envPassphrase)
	var asked *[]string
	h.prompt, asked = fakePrompt(t, testPass)
	r := h.must("typed at the terminal\n", "add")
	if len(*asked) != 1 || !strings.Contains(r.stderr, "Write your entry") {
		t.Errorf("add at a terminal: asked %q; %s", *asked, r)
	}
	h.prompt = nil
	h.vars[envPassphrase] = testPass
	r = h.must("piped in", "add")
	if r.stderr != "" {
		t.Errorf("add from a pipe wrote to stderr: %q", r.stderr)
	}
	big := strings.Repeat("x", maxBodyBytes+1)
	if r := h.run(big, "add"); r.code != exitUsage || !strings.Contains(r.stderr, "larger than") {
		t.Errorf("too large an entry: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := h.run("\xff\xfe", "add"); r.code != exitUsage || !strings.Contains(r.stderr, "UTF-8") {
		t.Errorf("not UTF-8: %s", r)
	}
}

// TestShowStructured shows an exercise record (ratings, fields, meta), brought in by
// import as the desktop app would have written it.
func TestShowStructured(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	doc := `{"format": "hearth-journal-export", "version": 1, "records": [{"v": 1,
		"id": "01kjm9zzzzzzzzzzzzzzzzzzzz", "kind": "thought-record", "title": "After the meeting",
		"created": "2026-02-03T10:00:00Z", "updated": "2026-02-03T10:05:00Z",
		"ratings": {"distress_before": 7, "distress_after": 4},
		"fields": {"situation": "The meeting ran late.", "compassionate_view": "I did my best."},
		"meta": {"exercise_id": "thought-record"}}]}`
	file := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	h.must("", "import", file)
	id := "01kjm9zzzzzzzzzzzzzzzzzzzz"
	rec := decode[jsonRecord](t, h.must("", "show", "--json", id).stdout)
	if rec.Kind != "thought-record" || rec.Ratings["distress_before"] != 7 ||
		rec.Fields["compassionate_view"] != "I did my best." || rec.Meta["exercise_id"] != "thought-record" ||
		rec.Created != "2026-02-03T10:00:00Z" || rec.Updated != "2026-02-03T10:05:00Z" || rec.Body != "" {
		t.Errorf("show --json = %+v", rec)
	}
	out := h.must("", "show", id).stdout
	for _, want := range []string{"After the meeting", "distress_before: 7", "situation:\nThe meeting ran late.", "edited"} {
		if !strings.Contains(out, want) {
			t.Errorf("show text lacks %q:\n%s", want, out)
		}
	}
	// Editing the title keeps the structured answers.
	h.must("", "edit", id, "--title", "Later that day")
	rec = decode[jsonRecord](t, h.must("", "show", "--json", id).stdout)
	if rec.Title != "Later that day" || len(rec.Fields) != 2 || len(rec.Ratings) != 2 {
		t.Errorf("after edit: %+v", rec)
	}
}

func TestListEmpty(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	r := h.must("", "list", "--json")
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("empty list --json = %q, want []", r.stdout)
	}
	r = h.must("", "list")
	if r.stdout != "" || !strings.Contains(r.stderr, "no entries yet") {
		t.Errorf("empty list: %s", r)
	}
}

// TestListGolden pins the JSON format of list with a fixed clock. IDs are random, so
// they are replaced by <ID1>, <ID2>... in the order they were created.
func TestListGolden(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	created := []string{
		h.add("First words.", "--title", "Arriving", "--tag", "practice"),
		h.add("No title on this one."),
		h.add("Kind voice.", "--title", "Soothing rhythm breathing", "--tag", "breath", "--tag", "evening"),
	}
	out := h.must("", "list", "--json").stdout
	for i, id := range created {
		out = strings.ReplaceAll(out, id, fmt.Sprintf("<ID%d>", i+1))
	}
	golden := filepath.Join("testdata", "list.golden.json")
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("list --json differs from %s:\ngot:\n%s\nwant:\n%s", golden, out, want)
	}
}

func TestEdit(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	id := h.add("first draft", "--title", "Draft", "--tag", "a")

	h.must("second draft\n", "edit", id)
	rec := decode[jsonRecord](t, h.must("", "show", "--json", id).stdout)
	if rec.Body != "second draft" || rec.Title != "Draft" || !equal(rec.Tags, []string{"a"}) {
		t.Fatalf("after body edit: %+v", rec)
	}
	h.must("", "edit", id, "--title", "Final", "--tag", "b", "--tag", "c")
	rec = decode[jsonRecord](t, h.must("", "show", "--json", id).stdout)
	if rec.Body != "second draft" || rec.Title != "Final" || !equal(rec.Tags, []string{"b", "c"}) {
		t.Fatalf("after title/tag edit (empty stdin keeps the body): %+v", rec)
	}
	if rec.Updated == rec.Created {
		t.Errorf("updated time did not move: %+v", rec)
	}
	r := h.must("second draft", "edit", id)
	if !strings.Contains(r.stderr, "Nothing changed") {
		t.Errorf("identical edit: %s", r)
	}
	if r := h.run("", "edit", id); r.code != exitUsage {
		t.Errorf("edit with nothing to change: %s", r)
	}
	if r := h.run("new text", "edit", "0000NOTANID"); r.code != exitError || !strings.Contains(r.stderr, "no entry") {
		t.Errorf("edit unknown ID: %s", r)
	}
}

func TestDelete(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	keep := h.add("keep me")
	gone := h.add("delete me")
	r := h.must("", "delete", gone)
	if !strings.Contains(r.stdout, gone) {
		t.Errorf("delete output: %s", r)
	}
	if got := ids(h.listJSON()); !equal(got, []string{keep}) {
		t.Errorf("after delete, list = %v", got)
	}
	if r := h.run("", "show", gone); r.code != exitError {
		t.Errorf("show deleted: %s", r)
	}
	if r := h.run("", "delete", gone); r.code != exitError {
		t.Errorf("delete twice: %s", r)
	}
}

func TestSearch(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	walk := h.add("A slow walk by the river, noticing the water.", "--title", "Walking")
	tea := h.add("Tea with a friend; felt warmth.", "--tag", "river")
	h.add("Nothing to do with it.")
	letter := h.add("Dear river, thank you.", "--kind", "compassionate-letter")

	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"river"}, []string{letter, tea, walk}}, // body, tag and body; newest first
		{[]string{"RIVER", "water"}, []string{walk}},     // every word must match, any case
		{[]string{"river", "--kind", "entry"}, []string{tea, walk}},
		{[]string{"river", "--limit", "1"}, []string{letter}},
		{[]string{"--", "-elephant-"}, []string{}},
		{[]string{"elephant"}, []string{}},
	}
	for _, tc := range tests {
		r := h.must("", append([]string{"search", "--json"}, tc.args...)...)
		if got := ids(decode[[]jsonSummary](t, r.stdout)); !equal(got, tc.want) {
			t.Errorf("search %v = %v, want %v", tc.args, got, tc.want)
		}
	}
	r := h.must("", "search", "warmth")
	if !strings.Contains(r.stdout, tea) || strings.Contains(r.stdout, walk) {
		t.Errorf("search text:\n%s", r.stdout)
	}
	r = h.must("", "search", "elephant")
	if r.stdout != "" || !strings.Contains(r.stderr, "Nothing") {
		t.Errorf("search with no match: %s", r)
	}
	if r := h.run("", "search"); r.code != exitUsage {
		t.Errorf("search without words: %s", r)
	}
}

func TestExportImport(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	h.add("one", "--title", "First", "--tag", "x")
	h.add("two")
	before := h.listJSON()

	out := filepath.Join(t.TempDir(), "export.json")
	r := h.must("", "export", "--format", "json", "--out", out)
	if !strings.Contains(r.stderr, "NOT encrypted") {
		t.Errorf("export did not warn: %s", r)
	}
	st, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		t.Errorf("export file mode %v, want private", perm)
	}
	if r := h.must("", "export", "--format", "json", "--out", "-"); !strings.Contains(r.stdout, "First") {
		t.Errorf("export to stdout: %s", r)
	}

	md := filepath.Join(t.TempDir(), "md")
	h.must("", "export", "--format", "md", "--out", md)
	files, err := filepath.Glob(filepath.Join(md, "*"))
	if err != nil || len(files) == 0 {
		t.Errorf("markdown export wrote nothing (%v)", err)
	}

	other := newHarness(t)
	other.initVault()
	r = other.must("", "import", "--format", "json", out)
	if !strings.Contains(r.stdout, "2 new") {
		t.Errorf("import: %s", r)
	}
	if after := other.listJSON(); !equalSummaries(after, before) {
		t.Errorf("imported list = %+v, want %+v", after, before)
	}
	r = other.must("", "import", out) // --format defaults to json; nothing new
	if !strings.Contains(r.stdout, "0 new") {
		t.Errorf("import again: %s", r)
	}
	if r := other.run("", "import", "--format", "md", out); r.code != exitUsage {
		t.Errorf("import md: %s", r)
	}
}

func TestBackupRestore(t *testing.T) {
	h := newHarness(t)
	code := h.initVault()
	id := h.add("worth keeping", "--title", "Keep")
	backup := filepath.Join(t.TempDir(), "hearth.backup")
	h.must("", "backup", "--out", backup)

	// Another computer: another vault with another passphrase.
	other := newHarness(t)
	other.vars[envPassphrase] = "another passphrase"
	other.initVault()
	tests := []struct {
		name   string
		secret string
		want   int
	}{
		{"wrong secret", "not the passphrase", exitWrongKey},
		{"old passphrase", testPass, exitOK},
		{"recovery code", code, exitOK},
	}
	for _, tc := range tests {
		other.vars[envBackupSecret] = tc.secret
		if r := other.run("", "restore", backup); r.code != tc.want {
			t.Fatalf("%s: %s", tc.name, r)
		}
	}
	if got := ids(other.listJSON()); !equal(got, []string{id}) {
		t.Errorf("after restore, list = %v, want [%s]", got, id)
	}

	// Same vault, no HEARTH_BACKUP_SECRET: the current passphrase is used.
	h.must("", "delete", id)
	r := h.must("", "restore", backup)
	if !strings.Contains(r.stdout, "Restored") {
		t.Errorf("restore: %s", r)
	}
	// At a terminal, pressing Enter means "my current passphrase".
	h.prompt, _ = fakePrompt(t, "")
	h.must("", "restore", backup)
	if r := h.run("", "restore", filepath.Join(t.TempDir(), "missing")); r.code != exitError {
		t.Errorf("restore missing file: %s", r)
	}
}

func TestPasswd(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	id := h.add("still here after passwd")
	h.vars[envNewPassphrase] = "a brand new passphrase"
	h.must("", "passwd")
	if r := h.run("", "list"); r.code != exitWrongKey {
		t.Fatalf("old passphrase after passwd: %s", r)
	}
	h.vars[envPassphrase] = "a brand new passphrase"
	if got := ids(h.listJSON()); !equal(got, []string{id}) {
		t.Errorf("list with new passphrase = %v", got)
	}
	delete(h.vars, envNewPassphrase)
	if r := h.run("", "passwd"); r.code != exitUsage || !strings.Contains(r.stderr, envNewPassphrase) {
		t.Errorf("passwd without a new passphrase: %s", r)
	}
	file := filepath.Join(t.TempDir(), "new")
	if err := os.WriteFile(file, []byte("passphrase from a file\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.must("", "passwd", "--new-passphrase-file", file)
	h.vars[envPassphrase] = "passphrase from a file"
	h.must("", "list")
}

func TestRecover(t *testing.T) {
	h := newHarness(t)
	code := h.initVault()
	id := h.add("found again")
	h.vars = map[string]string{envRecoveryCode: "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG", envNewPassphrase: "after recovery"}
	if r := h.run("", "recover"); r.code != exitWrongKey {
		t.Fatalf("wrong recovery code: %s", r)
	}
	// Tolerant input: lower case, spaces instead of dashes.
	h.vars[envRecoveryCode] = strings.ToLower(strings.ReplaceAll(code, "-", " "))
	h.must("", "recover")
	h.vars = map[string]string{envPassphrase: "after recovery"}
	if got := ids(h.listJSON()); !equal(got, []string{id}) {
		t.Errorf("after recover, list = %v", got)
	}
	// At a terminal: code, then the new passphrase twice.
	h.vars = map[string]string{}
	var asked *[]string
	h.prompt, asked = fakePrompt(t, code, "third passphrase", "third passphrase")
	h.must("", "recover")
	if len(*asked) != 3 {
		t.Errorf("recover asked %q", *asked)
	}
}

func TestDoctor(t *testing.T) {
	h := newHarness(t)
	r := h.must("", "doctor")
	for _, want := range []string{"Data folder", "not created yet", "none yet", "Audio output", appVersion, "System", runtime.GOOS} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("doctor without vault lacks %q:\n%s", want, r.stdout)
		}
	}
	// The audio line depends on the machine: working output, or the kind no-device note.
	if !strings.Contains(r.stdout, "Audio output  ok") && !strings.Contains(r.stdout, "No sound output found") {
		t.Errorf("doctor's audio line says neither ok nor no output:\n%s", r.stdout)
	}
	h.initVault()
	h.add("one")
	r = h.must("", "doctor")
	for _, want := range []string{"Free space", "key file", "opened", "1 record read"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("doctor with vault lacks %q:\n%s", want, r.stdout)
		}
	}
	h.vars = map[string]string{}
	if r := h.must("", "doctor"); !strings.Contains(r.stdout, "not tried") {
		t.Errorf("doctor without passphrase:\n%s", r.stdout)
	}
	h.vars[envPassphrase] = "wrong passphrase"
	if r := h.run("", "doctor"); r.code != exitWrongKey || !strings.Contains(r.stdout, "Unlock") {
		t.Errorf("doctor with wrong passphrase: %s", r)
	}
}

func TestCLIHelp(t *testing.T) {
	h := newHarness(t)
	for _, cmd := range []string{"init", "add", "list", "show", "edit", "delete", "search", "export",
		"import", "backup", "restore", "passwd", "recover", "doctor"} {
		r := h.run("", cmd, "--help")
		if r.code != exitOK || !strings.Contains(r.stdout, "Usage: hearth "+cmd) {
			t.Errorf("%s --help: %s", cmd, r)
		}
	}
}

// TestCLIExitCodes checks the documented exit codes, table-driven.
func TestCLIExitCodes(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	id := h.add("an entry")
	empty := newHarness(t) // no vault

	tests := []struct {
		name  string
		h     *harness
		vars  map[string]string // replaces the environment when set
		stdin string
		args  []string
		want  int
	}{
		{"ok", h, nil, "", []string{"show", id}, exitOK},
		{"no vault", empty, nil, "", []string{"list"}, exitError},
		{"unknown ID", h, nil, "", []string{"show", "nope"}, exitError},
		{"unknown command", h, nil, "", []string{"frobnicate"}, exitUsage},
		{"unknown flag", h, nil, "", []string{"list", "--colour"}, exitUsage},
		{"bad limit", h, nil, "", []string{"list", "--limit", "many"}, exitUsage},
		{"negative limit", h, nil, "", []string{"list", "--limit", "-1"}, exitUsage},
		{"bad kind", h, nil, "x", []string{"add", "--kind", "Not A Kind"}, exitUsage},
		{"show without ID", h, nil, "", []string{"show"}, exitUsage},
		{"show two IDs", h, nil, "", []string{"show", id, id}, exitUsage},
		{"add with arguments", h, nil, "x", []string{"add", "words", "here"}, exitUsage},
		{"add empty", h, nil, "  \n", []string{"add"}, exitUsage},
		{"flag without value", h, nil, "x", []string{"add", "--title"}, exitUsage},
		{"export without format", h, nil, "", []string{"export", "--out", "x"}, exitUsage},
		{"export without out", h, nil, "", []string{"export", "--format", "json"}, exitUsage},
		{"backup without out", h, nil, "", []string{"backup"}, exitUsage},
		{"no passphrase", h, map[string]string{}, "", []string{"list"}, exitUsage},
		{"recover without code", h, map[string]string{}, "", []string{"recover"}, exitUsage},
		{"wrong passphrase", h, map[string]string{envPassphrase: "wrong wrong"}, "", []string{"list"}, exitWrongKey},
		{"wrong recovery code", h, map[string]string{envRecoveryCode: "0000-0000-0000-0000", envNewPassphrase: "whatever it is"}, "", []string{"recover"}, exitWrongKey},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			saved := tc.h.vars
			if tc.vars != nil {
				tc.h.vars = tc.vars
			}
			defer func() { tc.h.vars = saved }()
			r := tc.h.run(tc.stdin, tc.args...)
			if r.code != tc.want {
				t.Fatalf("hearth %v: %s; want exit %d", tc.args, r, tc.want)
			}
			if r.code != exitOK && (strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 || !strings.HasPrefix(r.stderr, "hearth: ")) {
				t.Errorf("error is not one sentence on stderr: %q", r.stderr)
			}
		})
	}
}

// TestCLIFlagErrors checks how flag mistakes are worded: the flag is named, its value never.
func TestCLIFlagErrors(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"add", "--title"}, "hearth: -title needs a value after it. Run \"hearth add --help\" to see its flags.\n"},
		{[]string{"list", "--colour"}, "hearth: list has no flag -colour. Run \"hearth list --help\" to see its flags.\n"},
		{[]string{"list", "--limit", "lots"}, "hearth: the value given to -limit is not valid. Run \"hearth list --help\" to see its flags.\n"},
		{[]string{"list", "--json=perhaps"}, "hearth: the value given to -json is not valid. Run \"hearth list --help\" to see its flags.\n"},
		{[]string{"list", "---x"}, "hearth: list was given a flag it cannot read. Run \"hearth list --help\" to see its flags.\n"},
		{[]string{"show", "--a b"}, "hearth: show was given a flag it does not know. Run \"hearth show --help\" to see its flags.\n"},
	}
	for _, tc := range tests {
		r := h.run("", tc.args...)
		if r.code != exitUsage || r.stderr != tc.want {
			t.Errorf("hearth %q: %s\nwant stderr %q", tc.args, r, tc.want)
		}
	}
}

// TestCLIVaultInUse holds the vault open the way another process would and expects exit 4.
func TestCLIVaultInUse(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	backup := filepath.Join(t.TempDir(), "b.hearth")
	h.must("", "backup", "--out", backup)
	v, err := journal.Open(h.dir, testPass, h.opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	for _, args := range [][]string{{"list"}, {"add"}, {"doctor"}} {
		r := h.run("text", args...)
		if r.code != exitInUse || !strings.Contains(r.stderr, "already open") {
			t.Errorf("hearth %v while open elsewhere: %s", args, r)
		}
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}

	// The desktop app holds the data folder's lock even before it unlocks the vault.
	release, err := journal.LockDir(h.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	h.vars[envRecoveryCode] = "0000"
	for _, args := range [][]string{{"list"}, {"add"}, {"passwd"}, {"recover"}, {"restore", backup}, {"doctor"}} {
		r := h.run("text", args...)
		if r.code != exitInUse {
			t.Errorf("hearth %v while the app holds the lock: %s", args, r)
		}
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	h.must("", "list") // and the lock was not left behind by the failed commands
}

// TestCLIVaultDamaged damages vault.key in several ways and expects exit 5.
func TestCLIVaultDamaged(t *testing.T) {
	damage := []struct {
		name string
		do   func(b []byte) []byte
	}{
		{"bit flip", func(b []byte) []byte { b[len(b)/2] ^= 0x08; return b }},
		{"truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"garbage", func(b []byte) []byte { return []byte("not a key file at all") }},
	}
	for _, d := range damage {
		t.Run(d.name, func(t *testing.T) {
			h := newHarness(t)
			h.initVault()
			key := filepath.Join(h.dir, "vault.key")
			b, err := os.ReadFile(key)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(key, d.do(b), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"list"}, {"doctor"}} {
				r := h.run("", args...)
				if r.code != exitDamaged || !strings.Contains(r.stderr, "damaged") {
					t.Errorf("hearth %v with a damaged key file: %s", args, r)
				}
			}
		})
	}
}

// TestCLINoUserTextInErrors runs error paths that carry a distinctive title, body, tag,
// argument or file content, and checks that none of it reaches stderr.
func TestCLINoUserTextInErrors(t *testing.T) {
	h := newHarness(t)
	h.initVault()
	id := h.add(marker, "--title", marker, "--tag", marker)
	locked := newHarness(t)
	locked.initVault()
	damagedH := newHarness(t)
	damagedH.initVault()
	if err := os.WriteFile(filepath.Join(damagedH.dir, "vault.key"), []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	badJSON := filepath.Join(tmp, "bad.json")
	if err := os.WriteFile(badJSON, []byte(`{"records": [{"title": "`+marker+`", "kind": "`+marker+`"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	notJSON := filepath.Join(tmp, "not.json")
	if err := os.WriteFile(notJSON, []byte(marker), 0o600); err != nil {
		t.Fatal(err)
	}
	badBackup := filepath.Join(tmp, "bad.backup")
	if err := os.WriteFile(badBackup, []byte(marker+marker), 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		h     *harness
		vars  map[string]string
		stdin string
		args  []string
	}{
		{"wrong passphrase", h, map[string]string{envPassphrase: "wrong passphrase"}, marker, []string{"add", "--title", marker, "--tag", marker}},
		{"no passphrase", h, map[string]string{}, marker, []string{"add", "--title", marker}},
		{"positional text", h, nil, marker, []string{"add", marker}},
		{"unknown flag with text", h, nil, "", []string{"add", "--" + marker}},
		{"unknown flag with a value", h, nil, "", []string{"add", "--nosuchflag=" + marker}},
		{"bad limit", h, nil, "", []string{"list", "--limit", marker}},
		{"bad kind", h, nil, marker, []string{"add", "--kind", marker}},
		{"empty tag", h, nil, marker, []string{"add", "--title", marker, "--tag", " "}},
		{"show text as ID", h, nil, "", []string{"show", marker}},
		{"show two", h, nil, "", []string{"show", marker, marker}},
		{"edit text as ID", h, nil, marker, []string{"edit", marker, "--title", marker}},
		{"edit nothing", h, nil, "", []string{"edit", id}},
		{"edit same", h, nil, marker, []string{"edit", id}},
		{"delete text as ID", h, nil, "", []string{"delete", marker}},
		{"list tag", h, nil, "", []string{"list", "--tag", marker}},
		{"search none", h, nil, "", []string{"search", marker + " elephant"}},
		{"search bad kind", h, nil, "", []string{"search", marker, "--kind", marker}},
		{"unknown command", h, nil, "", []string{marker}},
		{"export format", h, nil, "", []string{"export", "--format", marker, "--out", "x"}},
		{"import bad records", h, nil, "", []string{"import", badJSON}},
		{"import not json", h, nil, "", []string{"import", notJSON}},
		{"import stdin", h, nil, marker, []string{"import", "-"}},
		{"restore not a backup", h, nil, "", []string{"restore", badBackup}},
		{"restore wrong secret", h, map[string]string{envPassphrase: testPass, envBackupSecret: marker}, "", []string{"restore", badBackup}},
		{"locked", locked, nil, marker, []string{"add", "--title", marker}},
		{"damaged", damagedH, nil, marker, []string{"add", "--title", marker}},
		{"init exists", h, map[string]string{envPassphrase: marker}, "", []string{"init"}},
	}
	v, err := journal.Open(locked.dir, testPass, locked.opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	words := strings.Fields(strings.ToLower(marker))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			saved := tc.h.vars
			if tc.vars != nil {
				tc.h.vars = tc.vars
			}
			defer func() { tc.h.vars = saved }()
			r := tc.h.run(tc.stdin, tc.args...)
			low := strings.ToLower(r.stderr)
			for _, w := range words {
				if strings.Contains(low, w) {
					t.Errorf("stderr repeats user text %q: %s", w, r)
				}
			}
		})
	}
}

// FuzzParseArgs checks that flag errors never repeat an argument that could be user
// text, and that parsing never panics.
func FuzzParseArgs(f *testing.F) {
	for _, seed := range []string{
		"--title\x00secret words",
		"--limit\x00secret",
		"--tag=private thought",
		"---odd syntax",
		"-\x00--\x00--json",
		"ID\x00--json\x00--limit\x003",
		"--json=maybe not",
		"--nosuchflag=hidden value",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		var out bytes.Buffer
		e := newEnv(strings.NewReader(""), &out, &out, func(string) string { return "" })
		fs := newFlags(e, "add", "")
		fs.String("title", "", "")
		var tags stringList
		fs.Var(&tags, "tag", "")
		fs.Int("limit", 0, "")
		fs.Bool("json", false, "")
		_, err := fs.parse(args)
		if err == nil || err == errHelp {
			return
		}
		msg := message(err)
		// Flag names may be named; take them out first so that an argument which
		// happens to equal part of one is not taken for a leak.
		for _, a := range args {
			if name, _, _ := strings.Cut(a, "="); flagNameRE.MatchString(name) {
				msg = strings.ReplaceAll(msg, strings.TrimLeft(name, "-"), "")
			}
		}
		leaks := func(s string) bool {
			return len(s) >= 6 && strings.Contains(msg, s) && !strings.Contains(flagErrorTemplates, s)
		}
		for _, a := range args {
			name, value, hasValue := strings.Cut(a, "=")
			if flagNameRE.MatchString(name) {
				// A flag's name may be named in the error; its value never.
				if hasValue && leaks(value) {
					t.Fatalf("error %q repeats the value of %q", msg, a)
				}
				continue
			}
			if leaks(a) {
				t.Fatalf("error %q repeats argument %q", msg, a)
			}
		}
	})
}

// flagErrorTemplates is the fixed text flagError can produce, so that an argument that
// happens to equal a piece of it is not taken for a leak.
const flagErrorTemplates = `add has no flag . Run "hearth add --help" to see its flags. add was given a flag it does not know. ` +
	`add was given a flag it cannot read. needs a value after it. the value given to is not valid. ` +
	`add could not understand its flags.`

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalSummaries(a, b []jsonSummary) bool {
	if len(a) != len(b) {
		return false
	}
	sort.Slice(a, func(i, j int) bool { return a[i].ID < a[j].ID })
	sort.Slice(b, func(i, j int) bool { return b[i].ID < b[j].ID })
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Title != b[i].Title || a[i].Kind != b[i].Kind ||
			!equal(a[i].Tags, b[i].Tags) || a[i].Created != b[i].Created || a[i].Updated != b[i].Updated {
			return false
		}
	}
	return true
}

// BenchmarkSearchCommand times a whole "hearth search word" on a 10,000-entry vault
// (about 1 KB each) with the default Argon2id parameters: unlock, open, load, search,
// print. The vault is built once, through import, outside the timed loop.
func BenchmarkSearchCommand(b *testing.B) {
	const entries, wordEvery = 10000, 20
	h := newHarness(b)
	h.opts = nil // journal.DefaultKDF, as users get it
	h.initVault()

	rng := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields(`breath kind warm calm soft slow heavy light river tree morning
		evening friend self critic voice gentle tired hope worry chest shoulders tea walk rain
		sun window hands soothe drive threat notice allow sit stay today yesterday tomorrow
		small step care hurt safe place colour sound smile listen wise strong courage`)
	type rec struct {
		V       int      `json:"v"`
		Kind    string   `json:"kind"`
		Title   string   `json:"title"`
		Body    string   `json:"body"`
		Tags    []string `json:"tags,omitempty"`
		Created string   `json:"created"`
		Updated string   `json:"updated"`
	}
	doc := struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
		Records []rec  `json:"records"`
	}{Format: "hearth-journal-export", Version: 1}
	start := time.Date(2020, 1, 1, 8, 0, 0, 0, time.UTC)
	for i := range entries {
		var body strings.Builder
		for body.Len() < 1000 {
			body.WriteString(vocab[rng.IntN(len(vocab))])
			body.WriteByte(' ')
		}
		if i%wordEvery == 0 {
			body.WriteString("word")
		}
		at := start.Add(time.Duration(i) * 3 * time.Hour).Format(time.RFC3339)
		doc.Records = append(doc.Records, rec{V: 1, Kind: "entry", Title: fmt.Sprintf("Day %d", i),
			Body: body.String(), Tags: []string{vocab[i%len(vocab)]}, Created: at, Updated: at})
	}
	file := filepath.Join(b.TempDir(), "seed.json")
	data, err := json.Marshal(doc)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		b.Fatal(err)
	}
	h.must("", "import", file)

	var lines int
	for b.Loop() {
		r := h.must("", "search", "word")
		lines = strings.Count(r.stdout, "\n")
	}
	if lines != entries/wordEvery {
		b.Fatalf("search found %d entries, want %d", lines, entries/wordEvery)
	}
}
