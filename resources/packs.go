package resources

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// packsDir is the folder under the data directory that holds installed packs.
const packsDir = "packs"

// ImportOption changes how a pack is validated and imported.
type ImportOption func(*importConfig)

type importConfig struct {
	limits        Limits
	hearthVersion string
	base          *Pack // the built-in pack; nil means Builtin() (tests set a fixed one)
}

// builtin returns the configured base pack or loads the built-in one.
func (c importConfig) builtin() (*Pack, error) {
	if c.base != nil {
		return c.base, nil
	}
	return loadBuiltinBase()
}

// loadBuiltinBase loads the built-in pack as the base for another pack. Its own
// problems are reported as one error, not as problems of the pack being checked.
func loadBuiltinBase() (*Pack, error) {
	base, err := Builtin()
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrBuiltinBroken, err)
	}
	return base, nil
}

func newImportConfig(opts []ImportOption) importConfig {
	cfg := importConfig{limits: DefaultLimits()}
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

// WithHearthVersion refuses packs whose min_hearth_version is newer than v (the running
// app's version). Without it the version is not checked.
func WithHearthVersion(v string) ImportOption {
	return func(c *importConfig) { c.hearthVersion = v }
}

// WithLimits replaces DefaultLimits.
func WithLimits(l Limits) ImportOption {
	return func(c *importConfig) { c.limits = l }
}

func (c importConfig) checkVersion(m Manifest) error {
	if c.hearthVersion == "" || VersionAtLeast(c.hearthVersion, m.MinHearthVersion) {
		return nil
	}
	return fmt.Errorf("%w: %q needs Hearth %s or newer (this is %s)", ErrTooOld, m.Title, m.MinHearthVersion, c.hearthVersion)
}

// InstalledPack is one pack in <data-dir>/packs, as ListPacks finds it.
type InstalledPack struct {
	Manifest Manifest
	Dir      string
	// Err is set when the pack's manifest cannot be read; the pack is then skipped by
	// LoadLibrary and can only be removed.
	Err error
}

// ImportPack validates the pack at src (a folder or a .zip file) and installs it as
// <dataDir>/packs/<id>, replacing an earlier version of the same pack. The pack is
// copied to a temporary folder inside <dataDir>/packs, checked there in full, and only
// then renamed into place, so a bad pack is never partly installed. Errors: a
// *ValidationError (ErrInvalidPack) listing every problem, ErrUnsafePack for paths
// outside the pack, symlinks or too much data, ErrTooOld.
func ImportPack(dataDir, src string, opts ...ImportOption) (*Pack, error) {
	cfg := newImportConfig(opts)
	root := filepath.Join(dataDir, packsDir)
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, fmt.Errorf("creating the packs folder: %w", err)
	}
	cleanLeftovers(root)
	tmp, err := os.MkdirTemp(root, ".import-")
	if err != nil {
		return nil, fmt.Errorf("creating a temporary folder: %w", err)
	}
	installed := false
	defer func() {
		if !installed {
			os.RemoveAll(tmp)
		}
	}()
	if err := walkSource(src, cfg.limits, func(name string, r io.Reader) error {
		return writeFile(filepath.Join(tmp, filepath.FromSlash(name)), r)
	}); err != nil {
		return nil, err
	}
	// A zip made from a folder has the pack one level down: install that folder.
	sub := packDir(tmp)
	base, err := cfg.builtin()
	if err != nil {
		return nil, err
	}
	pk, err := loadPackWith(os.DirFS(sub), base)
	if err != nil {
		return nil, err
	}
	if err := cfg.checkVersion(pk.Manifest); err != nil {
		return nil, err
	}
	others, err := otherPacks(dataDir, base, pk.Manifest.ID)
	if err != nil {
		return nil, err
	}
	if probs := clashes(pk, others); len(probs) > 0 {
		return nil, &ValidationError{Problems: probs}
	}
	dest := filepath.Join(root, pk.Manifest.ID)
	if err := swapInto(sub, dest, root); err != nil {
		return nil, err
	}
	installed = sub == tmp // else the now empty wrapper folder is removed
	return loadInstalled(dest, base)
}

