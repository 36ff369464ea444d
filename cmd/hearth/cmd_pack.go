package main

// The pack commands: validate, import, list and remove practice packs.
//
//	hearth pack validate PATH     check a pack folder or .zip; lists every problem as
//	                              "file:line: message" (exit 1) or prints a summary
//	hearth pack import PATH       check and install a pack into <data-dir>/packs/<id>
//	hearth pack list [--json]     the installed packs
//	hearth pack remove ID         uninstall a pack (what you wrote stays in the journal)
//
// `hearth pack list --json` prints an array (possibly empty, never null) of
//
//	{"id": "…", "title": "…", "version": "…", "description": "…",
//	 "facilitator": "…", "contact": "…", "licence": "…",
//	 "min_hearth_version": "…", "dir": "…",
//	 "problem": "…"}            only when the pack cannot be read
//
// Pack texts (titles, names) are the facilitator's published content, not anything the
// user wrote, so they may be printed.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"text/tabwriter"

	"github.com/hearth-app/hearth/resources"
)

const packUsage = `Usage:
  hearth pack validate PATH    check a pack folder or .zip file without installing it
  hearth pack import PATH      check and install a pack
  hearth pack list [--json]    list the installed packs
  hearth pack remove ID        uninstall a pack`

// errPackProblems is returned after validate printed the problems it found.
var errPackProblems = errors.New("the pack has problems")

func runPack(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usageError("pack needs a subcommand.\n%s", packUsage)
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "validate":
		return quietHelp(runPackValidate(e, rest))
	case "import":
		return quietHelp(runPackImport(e, rest))
	case "list":
		return quietHelp(runPackList(e, rest))
	case "remove":
		return quietHelp(runPackRemove(e, rest))
	case "help", "-h", "--help":
		fmt.Fprintln(e.stdout, packUsage)
		return nil
	}
	return usageError("pack has no subcommand %q.\n%s", safeWord(sub), packUsage)
}

// safeWord returns w if it looks like a command word, else a placeholder, so that
// nothing odd the user typed is echoed.
func safeWord(w string) string {
	if flagNameRE.MatchString("--"+w) && len(w) <= 20 {
		return w
	}
	return "…"
}

// onePath parses a subcommand that takes exactly one positional argument.
func onePath(e *env, name, usage string, args []string) (*cmdFlags, string, error) {
	f := newFlags(e, "pack "+name, usage)
	pos, err := f.parse(args)
	if err != nil {
		return nil, "", err
	}
	if len(pos) != 1 {
		return nil, "", usageError("usage: hearth pack %s %s", name, usage)
	}
	return f, pos[0], nil
}

func runPackValidate(e *env, args []string) error {
	_, path, err := onePath(e, "validate", "PATH", args)
	if err != nil {
		return err
	}
	pk, err := resources.ValidatePack(path, resources.WithHearthVersion(appVersion))
	if err := printProblems(e.stdout, err); err != nil {
		return packError(err)
	}
	fmt.Fprintln(e.stdout, "The pack is valid.")
	printPackSummary(e.stdout, pk)
	fmt.Fprintf(e.stdout, "Install it with: hearth pack import %s\n", path)
	return nil
}

// printProblems lists a validation error's problems, one "file:line: message" a line,
// and returns errPackProblems; other errors are returned as they are.
func printProblems(w io.Writer, err error) error {
	var ve *resources.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	for _, p := range ve.Problems {
		fmt.Fprintln(w, p)
	}
	n := len(ve.Problems)
	return fmt.Errorf("%w (%d, listed above); fix them and run \"hearth pack validate\" again", errPackProblems, n)
}

// shownError is an error with a plainer message than the one it wraps.
type shownError struct {
	msg string
	err error
}

func (s *shownError) Error() string { return s.msg }
func (s *shownError) Unwrap() error { return s.err }

