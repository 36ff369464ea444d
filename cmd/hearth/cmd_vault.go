package main

// The vault commands: init, add, list, show, edit, delete, search, export, import,
// backup, restore, passwd, recover and doctor.
//
// Streams: results go to stdout; prompts, hints and warnings go to stderr; errors go to
// stderr as one plain sentence (see report in main.go). No error or warning ever contains
// what the user wrote: titles, bodies, tags, search words and arguments that might be any
// of those are never echoed. Record IDs and file paths may appear.
//
// JSON output (--json) is a stable interface for scripts:
//
//	hearth init --json      {"recovery_code": "XXXX-XXXX-…"}
//
//	hearth list --json      an array (possibly empty, never null) of summaries,
//	hearth search --json    newest first:
//	                        [{"id":      "…",           record ID (time-sortable)
//	                          "kind":    "entry",       [a-z0-9-]{1,40}
//	                          "title":   "…",           "" when untitled
//	                          "tags":    ["…"],         [] when none
//	                          "created": "2026-01-02T03:04:05Z",  RFC 3339, UTC, seconds
//	                          "updated": "2026-01-02T03:04:05Z"}]
//
//	hearth show ID --json   one object: the summary fields above, plus
//	                          "body":    "…"            always present, may be ""
//	                          "ratings": {"name": 0}    only when the record has ratings
//	                          "fields":  {"id": "…"}    only when it has structured answers
//	                          "meta":    {"key": "…"}   only when it has metadata
//
// Fields may be added in later versions; existing ones keep their names and meaning.

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/hearth-app/hearth/audio/device"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/hearth-app/hearth/journal"
)

// maxBodyBytes bounds an entry read from stdin; it matches the journal's own limit on a
// record's body, so the user hears about it before anything else happens.
const maxBodyBytes = 8 << 20

// errHelp is returned by cmdFlags.parse after it printed a command's help.
var errHelp = errors.New("help shown")

// stringList is a repeatable string flag (--tag a --tag b).
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// cmdFlags is a subcommand's flag set and its one-line usage.
type cmdFlags struct {
	*flag.FlagSet
	e     *env
	usage string
}

// newFlags returns a flag set for a subcommand that also accepts the global flags, so
// "hearth list --data-dir D" works as well as "hearth --data-dir D list".
func newFlags(e *env, name, usage string) *cmdFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // errors are reworded by flagError; help is printed by parse
	fs.StringVar(&e.dataDir, "data-dir", e.dataDir, "folder that holds your vault")
	fs.StringVar(&e.passphraseFile, "passphrase-file", e.passphraseFile, "read the passphrase from this file")
	return &cmdFlags{FlagSet: fs, e: e, usage: usage}
}

// parse parses flags that may come before, between or after the positional
// arguments ("hearth show ID --json"); "--" ends the flags. Flag errors are reworded so
// that no value the user typed is repeated. After -h or --help it prints the command's
// help on stdout and returns errHelp.
func (f *cmdFlags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(f.e.stdout, "Usage: hearth %s %s\n\nFlags:\n", f.Name(), f.usage)
				f.SetOutput(f.e.stdout)
				f.PrintDefaults()
				f.SetOutput(io.Discard)
				return nil, errHelp
			}
			return nil, flagError(f.Name(), err)
		}
		rest := f.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagNameRE matches what can safely be echoed back as a flag name.
var flagNameRE = regexp.MustCompile(`^-{1,2}[a-zA-Z][a-zA-Z0-9-]{0,30}$`)

