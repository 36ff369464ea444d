package resources

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Limits bound what a pack from outside may hold, so a hostile or broken zip cannot
// fill the disk or the memory.
type Limits struct {
	MaxFiles     int   // files in the pack
	MaxFileSize  int64 // bytes of one file, uncompressed
	MaxTotalSize int64 // bytes of all files together, uncompressed
	// MaxRatio is the largest uncompressed:compressed ratio allowed for a zip entry of
	// more than ratioFloor bytes (audio barely compresses; a zip bomb compresses a lot).
	MaxRatio int64
}

// ratioFloor is the size below which a zip entry's compression ratio is not checked
// (small text files compress well and are harmless).
const ratioFloor = 1 << 20

// DefaultLimits are the limits ImportPack and ValidatePack use: 2,000 files, 256 MiB per
// file, 1 GiB in all, and a compression ratio of at most 100:1 for entries over 1 MiB.
func DefaultLimits() Limits {
	return Limits{MaxFiles: 2000, MaxFileSize: 256 << 20, MaxTotalSize: 1 << 30, MaxRatio: 100}
}

// unsafef returns an error wrapping ErrUnsafePack.
func unsafef(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsafePack, fmt.Sprintf(format, a...))
}

// humanBytes formats a limit like "256 MiB".
func humanBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// cleanEntryName checks a file name from outside (a zip entry or a relative path) and
// returns it in fs form ("a/b.ogg"). Backslashes count as folder separators (some
// Windows zip tools write them). It refuses absolute paths, drive letters, "..", empty
// elements, control characters and names that are not UTF-8.
func cleanEntryName(name string) (string, error) {
	n := strings.TrimSuffix(strings.ReplaceAll(name, `\`, "/"), "/")
	switch {
	case n == "":
		return "", unsafef("an entry has an empty name")
	case !utf8.ValidString(n):
		return "", unsafef("a file name is not UTF-8; zip the pack again with a current tool")
	case strings.HasPrefix(n, "/") || (len(n) >= 2 && n[1] == ':'):
		return "", unsafef("%q is an absolute path; a pack only holds relative paths", name)
	case !fs.ValidPath(n):
		return "", unsafef("%q points outside the pack (uses .. or empty folder names)", name)
	}
	for _, r := range n {
		if r < 0x20 || r == 0x7F {
			return "", unsafef("a file name has control characters in it")
		}
	}
	return n, nil
}

// skipEntry reports whether an archive or folder entry is not part of the pack: hidden
// files and folders (.git, .DS_Store, macOS "._" forks), __MACOSX, Thumbs.db and
// desktop.ini. They are neither checked nor copied.
func skipEntry(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || part == "__MACOSX" {
			return true
		}
	}
	base := path.Base(name)
	return base == "Thumbs.db" || base == "desktop.ini"
}

// budget enforces the size limits while bytes are read.
type budget struct {
	lim   Limits
	files int
	total int64
}

// file accounts for one more file of declared size; it fails when a limit is passed.
func (b *budget) file(name string, declared int64) error {
	b.files++
	if b.files > b.lim.MaxFiles {
		return unsafef("more than %d files (the limit for one pack)", b.lim.MaxFiles)
	}
	if declared > b.lim.MaxFileSize {
		return unsafef("%s is larger than %s (the limit for one file)", name, humanBytes(b.lim.MaxFileSize))
	}
	if b.total+declared > b.lim.MaxTotalSize {
		return unsafef("the pack is larger than %s unpacked (the limit for a whole pack)", humanBytes(b.lim.MaxTotalSize))
	}
	return nil
}

// reader wraps r so that reading more than the limits allow fails, whatever the file
// claimed its size was.
func (b *budget) reader(name string, r io.Reader) io.Reader {
	return &limitedReader{r: r, name: name, b: b, left: b.lim.MaxFileSize}
}

type limitedReader struct {
	r    io.Reader
	name string
	b    *budget
	left int64 // bytes this file may still have
}

func (l *limitedReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.left -= int64(n)
	l.b.total += int64(n)
	if l.left < 0 {
		return n, unsafef("%s is larger than %s (the limit for one file)", l.name, humanBytes(l.b.lim.MaxFileSize))
	}
	if l.b.total > l.b.lim.MaxTotalSize {
		return n, unsafef("the pack is larger than %s unpacked (the limit for a whole pack)", humanBytes(l.b.lim.MaxTotalSize))
	}
	return n, err
}

// walkZip checks every entry of zr against lim and the path rules, then calls fn for
// each regular file in name order with its clean name and a reader that enforces the
// limits on the bytes actually read. Packaging debris (__MACOSX, .DS_Store) is skipped.
// fn must read the reader to the end for the size limits to be checked.
func walkZip(zr *zip.Reader, lim Limits, fn func(name string, r io.Reader) error) error {
	b := &budget{lim: lim}
	type entry struct {
		name string
		f    *zip.File
	}
	var files []entry
	seen := map[string]bool{}
	for _, f := range zr.File {
		name, err := cleanEntryName(f.Name)
		if err != nil {
			return err
		}
		if skipEntry(name) {
			continue
		}
		mode := f.Mode()
		switch {
		case mode&fs.ModeSymlink != 0:
			return unsafef("%s is a symbolic link; a pack holds only plain files", name)
		case mode.IsDir() || strings.HasSuffix(f.Name, "/"):
			continue
		case !mode.IsRegular():
			return unsafef("%s is not a plain file", name)
		}
		if seen[strings.ToLower(name)] {
			return unsafef("%s appears twice in the zip (names must differ, ignoring case)", name)
		}
		seen[strings.ToLower(name)] = true
		if f.UncompressedSize64 > uint64(lim.MaxFileSize) {
			return unsafef("%s is larger than %s (the limit for one file)", name, humanBytes(lim.MaxFileSize))
		}
		size := int64(f.UncompressedSize64)
		if size > ratioFloor && (f.CompressedSize64 == 0 || size/int64(max(f.CompressedSize64, 1)) > lim.MaxRatio) {
			return unsafef("%s compresses more than %d to 1, which is how zip bombs look; zip it again without it", name, lim.MaxRatio)
		}
		if err := b.file(name, size); err != nil {
			return err
		}
		files = append(files, entry{name, f})
	}
	b.total = 0 // from here on, count the bytes really read
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	for _, e := range files {
		rc, err := e.f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", e.name, err)
		}
		err = fn(e.name, b.reader(e.name, rc))
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// walkDir checks the folder root against lim and the rules for outside input (no
// symlinks, devices or other special files), then calls fn for each regular file in
// name order, like walkZip.
func walkDir(root string, lim Limits, fn func(name string, r io.Reader) error) error {
	b := &budget{lim: lim}
	type entry struct {
		name, full string
		info       fs.FileInfo
	}
	var files []entry
	err := filepath.WalkDir(root, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, full)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if name == "." {
			return nil
		}
		if skipEntry(name) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch t := d.Type(); {
		case t&fs.ModeSymlink != 0:
			return unsafef("%s is a symbolic link; a pack holds only plain files", name)
		case d.IsDir():
			return nil
		case !t.IsRegular():
			return unsafef("%s is not a plain file", name)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if err := b.file(name, info.Size()); err != nil {
			return err
		}
		files = append(files, entry{name, full, info})
		return nil
	})
	if err != nil {
		return err
	}
	b.total = 0
	for _, e := range files {
		f, err := os.Open(e.full)
		if err != nil {
			return err
		}
		// Refuse a file swapped for something else (a symlink) since the walk.
		if st, err := f.Stat(); err != nil || !os.SameFile(st, e.info) {
			f.Close()
			return unsafef("%s changed while it was being read", e.name)
		}
		err = fn(e.name, b.reader(e.name, f))
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// walkSource walks a pack given as a folder or a .zip file.
func walkSource(src string, lim Limits, fn func(name string, r io.Reader) error) error {
	real, err := filepath.EvalSymlinks(src) // the path the user gave may itself be a link
	if err != nil {
		return err
	}
	st, err := os.Stat(real)
	if err != nil {
		return err
	}
	if st.IsDir() {
		return walkDir(real, lim, fn)
	}
	zr, err := zip.OpenReader(real)
	if err != nil {
		return fmt.Errorf("%s is neither a folder nor a zip file: %w", filepath.Base(src), err)
	}
	defer zr.Close()
	return walkZip(&zr.Reader, lim, fn)
}

// packRoot returns the folder inside fsys that holds manifest.toml: the root, or the
// single top-level folder when the zip was made from a folder.
func packRoot(fsys fs.FS) (fs.FS, error) {
	if _, err := fs.Stat(fsys, manifestFile); err == nil {
		return fsys, nil
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, e := range entries {
		if skipEntry(e.Name()) {
			continue
		}
		if !e.IsDir() {
			return fsys, nil // loose files and no manifest: report it at the root
		}
		dirs = append(dirs, e.Name())
	}
	if len(dirs) == 1 {
		if _, err := fs.Stat(fsys, path.Join(dirs[0], manifestFile)); err == nil {
			return fs.Sub(fsys, dirs[0])
		}
	}
	return fsys, nil
}

// ValidatePack checks the pack at src (a folder or a .zip file) exactly as ImportPack
// would, without installing it: the limits and path rules for outside input, then every
// file. Problems with the content come back as a *ValidationError; unsafe input as an
// error wrapping ErrUnsafePack. The returned pack is for reporting: for a zip file its
// FS is closed on return, so clips cannot be opened from it.
func ValidatePack(src string, opts ...ImportOption) (*Pack, error) {
	cfg := newImportConfig(opts)
	// First pass: every rule on names and sizes, reading every byte.
	if err := walkSource(src, cfg.limits, func(_ string, r io.Reader) error {
		_, err := io.Copy(io.Discard, r)
		return err
	}); err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(src)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(real)
	if err != nil {
		return nil, err
	}
	var fsys fs.FS
	if st.IsDir() {
		fsys = os.DirFS(real)
	} else {
		zr, err := zip.OpenReader(real)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		fsys = &zr.Reader
	}
	root, err := packRoot(fsys)
	if err != nil {
		return nil, err
	}
	base, err := cfg.builtin()
	if err != nil {
		return nil, err
	}
	pk, err := loadPackWith(root, base)
	if err != nil {
		return nil, err
	}
	if err := cfg.checkVersion(pk.Manifest); err != nil {
		return nil, err
	}
	if st.IsDir() {
		pk.Dir = real
	}
	return pk, nil
}