// packDir returns dir, or its single sub-folder when the manifest is there instead.
func packDir(dir string) string {
	if _, err := os.Stat(filepath.Join(dir, manifestFile)); err == nil {
		return dir
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 || !entries[0].IsDir() {
		return dir
	}
	sub := filepath.Join(dir, entries[0].Name())
	if _, err := os.Stat(filepath.Join(sub, manifestFile)); err != nil {
		return dir
	}
	return sub
}

// writeFile creates name (and its folders) with the contents of r, and syncs it.
func writeFile(name string, r io.Reader) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// swapInto renames the checked folder src to dest. An existing dest (an earlier
// version) is first moved aside and removed only after the new one is in place.
func swapInto(src, dest, root string) error {
	var old string
	if _, err := os.Stat(dest); err == nil {
		old = filepath.Join(root, ".old-"+randomSuffix())
		if err := os.Rename(dest, old); err != nil {
			return fmt.Errorf("moving the earlier version aside: %w", err)
		}
	}
	if err := os.Rename(src, dest); err != nil {
		if old != "" {
			os.Rename(old, dest) // put the earlier version back
		}
		return fmt.Errorf("installing the pack: %w", err)
	}
	syncDir(root)
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// syncDir makes a rename in dir durable where the OS supports it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func randomSuffix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// cleanLeftovers removes temporary folders (.import-*, .old-*, .remove-*) older than an
// hour, left behind by an import or removal that was interrupted.
func cleanLeftovers(root string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() || !(strings.HasPrefix(n, ".import-") || strings.HasPrefix(n, ".old-") || strings.HasPrefix(n, ".remove-")) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.RemoveAll(filepath.Join(root, n))
		}
	}
}

// loadInstalled loads the pack installed in dir; references may use base.
func loadInstalled(dir string, base *Pack) (*Pack, error) {
	pk, err := loadPackWith(os.DirFS(dir), base)
	if err != nil {
		return nil, err
	}
	if pk.Manifest.ID != filepath.Base(dir) {
		return nil, fmt.Errorf("pack in %s has the ID %q; its folder must have the same name", dir, pk.Manifest.ID)
	}
	pk.Dir = dir
	return pk, nil
}

// otherPacks loads the installed packs except the one with ID skip (being replaced).
// Broken packs are left out.
func otherPacks(dataDir string, base *Pack, skip string) ([]*Pack, error) {
	list, err := ListPacks(dataDir)
	if err != nil {
		return nil, err
	}
	var out []*Pack
	for _, ip := range list {
		if ip.Err != nil || ip.Manifest.ID == skip {
			continue
		}
		if pk, err := loadInstalled(ip.Dir, base); err == nil {
			out = append(out, pk)
		}
	}
	return out, nil
}

// clashes lists the IDs of pk that another pack already uses.
func clashes(pk *Pack, others []*Pack) []Problem {
	var probs []Problem
	for _, o := range others {
		clash := func(file, kind, id string) {
			probs = append(probs, Problem{File: file, Msg: fmt.Sprintf("%s ID %q is already used by the installed pack %q (%s)", kind, id, o.Manifest.ID, o.Manifest.Title)})
		}
		for _, p := range pk.Practices {
			if o.Practice(p.ID) != nil {
				clash(path.Join(dirPractices, p.ID+".toml"), "practice", p.ID)
			}
		}
		for _, t := range pk.PromptThemes {
			for _, p := range t.Prompts {
				if o.Prompt(p.ID) != nil {
					clash(path.Join(dirPrompts, t.ID+".toml"), "prompt", p.ID)
				}
			}
		}
		for _, x := range pk.Lessons {
			if o.Lesson(x.ID) != nil {
				clash(path.Join(dirLessons, x.ID+".md"), "lesson", x.ID)
			}
		}
		for _, x := range pk.Exercises {
			if o.Exercise(x.ID) != nil {
				clash(path.Join(dirExercises, x.ID+".toml"), "exercise", x.ID)
			}
		}
		for _, x := range pk.Programmes {
			if o.Programme(x.ID) != nil {
				clash(path.Join(dirProgrammes, x.ID+".toml"), "programme", x.ID)
			}
		}
	}
	return probs
}

// ListPacks lists the packs installed in <dataDir>/packs, sorted by ID. A folder whose
// manifest cannot be read is listed with Err set. No packs folder means no packs.
func ListPacks(dataDir string) ([]InstalledPack, error) {
	root := filepath.Join(dataDir, packsDir)
	entries, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the packs folder: %w", err)
	}
	var out []InstalledPack
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		dir := filepath.Join(root, e.Name())
		ip := InstalledPack{Dir: dir, Manifest: Manifest{ID: e.Name()}}
		data, err := os.ReadFile(filepath.Join(dir, manifestFile))
		if err != nil {
			ip.Err = fmt.Errorf("reading its manifest: %w", err)
		} else {
			var probs []Problem
			m, ok := ParseManifest(data, func(p Problem) { probs = append(probs, p) })
			switch {
			case len(probs) > 0:
				ip.Err = &ValidationError{Problems: probs}
			case !ok:
				ip.Err = fmt.Errorf("%w: unreadable manifest", ErrInvalidPack)
			default:
				ip.Manifest = m
			}
		}
		out = append(out, ip)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Manifest.ID < out[j].Manifest.ID })
	return out, nil
}