// flagError turns an error from package flag into a usage error that never repeats a
// flag's value (which could be a title or a tag).
func flagError(cmd string, err error) error {
	msg := err.Error()
	help := fmt.Sprintf("Run \"hearth %s --help\" to see its flags.", cmd)
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		name := strings.TrimPrefix(msg, "flag provided but not defined: ")
		if flagNameRE.MatchString(name) {
			return usageError("%s has no flag %s. %s", cmd, name, help)
		}
		return usageError("%s was given a flag it does not know. %s", cmd, help)
	case strings.HasPrefix(msg, "bad flag syntax: "):
		return usageError("%s was given a flag it cannot read. %s", cmd, help)
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return usageError("%s needs a value after it. %s", strings.TrimPrefix(msg, "flag needs an argument: "), help)
	}
	// "invalid value %q for flag -NAME: …" and "invalid boolean value %q for -NAME: …"
	if i := strings.LastIndex(msg, " for "); i >= 0 {
		name := msg[i+len(" for "):]
		name = strings.TrimPrefix(name, "flag ")
		if j := strings.Index(name, ":"); j >= 0 {
			name = name[:j]
		}
		if flagNameRE.MatchString(name) {
			return usageError("the value given to %s is not valid. %s", name, help)
		}
	}
	return usageError("%s could not understand its flags. %s", cmd, help)
}

// quietHelp turns errHelp into success.
func quietHelp(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

// vaultDir is --data-dir, else HEARTH_DATA_DIR, else the system's data folder.
func (e *env) vaultDir() (string, error) {
	if e.dataDir != "" {
		return e.dataDir, nil
	}
	if d := e.getenv("HEARTH_DATA_DIR"); d != "" {
		return d, nil
	}
	d, err := journal.DefaultDir()
	if err != nil {
		return "", fmt.Errorf("could not find a folder for your data (use --data-dir): %w", err)
	}
	return d, nil
}

// session is an unlocked vault together with the data folder's instance lock. The
// desktop app takes the same lock, so while either runs the other says "already open"
// (exit code 4) instead of both working on one vault.
type session struct {
	*journal.Vault
	release func() error
}

// lockAndOpen takes the data folder's lock, then runs open (which may ask for a secret,
// so nobody types a passphrase only to hear the vault is in use).
func lockAndOpen(dir string, open func() (*journal.Vault, error)) (*session, error) {
	release, err := journal.LockDir(dir)
	if err != nil {
		return nil, err
	}
	v, err := open()
	if err != nil {
		_ = release()
		return nil, err
	}
	return &session{Vault: v, release: release}, nil
}

// close closes the vault and releases the lock. It keeps the first error in *err, so
// a failed close is never silent.
func (s *session) close(err *error) {
	if cerr := s.Close(); cerr != nil && *err == nil {
		*err = fmt.Errorf("could not close the vault cleanly: %w", cerr)
	}
	if rerr := s.release(); rerr != nil && *err == nil {
		*err = fmt.Errorf("could not release the data folder: %w", rerr)
	}
}

// existingVault returns the data folder, or ErrNoVault if it holds no vault.
func (e *env) existingVault() (string, error) {
	dir, err := e.vaultDir()
	if err != nil {
		return "", err
	}
	ok, err := journal.Exists(dir)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", journal.ErrNoVault
	}
	return dir, nil
}

// openVault finds the vault, takes its lock, asks for the passphrase if needed and
// unlocks it.
func (e *env) openVault(ctx context.Context) (*session, error) {
	v, _, err := e.unlock(ctx)
	return v, err
}

// unlock is openVault that also returns the passphrase it used.
func (e *env) unlock(ctx context.Context) (*session, string, error) {
	dir, err := e.existingVault()
	if err != nil {
		return nil, "", err
	}
	var pass string
	v, err := lockAndOpen(dir, func() (*journal.Vault, error) {
		p, err := e.passphrase(ctx)
		if err != nil {
			return nil, err
		}
		pass = p
		return journal.Open(dir, pass, e.vaultOpts...)
	})
	return v, pass, err
}