// packError rewords the resources package's errors about outside input for people.
func packError(err error) error {
	detail := func(sentinel error) string {
		return strings.TrimPrefix(err.Error(), sentinel.Error()+": ")
	}
	switch {
	case errors.Is(err, resources.ErrUnsafePack):
		return &shownError{"the pack was refused for safety: " + detail(resources.ErrUnsafePack), err}
	case errors.Is(err, resources.ErrTooOld):
		return &shownError{"the pack was refused: " + detail(resources.ErrTooOld), err}
	case errors.Is(err, fs.ErrNotExist):
		return &shownError{"there is no pack folder or .zip file at that path", err}
	}
	return err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// printPackSummary describes a pack in a few lines.
func printPackSummary(w io.Writer, pk *resources.Pack) {
	m := pk.Manifest
	fmt.Fprintf(w, "  %s (%s, version %s)\n", m.Title, m.ID, m.Version)
	if m.Description != "" {
		fmt.Fprintf(w, "  %s\n", m.Description)
	}
	fmt.Fprintf(w, "  by %s (%s); licence: %s; needs Hearth %s or newer\n", m.Facilitator, m.Contact, m.Licence, m.MinHearthVersion)
	recorded := 0
	for _, p := range pk.Practices {
		if p.Audio != "" || hasClip(p) {
			recorded++
		}
	}
	prompts := 0
	for _, t := range pk.PromptThemes {
		prompts += len(t.Prompts)
	}
	days := 0
	for _, p := range pk.Programmes {
		days += len(p.Days)
	}
	parts := []string{
		count(len(pk.Practices), "practice") + fmt.Sprintf(" (%d with recordings)", recorded),
		count(prompts, "prompt") + " in " + count(len(pk.PromptThemes), "theme"),
		count(len(pk.Lessons), "lesson"),
		count(len(pk.Exercises), "exercise"),
		count(len(pk.Programmes), "programme") + fmt.Sprintf(" (%d days)", days),
		count(len(pk.Support.Helplines), "helpline"),
	}
	fmt.Fprintf(w, "  %s\n", strings.Join(parts, ", "))
}

func hasClip(p resources.Practice) bool {
	for _, s := range p.Steps {
		if s.Clip != "" {
			return true
		}
	}
	return false
}

func count(n int, noun string) string {
	return fmt.Sprintf("%d %s%s", n, noun, plural(n))
}

func runPackImport(e *env, args []string) error {
	_, path, err := onePath(e, "import", "PATH", args)
	if err != nil {
		return err
	}
	dir, err := e.vaultDir()
	if err != nil {
		return err
	}
	before, err := resources.ListPacks(dir)
	if err != nil {
		return err
	}
	pk, err := resources.ImportPack(dir, path, resources.WithHearthVersion(appVersion))
	if err := printProblems(e.stdout, err); err != nil {
		return fmt.Errorf("nothing was installed: %w", packError(err))
	}
	fmt.Fprintln(e.stdout, "Installed:")
	printPackSummary(e.stdout, pk)
	for _, ip := range before {
		if ip.Manifest.ID == pk.Manifest.ID {
			fmt.Fprintf(e.stdout, "It replaces the earlier copy (version %s, by %s).\n", ip.Manifest.Version, ip.Manifest.Facilitator)
		}
	}
	return nil
}

// packInfo is one element of `hearth pack list --json`.
type packInfo struct {
	ID               string `json:"id"`
	Title            string `json:"title"`
	Version          string `json:"version"`
	Description      string `json:"description"`
	Facilitator      string `json:"facilitator"`
	Contact          string `json:"contact"`
	Licence          string `json:"licence"`
	MinHearthVersion string `json:"min_hearth_version"`
	Dir              string `json:"dir"`
	Problem          string `json:"problem,omitempty"`
}

func runPackList(e *env, args []string) error {
	f := newFlags(e, "pack list", "[--json]")
	asJSON := f.Bool("json", false, "print JSON for scripts")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usageError("usage: hearth pack list [--json]")
	}
	dir, err := e.vaultDir()
	if err != nil {
		return err
	}
	list, err := resources.ListPacks(dir)
	if err != nil {
		return err
	}
	infos := make([]packInfo, 0, len(list))
	for _, ip := range list {
		m := ip.Manifest
		pi := packInfo{ID: m.ID, Title: m.Title, Version: m.Version, Description: m.Description,
			Facilitator: m.Facilitator, Contact: m.Contact, Licence: m.Licence,
			MinHearthVersion: m.MinHearthVersion, Dir: ip.Dir}
		if ip.Err != nil {
			pi.Problem = ip.Err.Error()
		}
		infos = append(infos, pi)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(infos)
	}
	if len(infos) == 0 {
		fmt.Fprintln(e.stdout, "No packs are installed. Add one with: hearth pack import PATH")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tTITLE\tBY")
	for _, pi := range infos {
		if pi.Problem != "" {
			fmt.Fprintf(tw, "%s\t?\t(cannot be read: %s)\t\n", pi.ID, pi.Problem)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", pi.ID, pi.Version, pi.Title, pi.Facilitator)
	}
	return tw.Flush()
}

func runPackRemove(e *env, args []string) error {
	_, id, err := onePath(e, "remove", "ID", args)
	if err != nil {
		return err
	}
	dir, err := e.vaultDir()
	if err != nil {
		return err
	}
	if err := resources.RemovePack(dir, id); err != nil {
		if errors.Is(err, resources.ErrNotFound) {
			return fmt.Errorf("no pack called %q is installed (see \"hearth pack list\")", safeID(id))
		}
		return err
	}
	fmt.Fprintf(e.stdout, "Removed the pack %s. Anything you wrote while using it is still in your journal.\n", id)
	return nil
}

// safeID returns id when it is a valid pack ID, else a placeholder.
func safeID(id string) string {
	if resources.ValidID(id) {
		return id
	}
	return "…"
}