// RemovePack uninstalls the pack with that ID. It returns an error wrapping ErrNotFound
// when no such pack is installed. What the user wrote while using the pack stays in
// the journal.
func RemovePack(dataDir, id string) error {
	if !ValidID(id) || id == BuiltinID {
		return fmt.Errorf("pack %q: %w", id, ErrNotFound)
	}
	root := filepath.Join(dataDir, packsDir)
	dir := filepath.Join(root, id)
	if st, err := os.Lstat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("pack %q: %w", id, ErrNotFound)
	}
	gone := filepath.Join(root, ".remove-"+randomSuffix())
	if err := os.Rename(dir, gone); err != nil {
		return fmt.Errorf("removing pack %q: %w", id, err)
	}
	syncDir(root)
	if err := os.RemoveAll(gone); err != nil {
		return fmt.Errorf("removing pack %q: %w", id, err)
	}
	return nil
}

// LoadLibrary loads the built-in pack and every installed pack into one Library. A pack
// that no longer loads (damaged, or its IDs now clash) is left out and listed in
// Library.Broken rather than failing the whole library; only a problem with the
// built-in content or the packs folder is an error.
func LoadLibrary(dataDir string) (*Library, error) {
	return loadLibrary(dataDir, importConfig{})
}

func loadLibrary(dataDir string, cfg importConfig) (*Library, error) {
	base, err := cfg.builtin()
	if err != nil {
		return nil, err
	}
	list, err := ListPacks(dataDir)
	if err != nil {
		return nil, err
	}
	packs := []*Pack{base}
	var broken []BrokenPack
	for _, ip := range list {
		if ip.Err != nil {
			broken = append(broken, BrokenPack{ID: ip.Manifest.ID, Dir: ip.Dir, Err: ip.Err})
			continue
		}
		pk, err := loadInstalled(ip.Dir, base)
		if err == nil {
			if probs := clashes(pk, packs[1:]); len(probs) > 0 {
				err = &ValidationError{Problems: probs}
			}
		}
		if err != nil {
			broken = append(broken, BrokenPack{ID: ip.Manifest.ID, Dir: ip.Dir, Err: err})
			continue
		}
		packs = append(packs, pk)
	}
	lib := NewLibrary(packs...)
	lib.Broken = broken
	return lib, nil
}

// NewLibrary merges packs (the built-in pack first) into a Library. Prompt themes with
// the same ID in several packs become one theme (the first pack's title and
// description, every pack's prompts). It does not check for clashing IDs; LoadLibrary
// does.
func NewLibrary(packs ...*Pack) *Library {
	lib := &Library{Packs: packs}
	themes := map[string]*PromptTheme{}
	for _, pk := range packs {
		for i := range pk.Practices {
			lib.Practices = append(lib.Practices, &pk.Practices[i])
		}
		for _, t := range pk.PromptThemes {
			merged, ok := themes[t.ID]
			if !ok {
				merged = &PromptTheme{ID: t.ID, Title: t.Title, Description: t.Description, PackID: t.PackID}
				themes[t.ID] = merged
				lib.PromptThemes = append(lib.PromptThemes, merged)
			}
			merged.Prompts = append(merged.Prompts, t.Prompts...)
		}
		for i := range pk.Lessons {
			lib.Lessons = append(lib.Lessons, &pk.Lessons[i])
		}
		for i := range pk.Exercises {
			lib.Exercises = append(lib.Exercises, &pk.Exercises[i])
		}
		for i := range pk.Programmes {
			lib.Programmes = append(lib.Programmes, &pk.Programmes[i])
		}
		if lib.Support.Crisis == "" {
			lib.Support.Crisis = pk.Support.Crisis
		}
		if lib.Support.Grounding == nil {
			lib.Support.Grounding = pk.Support.Grounding
		}
		lib.Support.Helplines = append(lib.Support.Helplines, pk.Support.Helplines...)
	}
	for _, t := range lib.PromptThemes {
		for i := range t.Prompts {
			lib.Prompts = append(lib.Prompts, &t.Prompts[i])
		}
	}
	return lib
}