// readBody reads an entry from stdin. At a terminal it first shows hint, with %s
// standing for the key that ends the text.
func readBody(ctx context.Context, e *env, hint string) (string, error) {
	if e.prompt != nil {
		end := "Ctrl-D"
		if runtime.GOOS == "windows" {
			end = "Ctrl-Z then Enter"
		}
		fmt.Fprintf(e.stderr, hint+"\n", end)
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := io.ReadAll(io.LimitReader(e.stdin, maxBodyBytes+1))
		done <- result{b, err}
	}()
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case r := <-done:
		if r.err != nil {
			return "", fmt.Errorf("could not read the entry from standard input: %w", r.err)
		}
		if len(r.b) > maxBodyBytes {
			return "", usageError("the entry on standard input is larger than %d MiB; Hearth keeps entries smaller than that", maxBodyBytes>>20)
		}
		if !utf8.Valid(r.b) {
			return "", usageError("the entry on standard input is not UTF-8 text")
		}
		return strings.TrimRight(string(r.b), "\r\n"), nil
	}
}

// cleanTags trims tags, drops duplicates and refuses empty ones.
func cleanTags(tags []string) ([]string, error) {
	out := make([]string, 0, len(tags))
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" {
			return nil, usageError("a --tag is empty")
		}
		if k := strings.ToLower(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out, nil
}

// kinds parses --kind values.
func kinds(vals []string) ([]journal.Kind, error) {
	var out []journal.Kind
	for _, v := range vals {
		k := journal.Kind(strings.TrimSpace(v))
		if !k.Valid() {
			return nil, usageError("a --kind is not valid: kinds are lowercase letters, digits and dashes, like %q", journal.KindEntry)
		}
		out = append(out, k)
	}
	return out, nil
}

// jsonSummary is a record in list and search output. See the schema at the top.
type jsonSummary struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Title   string   `json:"title"`
	Tags    []string `json:"tags"`
	Created string   `json:"created"`
	Updated string   `json:"updated"`
}

// jsonRecord is a record in show output. See the schema at the top.
type jsonRecord struct {
	jsonSummary
	Body    string            `json:"body"`
	Ratings map[string]int    `json:"ratings,omitempty"`
	Fields  map[string]string `json:"fields,omitempty"`
	Meta    map[string]string `json:"meta,omitempty"`
}

// jsonTime formats t as RFC 3339 in UTC, to the second.
func jsonTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func summaryOf(r journal.Record) jsonSummary {
	tags := r.Tags
	if tags == nil {
		tags = []string{}
	}
	return jsonSummary{ID: r.ID, Kind: string(r.Kind), Title: r.Title, Tags: tags,
		Created: jsonTime(r.Created), Updated: jsonTime(r.Updated)}
}

// writeJSON writes v indented, without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// localTime is how times are shown to people.
func localTime(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

// headline is a record's title, or the start of its body when it has none.
func headline(r journal.Record) string {
	s := r.Title
	if s == "" {
		s, _, _ = strings.Cut(strings.TrimSpace(r.Body), "\n")
		if s == "" {
			s = "(untitled)"
		}
	}
	const max = 60
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max-1]) + "…"
	}
	return s
}

// printRecords writes list/search results as a table or JSON.
func printRecords(e *env, recs []journal.Record, asJSON bool, none string) error {
	if asJSON {
		out := make([]jsonSummary, 0, len(recs))
		for _, r := range recs {
			out = append(out, summaryOf(r))
		}
		return writeJSON(e.stdout, out)
	}
	if len(recs) == 0 {
		fmt.Fprintln(e.stderr, none)
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, r := range recs {
		kind := ""
		if r.Kind != journal.KindEntry {
			kind = "[" + string(r.Kind) + "] "
		}
		tags := ""
		if len(r.Tags) > 0 {
			tags = "  #" + strings.Join(r.Tags, " #")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s%s%s\n", r.ID, localTime(r.Created), kind, headline(r), tags)
	}
	return tw.Flush()
}

// queryFlags are the filters shared by list and search.
type queryFlags struct {
	tags, kinds stringList
	limit       int
	json        bool
}

func (q *queryFlags) register(fs *cmdFlags) {
	fs.Var(&q.tags, "tag", "only records with this tag (repeat for several; all must match)")
	fs.Var(&q.kinds, "kind", "only records of this kind, e.g. entry (repeat for several)")
	fs.IntVar(&q.limit, "limit", 0, "show at most this many (0: all)")
	fs.BoolVar(&q.json, "json", false, "print JSON for scripts")
}

func (q *queryFlags) query() (journal.Query, error) {
	if q.limit < 0 {
		return journal.Query{}, usageError("--limit cannot be negative")
	}
	ks, err := kinds(q.kinds)
	if err != nil {
		return journal.Query{}, err
	}
	tags, err := cleanTags(q.tags)
	if err != nil {
		return journal.Query{}, err
	}
	return journal.Query{Kinds: ks, Tags: tags, Limit: q.limit}, nil
}

// warnDamaged tells on stderr how many records could not be read (List and Search
// leave them out), so a damaged entry is never silently missing.
func warnDamaged(e *env, v *session) {
	if n := len(v.Damaged()); n > 0 {
		fmt.Fprintf(e.stderr, "Warning: %s could not be read because part of the vault is damaged. "+
			"Run \"hearth doctor\" to see which; a backup can bring them back.\n", countOf(n, "entry"))
	}
}

// parseNoArgs parses the flags of a command that takes no positional arguments, and
// refuses any without repeating them; hint follows the refusal. Like parse, it returns
// errHelp after printing the help.
func (f *cmdFlags) parseNoArgs(args []string, hint string) error {
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	return noArgs(f.Name(), pos, hint)
}

// noArgs refuses positional arguments without repeating them.
func noArgs(cmd string, pos []string, hint string) error {
	if len(pos) > 0 {
		return usageError("%s takes no arguments%s", cmd, hint)
	}
	return nil
}

// parseOneID parses the flags of show, edit and delete and returns their single entry
// ID argument. Like parse, it returns errHelp after printing the help.
func (f *cmdFlags) parseOneID(args []string) (string, error) {
	pos, err := f.parse(args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", usageError("%s needs exactly one entry ID (see \"hearth list\")", f.Name())
	}
	return pos[0], nil
}

const recoveryText = `Your vault is ready.

Here is your recovery code:

    %s

Please write it down on paper, or keep it in a password manager, somewhere away
from this computer. If you ever forget your passphrase, this code is the only way
back to what you have written: nobody else, not even the people who made Hearth,
can open your journal without one of the two.

This is the only time it is shown. Your passphrase opens Hearth day to day; you
will only need this code if the passphrase is lost.
`

func runInit(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "init", "[--json]")
	asJSON := fs.Bool("json", false, `print only {"recovery_code": "…"} on stdout`)
	if err := fs.parseNoArgs(args, ""); err != nil {
		return quietHelp(err)
	}
	dir, err := e.vaultDir()
	if err != nil {
		return err
	}
	if ok, err := journal.Exists(dir); err != nil {
		return err
	} else if ok {
		return journal.ErrVaultExists
	}
	pass, err := e.newPassphrase(ctx, newSecretSource{file: e.passphraseFile, fileArg: "--passphrase-file", envVar: envPassphrase})
	if err != nil {
		return err
	}
	var code string
	v, err := lockAndOpen(dir, func() (*journal.Vault, error) {
		v, c, err := journal.Create(dir, pass, e.vaultOpts...)
		code = c
		return v, err
	})
	if err != nil {
		return err
	}
	defer v.close(&err)
	if *asJSON {
		return writeJSON(e.stdout, struct {
			RecoveryCode string `json:"recovery_code"`
		}{code})
	}
	_, err = fmt.Fprintf(e.stdout, recoveryText, code)
	return err
}

func runAdd(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "add", "[--title T] [--tag X]... [--kind K]   (the entry is read from stdin)")
	title := fs.String("title", "", "a title for the entry")
	var tagFlags stringList
	fs.Var(&tagFlags, "tag", "a tag (repeat for several)")
	kind := fs.String("kind", string(journal.KindEntry), "kind of record")
	if err := fs.parseNoArgs(args, ": the entry is read from standard input, and --title gives it a title"); err != nil {
		return quietHelp(err)
	}
	tags, err := cleanTags(tagFlags)
	if err != nil {
		return err
	}
	ks, err := kinds([]string{*kind})
	if err != nil {
		return err
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	body, err := readBody(ctx, e, "Write your entry, then press %s on a new line to save it.")
	if err != nil {
		return err
	}
	t := strings.TrimSpace(*title)
	if t == "" && strings.TrimSpace(body) == "" {
		return usageError("the entry is empty: write it on standard input (and add --title if you like)")
	}
	r, err := v.Create(journal.Record{Kind: ks[0], Title: t, Body: body, Tags: tags})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, r.ID)
	return err
}

func runList(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "list", "[--json] [--tag X]... [--kind K]... [--limit N]")
	var qf queryFlags
	qf.register(fs)
	if err := fs.parseNoArgs(args, ` (filter with --tag, --kind and --limit, or use "hearth search")`); err != nil {
		return quietHelp(err)
	}
	q, err := qf.query()
	if err != nil {
		return err
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	recs, err := v.List(q)
	if err != nil {
		return err
	}
	warnDamaged(e, v)
	none := "There are no entries yet."
	if len(q.Kinds) > 0 || len(q.Tags) > 0 {
		none = "No entries match."
	}
	return printRecords(e, recs, qf.json, none)
}

func runShow(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "show", "ID [--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	id, err := fs.parseOneID(args)
	if err != nil {
		return quietHelp(err)
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	r, err := v.Get(id)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, jsonRecord{jsonSummary: summaryOf(r), Body: r.Body,
			Ratings: nonEmpty(r.Ratings), Fields: nonEmpty(r.Fields), Meta: nonEmpty(r.Meta)})
	}
	return printRecord(e.stdout, r)
}

// nonEmpty returns m, or nil when it is empty (so omitempty drops it).
func nonEmpty[V any](m map[string]V) map[string]V {
	if len(m) == 0 {
		return nil
	}
	return m
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// printRecord shows one record for reading.
func printRecord(w io.Writer, r journal.Record) error {
	title := r.Title
	if title == "" {
		title = "(untitled)"
	}
	var b strings.Builder
	fmt.Fprintln(&b, title)
	fmt.Fprintf(&b, "%s · written %s", r.Kind, localTime(r.Created))
	if !r.Updated.Equal(r.Created) {
		fmt.Fprintf(&b, " · edited %s", localTime(r.Updated))
	}
	fmt.Fprintf(&b, " · %s\n", r.ID)
	if len(r.Tags) > 0 {
		fmt.Fprintf(&b, "Tags: %s\n", strings.Join(r.Tags, ", "))
	}
	for _, k := range sortedKeys(r.Ratings) {
		fmt.Fprintf(&b, "Rating %s: %d\n", k, r.Ratings[k])
	}
	if r.Body != "" {
		fmt.Fprintf(&b, "\n%s\n", r.Body)
	}
	for _, k := range sortedKeys(r.Fields) {
		fmt.Fprintf(&b, "\n%s:\n%s\n", k, r.Fields[k])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func runEdit(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "edit", "ID [--title T] [--tag X]...   (the new body is read from stdin; empty stdin keeps the body)")
	title := fs.String("title", "", "a new title")
	var tagFlags stringList
	fs.Var(&tagFlags, "tag", "new tags, replacing the old ones (repeat for several)")
	id, err := fs.parseOneID(args)
	if err != nil {
		return quietHelp(err)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	tags, err := cleanTags(tagFlags)
	if err != nil {
		return err
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	r, err := v.Get(id)
	if err != nil {
		return err
	}
	body, err := readBody(ctx, e, "Write the new text of the entry, then press %s on a new line. (Press it straight away to keep the text as it is.)")
	if err != nil {
		return err
	}
	if body == "" && !set["title"] && !set["tag"] {
		return usageError("nothing to change: give the new text on standard input, or use --title or --tag")
	}
	changed := r
	if body != "" {
		changed.Body = body
	}
	if set["title"] {
		changed.Title = strings.TrimSpace(*title)
	}
	if set["tag"] {
		changed.Tags = tags
	}
	if changed.Body == r.Body && changed.Title == r.Title && equalTags(changed.Tags, r.Tags) {
		fmt.Fprintln(e.stderr, "Nothing changed: that is what the entry already says.")
		return nil
	}
	if changed.Title == "" && strings.TrimSpace(changed.Body) == "" {
		return usageError("the entry would be empty; it was left as it was")
	}
	r, err = v.Update(changed)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, r.ID)
	return err
}

func equalTags(a, b []string) bool {
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

func runDelete(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "delete", "ID")
	id, err := fs.parseOneID(args)
	if err != nil {
		return quietHelp(err)
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	if err := v.Delete(id); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "Deleted %s.\n", id)
	return err
}

func runSearch(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "search", "WORDS... [--json] [--tag X]... [--kind K]... [--limit N]")
	var qf queryFlags
	qf.register(fs)
	pos, err := fs.parse(args)
	if err != nil {
		return quietHelp(err)
	}
	text := strings.TrimSpace(strings.Join(pos, " "))
	if text == "" {
		return usageError("search needs some words to look for")
	}
	q, err := qf.query()
	if err != nil {
		return err
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	recs, err := v.Search(text, q)
	if err != nil {
		return err
	}
	warnDamaged(e, v)
	return printRecords(e, recs, qf.json, "Nothing you have written matches those words.")
}

func runExport(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "export", "--format md|json --out PATH")
	format := fs.String("format", "", "md (one Markdown file per entry, in the folder PATH) or json (one file; - for stdout)")
	out := fs.String("out", "", "where to write the export")
	if err := fs.parseNoArgs(args, ": use --out PATH"); err != nil {
		return quietHelp(err)
	}
	if *format != "md" && *format != "json" {
		return usageError("export needs --format md or --format json")
	}
	if *out == "" {
		return usageError("export needs --out PATH")
	}
	if *format == "md" && *out == "-" {
		return usageError("a Markdown export is a folder of files; give --out a folder")
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	where := *out
	if where == "-" {
		where = "standard output"
	}
	fmt.Fprintf(e.stderr, "Note: this export is NOT encrypted. Anyone who can open %s can read everything in it.\n"+
		"Keep it somewhere private and delete it when you no longer need it.\n", where)
	switch {
	case *format == "md":
		err = v.ExportMarkdown(*out)
	case *out == "-":
		err = v.ExportJSON(e.stdout)
	default:
		err = writeFileAtomic(*out, v.ExportJSON)
	}
	if err != nil {
		return err
	}
	if *out != "-" {
		fmt.Fprintf(e.stderr, "Exported to %s.\n", *out)
	}
	return nil
}

// writeFileAtomic writes a private (0600) file through a temporary file and a rename,
// so path is either complete or untouched.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".hearth-tmp-*")
	if err != nil {
		return fmt.Errorf("could not write in %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("could not save %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("could not save %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("could not save %s: %w", path, err)
	}
	if d, derr := os.Open(dir); derr == nil { // best effort: directory sync is not possible everywhere
		_ = d.Sync()
		d.Close()
	}
	return nil
}

func runImport(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "import", "[--format json] FILE   (FILE is a JSON export; - reads stdin)")
	format := fs.String("format", "json", "format of FILE (only json)")
	pos, err := fs.parse(args)
	if err != nil {
		return quietHelp(err)
	}
	if *format != "json" {
		return usageError("import reads only --format json (a file made by \"hearth export --format json\")")
	}
	if len(pos) != 1 {
		return usageError("import needs exactly one FILE")
	}
	var in io.Reader = e.stdin
	if pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return fmt.Errorf("could not open the file to import: %w", err)
		}
		defer f.Close()
		in = f
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	st, err := v.ImportJSON(in)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "Imported: %d new, %d updated, %d already up to date, %d earlier versions.\n",
		st.Added, st.Replaced, st.Kept, st.Revisions)
	return err
}

func runBackup(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "backup", "--out FILE")
	out := fs.String("out", "", "the backup file to write")
	if err := fs.parseNoArgs(args, ": use --out FILE"); err != nil {
		return quietHelp(err)
	}
	if *out == "" {
		return usageError("backup needs --out FILE")
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	if err := v.BackupToFile(*out); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "Wrote an encrypted backup to %s.\n"+
		"It opens with your passphrase or your recovery code, as they are today.\n", *out)
	return err
}

func runRestore(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "restore", "FILE   (the backup's passphrase or recovery code: HEARTH_BACKUP_SECRET, a prompt, or your current passphrase)")
	pos, err := fs.parse(args)
	if err != nil {
		return quietHelp(err)
	}
	if len(pos) != 1 {
		return usageError("restore needs exactly one backup FILE")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("could not open the backup file: %w", err)
	}
	defer f.Close()
	v, pass, err := e.unlock(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	secret := e.getenv(envBackupSecret)
	if secret == "" && e.prompt != nil {
		secret, err = e.prompt(ctx, "The backup's passphrase or recovery code (press Enter if it is your current passphrase): ")
		if err != nil {
			return err
		}
	}
	if secret == "" {
		secret = pass
	}
	st, err := v.Restore(f, secret)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "Restored: %d new, %d updated from the backup, %d already up to date, %d earlier versions.\n",
		st.Added, st.Replaced, st.Kept, st.Revisions)
	return err
}

func runPasswd(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "passwd", "[--new-passphrase-file F]   (or HEARTH_NEW_PASSPHRASE, or a prompt)")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from this file")
	if err := fs.parseNoArgs(args, ""); err != nil {
		return quietHelp(err)
	}
	v, err := e.openVault(ctx)
	if err != nil {
		return err
	}
	defer v.close(&err)
	return setNewPassphrase(ctx, e, v, *newFile)
}

// setNewPassphrase asks for a new passphrase and re-wraps the vault's key with it.
func setNewPassphrase(ctx context.Context, e *env, v *session, newFile string) error {
	p, err := e.newPassphrase(ctx, newSecretSource{file: newFile, fileArg: "--new-passphrase-file", envVar: envNewPassphrase})
	if err != nil {
		return err
	}
	if err := v.ChangePassphrase(p); err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, "Your passphrase has been changed. Your recovery code still works as before.")
	return err
}

func runRecover(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "recover", "[--new-passphrase-file F]   (recovery code: HEARTH_RECOVERY_CODE or a prompt)")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from this file")
	if err := fs.parseNoArgs(args, ": give the recovery code in HEARTH_RECOVERY_CODE or type it when asked"); err != nil {
		return quietHelp(err)
	}
	dir, err := e.existingVault()
	if err != nil {
		return err
	}
	v, err := lockAndOpen(dir, func() (*journal.Vault, error) {
		code := e.getenv(envRecoveryCode)
		if code == "" && e.prompt != nil {
			c, err := e.prompt(ctx, "Recovery code (spaces, dashes and case don't matter): ")
			if err != nil {
				return nil, err
			}
			code = c
		}
		if strings.TrimSpace(code) == "" {
			return nil, usageError("this needs your recovery code: set %s or run hearth in a terminal to be asked for it", envRecoveryCode)
		}
		return journal.OpenWithRecoveryCode(dir, code, e.vaultOpts...)
	})
	if err != nil {
		return err
	}
	defer v.close(&err)
	return setNewPassphrase(ctx, e, v, *newFile)
}

// audioStatus says whether sound can play, by opening the sound output (beep's speaker
// can be opened once per process, which is fine for a one-shot command).
func audioStatus() string {
	if err := device.New().Probe(); err != nil {
		return err.Error() // says what failed and that practices show text and bells instead
	}
	return "ok"
}

func runDoctor(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "doctor", "   (a passphrase, if given, is used to check that the vault opens)")
	if err := fs.parseNoArgs(args, ""); err != nil {
		return quietHelp(err)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	defer func() {
		if ferr := w.Flush(); ferr != nil && err == nil {
			err = ferr
		}
	}()
	fmt.Fprintf(w, "Hearth\t%s (built with %s)\n", appVersion, runtime.Version())
	fmt.Fprintf(w, "System\t%s (%s/%s)\n", osVersion(), runtime.GOOS, runtime.GOARCH)
	dir, err := e.vaultDir()
	if err != nil {
		fmt.Fprintf(w, "Data folder\tunknown: use --data-dir\n")
		return err
	}
	if abs, aerr := filepath.Abs(dir); aerr == nil {
		dir = abs
	}
	switch st, serr := os.Stat(dir); {
	case serr == nil && st.IsDir():
		fmt.Fprintf(w, "Data folder\t%s\n", dir)
	case serr == nil:
		fmt.Fprintf(w, "Data folder\t%s (not a folder!)\n", dir)
	case errors.Is(serr, os.ErrNotExist):
		fmt.Fprintf(w, "Data folder\t%s (not created yet)\n", dir)
	default:
		fmt.Fprintf(w, "Data folder\t%s (cannot be read: %v)\n", dir, serr)
	}
	if free, ferr := diskFree(existingParent(dir)); ferr == nil {
		fmt.Fprintf(w, "Free space\t%s\n", humanBytes(free))
	} else {
		fmt.Fprintf(w, "Free space\tunknown\n")
	}
	fmt.Fprintf(w, "Audio output\t%s\n", audioStatus())

	state, ierr := journal.Inspect(dir)
	switch {
	case state == journal.StateDamaged:
		fmt.Fprintf(w, "Vault\tdamaged: %s\n", damageMessage(ierr))
		return ierr
	case ierr != nil:
		fmt.Fprintf(w, "Vault\tcould not be checked\n")
		return ierr
	case state == journal.StateNone:
		fmt.Fprintf(w, "Vault\tnone yet (run \"hearth init\" to create one)\n")
		return nil
	}
	fmt.Fprintf(w, "Vault\tkey file and database look intact\n")
	if !e.hasPassphrase() {
		fmt.Fprintf(w, "Unlock\tnot tried (set %s or use --passphrase-file to check that it opens)\n", envPassphrase)
		return nil
	}
	pass, err := e.passphrase(ctx)
	if err != nil {
		return err
	}
	v, oerr := lockAndOpen(dir, func() (*journal.Vault, error) { return journal.Open(dir, pass, e.vaultOpts...) })
	if oerr != nil {
		fmt.Fprintf(w, "Unlock\tfailed: %s\n", message(oerr))
		return oerr
	}
	defer v.close(&err)
	recs, lerr := v.List(journal.Query{})
	if lerr != nil {
		fmt.Fprintf(w, "Unlock\topened, but reading the records failed\n")
		return lerr
	}
	fmt.Fprintf(w, "Unlock\topened with your passphrase; %s read back fine\n", countOf(len(recs), "record"))
	if bad := v.Damaged(); len(bad) > 0 {
		fmt.Fprintf(w, "Damaged\t%s (IDs: %s); a backup can bring them back\n", countOf(len(bad), "record"), strings.Join(bad, ", "))
		return v.Check()
	}
	return nil
}

// existingParent returns dir or its nearest existing parent.
func existingParent(dir string) string {
	for {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir
		}
		dir = parent
	}
}

// countOf says "1 record" or "2 records" ("entry" becomes "entries").
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// humanBytes formats n like "12.3 GB".
func humanBytes(n uint64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := uint64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
