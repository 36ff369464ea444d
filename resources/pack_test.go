package resources

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testBase loads testdata/base, a frozen copy of a few built-in files, as the built-in
// pack, so pack tests do not depend on the bundled content of the day.
func testBase(t testing.TB) *Pack {
	t.Helper()
	base, err := load(os.DirFS("testdata/base"), builtinManifest(), nil)
	if err != nil {
		t.Fatalf("loading testdata/base: %v", err)
	}
	return base
}

func withBase(b *Pack) ImportOption { return func(c *importConfig) { c.base = b } }

// problemLines renders an error as the lines `hearth pack validate` prints.
func problemLines(err error) string {
	var ve *ValidationError
	if errors.As(err, &ve) {
		var b strings.Builder
		for _, p := range ve.Problems {
			b.WriteString(p.String() + "\n")
		}
		return b.String()
	}
	if err == nil {
		return "ok\n"
	}
	return err.Error() + "\n"
}

func TestExamplePackValidates(t *testing.T) {
	pk, err := ValidatePack("testdata/example-pack", withBase(testBase(t)))
	if err != nil {
		t.Fatalf("example pack: %s", problemLines(err))
	}
	if pk.Manifest.ID != "example-workshop" || len(pk.Practices) != 2 || len(pk.PromptThemes) != 1 ||
		len(pk.Programmes) != 1 || len(pk.Programmes[0].Days) != 3 || len(pk.Support.Helplines) != 1 {
		t.Errorf("unexpected pack contents: %+v", pk.Manifest)
	}
	p := pk.Practice("workshop-arriving")
	if p == nil || p.Steps[0].Clip != "audio/arriving-01.ogg" || p.Steps[1].Speak || p.PackID != "example-workshop" {
		t.Errorf("workshop-arriving loaded wrong: %+v", p)
	}
	if got := pk.Practice("workshop-closing-breath"); got == nil || got.Audio != "audio/short-pause.ogg" {
		t.Errorf("workshop-closing-breath loaded wrong: %+v", got)
	}
}

// TestBadPacks checks every bad pack in testdata/bad against its golden list of
// problems (go test -run BadPacks -update rewrites them).
func TestBadPacks(t *testing.T) {
	base := testBase(t)
	tests := []struct {
		name string
		want error
	}{
		{"bad-toml", ErrInvalidPack},
		{"broken-audio", ErrInvalidPack},
		{"duplicate-id", ErrInvalidPack},
		{"unknown-schema", ErrInvalidPack},
		{"traversal.zip", ErrUnsafePack},
		{"absolute.zip", ErrUnsafePack},
		{"symlink.zip", ErrUnsafePack},
		{"bomb.zip", ErrUnsafePack},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ValidatePack(filepath.Join("testdata/bad", tt.name), withBase(base))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			got := problemLines(err)
			golden := filepath.Join("testdata/bad", strings.TrimSuffix(tt.name, ".zip")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("problems differ from %s:\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

func TestImportListRemove(t *testing.T) {
	base := testBase(t)
	data := t.TempDir()
	pk, err := ImportPack(data, "testdata/example-pack", withBase(base))
	if err != nil {
		t.Fatalf("import: %s", problemLines(err))
	}
	wantDir := filepath.Join(data, "packs", "example-workshop")
	if pk.Dir != wantDir {
		t.Errorf("Dir = %q, want %q", pk.Dir, wantDir)
	}
	f, err := pk.OpenClip("workshop-arriving", 0)
	if err != nil {
		t.Fatalf("OpenClip: %v", err)
	}
	head := make([]byte, 4)
	io.ReadFull(f, head)
	f.Close()
	if string(head) != "OggS" {
		t.Errorf("clip starts with %q", head)
	}
	if _, err := pk.OpenClip("workshop-arriving", 1); !errors.Is(err, ErrNoClip) {
		t.Errorf("step without clip: err = %v, want ErrNoClip", err)
	}
	if _, err := pk.OpenClip("workshop-arriving", 9); !errors.Is(err, ErrNotFound) {
		t.Errorf("step out of range: err = %v, want ErrNotFound", err)
	}
	if f, err := pk.Practice("workshop-closing-breath").OpenAudio(); err != nil {
		t.Errorf("OpenAudio: %v", err)
	} else {
		f.Close()
	}

	// Importing again replaces the pack.
	if _, err := ImportPack(data, "testdata/example-pack", withBase(base)); err != nil {
		t.Fatalf("second import: %v", err)
	}
	list, err := ListPacks(data)
	if err != nil || len(list) != 1 || list[0].Manifest.ID != "example-workshop" || list[0].Err != nil {
		t.Fatalf("ListPacks = %+v, %v", list, err)
	}
	lib, err := loadLibrary(data, importConfig{base: base})
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Packs) != 2 || lib.Practice("workshop-arriving") == nil || lib.Practice("soothing-rhythm-breathing-short") == nil {
		t.Errorf("library has %d packs; practices %d", len(lib.Packs), len(lib.Practices))
	}
	if p := lib.Practice("workshop-arriving"); p.PackTitle != "After the workshop: a gentle first week" {
		t.Errorf("PackTitle = %q", p.PackTitle)
	}
	if lib.Prompt("workshop-kind-word") == nil || lib.Programme("workshop-three-days") == nil || len(lib.Support.Helplines) != 1 {
		t.Errorf("library is missing pack content")
	}
	assertNoLeftovers(t, data)

	if err := RemovePack(data, "example-workshop"); err != nil {
		t.Fatal(err)
	}
	if err := RemovePack(data, "example-workshop"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second remove: %v, want ErrNotFound", err)
	}
	for _, id := range []string{"..", "../packs", "builtin", ""} {
		if err := RemovePack(data, id); !errors.Is(err, ErrNotFound) {
			t.Errorf("RemovePack(%q) = %v, want ErrNotFound", id, err)
		}
	}
	if list, _ := ListPacks(data); len(list) != 0 {
		t.Errorf("after remove ListPacks = %+v", list)
	}
	assertNoLeftovers(t, data)
}

// assertNoLeftovers fails if anything but installed packs is in <data>/packs.
func assertNoLeftovers(t *testing.T, data string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(data, "packs"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind in packs/: %s", e.Name())
		}
	}
}

func TestImportRefusesBadPacksWithoutTrace(t *testing.T) {
	base := testBase(t)
	data := t.TempDir()
	for _, name := range []string{"bad-toml", "broken-audio", "duplicate-id", "unknown-schema", "traversal.zip", "bomb.zip", "symlink.zip"} {
		if _, err := ImportPack(data, filepath.Join("testdata/bad", name), withBase(base)); err == nil {
			t.Errorf("%s imported", name)
		}
	}
	entries, err := os.ReadDir(filepath.Join(data, "packs"))
	if err != nil || len(entries) != 0 {
		t.Errorf("packs/ holds %v (err %v), want nothing", entries, err)
	}
	if _, err := os.Stat(filepath.Join(data, "evil.txt")); err == nil {
		t.Error("traversal wrote outside the pack")
	}
}

func TestImportZipWithTopFolder(t *testing.T) {
	zipPath := filepath.Join(t.TempDir(), "pack.zip")
	writeZipOfDir(t, zipPath, "testdata/example-pack", "example-pack/")
	data := t.TempDir()
	pk, err := ImportPack(data, zipPath, withBase(testBase(t)))
	if err != nil {
		t.Fatalf("import: %s", problemLines(err))
	}
	if _, err := os.Stat(filepath.Join(data, "packs", pk.Manifest.ID, "manifest.toml")); err != nil {
		t.Error(err)
	}
	assertNoLeftovers(t, data)
}

func TestImportClashWithInstalledPack(t *testing.T) {
	base := testBase(t)
	data := t.TempDir()
	if _, err := ImportPack(data, "testdata/example-pack", withBase(base)); err != nil {
		t.Fatal(err)
	}
	// Same content under another pack ID: every content ID clashes.
	other := filepath.Join(t.TempDir(), "other")
	copyDir(t, "testdata/example-pack", other)
	m, _ := os.ReadFile(filepath.Join(other, "manifest.toml"))
	os.WriteFile(filepath.Join(other, "manifest.toml"), bytes.Replace(m, []byte(`"example-workshop"`), []byte(`"another-pack"`), 1), 0o644)
	_, err := ImportPack(data, other, withBase(base))
	if !errors.Is(err, ErrInvalidPack) || !strings.Contains(err.Error(), `already used by the installed pack "example-workshop"`) {
		t.Errorf("err = %v", err)
	}
}

func TestImportRefusesSymlinkInFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pack")
	copyDir(t, "testdata/example-pack", dir)
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "audio", "link.ogg")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	_, err := ImportPack(t.TempDir(), dir, withBase(testBase(t)))
	if !errors.Is(err, ErrUnsafePack) || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("err = %v", err)
	}
}

func TestImportVersionCheck(t *testing.T) {
	_, err := ImportPack(t.TempDir(), "testdata/example-pack", withBase(testBase(t)), WithHearthVersion("0.0.9"))
	if !errors.Is(err, ErrTooOld) {
		t.Errorf("err = %v, want ErrTooOld", err)
	}
	if _, err := ValidatePack("testdata/example-pack", withBase(testBase(t)), WithHearthVersion("0.1.0")); err != nil {
		t.Errorf("same version: %v", err)
	}
}

func TestLibrarySkipsBrokenPack(t *testing.T) {
	base := testBase(t)
	data := t.TempDir()
	if _, err := ImportPack(data, "testdata/example-pack", withBase(base)); err != nil {
		t.Fatal(err)
	}
	// Damage the installed pack.
	os.WriteFile(filepath.Join(data, "packs", "example-workshop", "practices", "workshop-arriving.toml"), []byte("id = "), 0o600)
	lib, err := loadLibrary(data, importConfig{base: base})
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Packs) != 1 || len(lib.Broken) != 1 || lib.Broken[0].ID != "example-workshop" {
		t.Errorf("packs %d, broken %+v", len(lib.Packs), lib.Broken)
	}
}

func TestZipLimits(t *testing.T) {
	mk := func(files map[string][]byte) *zip.Reader {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for n, d := range files {
			w, _ := zw.Create(n)
			w.Write(d)
		}
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		return zr
	}
	many := map[string][]byte{}
	for i := range 11 {
		many[fmt.Sprintf("f%02d.txt", i)] = []byte("x")
	}
	lim := Limits{MaxFiles: 10, MaxFileSize: 100, MaxTotalSize: 250, MaxRatio: 100}
	tests := []struct {
		name  string
		files map[string][]byte
		want  string // "" = ok
	}{
		{"fine", map[string][]byte{"a.txt": bytes.Repeat([]byte("a"), 100), "b/c.txt": []byte("c")}, ""},
		{"too many files", many, "more than 10 files (the limit for one pack)"},
		{"one file too big", map[string][]byte{"big.txt": make([]byte, 101)}, "big.txt is larger than 100 bytes (the limit for one file)"},
		{"too big in all", map[string][]byte{"a": make([]byte, 100), "b": make([]byte, 100), "c": make([]byte, 100)}, "larger than 250 bytes unpacked (the limit for a whole pack)"},
		{"duplicate names", map[string][]byte{"A.txt": nil, "a.txt": nil}, "appears twice"},
		{"macOS debris and hidden files are skipped", map[string][]byte{"__MACOSX/._a": make([]byte, 1000), ".DS_Store": make([]byte, 1000),
			".git/objects/x": make([]byte, 1000), "audio/._a.ogg": make([]byte, 1000)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := walkZip(mk(tt.files), lim, func(_ string, r io.Reader) error {
				_, err := io.Copy(io.Discard, r)
				return err
			})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("err = %v", err)
			case tt.want != "" && (!errors.Is(err, ErrUnsafePack) || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestZipLyingSizes checks that a zip whose headers understate the sizes is still
// stopped by the bytes actually read.
func TestZipLyingSizes(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateRaw(&zip.FileHeader{Name: "big.txt", Method: zip.Store, CompressedSize64: 1000, UncompressedSize64: 10})
	w.Write(make([]byte, 1000))
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	err = walkZip(zr, Limits{MaxFiles: 10, MaxFileSize: 100, MaxTotalSize: 1000, MaxRatio: 100}, func(_ string, r io.Reader) error {
		_, err := io.Copy(io.Discard, r)
		return err
	})
	if err == nil {
		t.Error("a zip entry larger than it claims was read without error")
	}
}

func TestCleanEntryName(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"a/b.ogg", "a/b.ogg", true},
		{"dir/", "dir", true},
		{"../x", "", false},
		{"a/../../x", "", false},
		{"/etc/passwd", "", false},
		{`a\..\x`, "", false},
		{`audio\a.ogg`, "audio/a.ogg", true},
		{`\\server\x`, "", false},
		{"a\xffb", "", false},
		{"C:/x", "", false},
		{"a//b", "", false},
		{"./a", "", false},
		{"a\x00b", "", false},
	}
	for _, tt := range tests {
		got, err := cleanEntryName(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("cleanEntryName(%q) = %q, %v", tt.in, got, err)
		}
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"ab": true, "safe-place": true, "day-28": true, "a": false, "-ab": false, "ab-": false,
		"Safe": false, "a_b": false, "a b": false, strings.Repeat("a", 64): true, strings.Repeat("a", 65): false,
	} {
		if ValidID(id) != want {
			t.Errorf("ValidID(%q) = %v", id, !want)
		}
	}
}

func TestVersionAtLeast(t *testing.T) {
	tests := []struct {
		have, want string
		ok         bool
	}{
		{"0.1.0", "0.1.0", true}, {"0.2.0", "0.1.9", true}, {"0.1.0", "0.2", false},
		{"1.0.0-rc1", "1.0.0", true}, {"dev", "9.9.9", true}, {"1.0.0", "junk", false},
	}
	for _, tt := range tests {
		if got := VersionAtLeast(tt.have, tt.want); got != tt.ok {
			t.Errorf("VersionAtLeast(%q, %q) = %v", tt.have, tt.want, got)
		}
	}
}

func TestCheckAudioHeader(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata/audio", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	ogg, wav, flac, mp3 := read("tiny.ogg"), read("tiny.wav"), read("tiny.flac"), read("tiny.mp3")
	id3 := append([]byte("ID3\x04\x00\x00\x00\x00\x00\x05hello"), mp3...)
	opus := append([]byte(nil), ogg...)
	copy(opus[28:], "OpusHead")
	badWav := append([]byte(nil), wav...)
	copy(badWav[20:22], []byte{0x55, 0}) // format 0x55 = MP3-in-WAV
	tests := []struct {
		name string
		data []byte
		want string // "" = ok
	}{
		{"a.ogg", ogg, ""},
		{"a.wav", wav, ""},
		{"a.flac", flac, ""},
		{"a.mp3", mp3, ""},
		{"tagged.mp3", id3, ""},
		{"A.OGG", ogg, ""},
		{"a.ogg", opus, "Ogg Opus"},
		{"a.mp3", ogg, "is an OGG file"},
		{"a.ogg", []byte("hello"), "does not look like an OGG file"},
		{"a.ogg", ogg[:20], "damaged OGG header"},
		{"a.wav", badWav, "compressed"},
		{"a.flac", flac[:30], "damaged FLAC header"},
		{"a.txt", ogg, "not a supported audio file"},
	}
	for _, tt := range tests {
		err := CheckAudioHeader(tt.name, tt.data)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeZipOfDir(t *testing.T, zipPath, dir, prefix string) {
	t.Helper()
	f, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		w, _ := zw.Create(prefix + filepath.ToSlash(rel))
		b, _ := os.ReadFile(p)
		w.Write(b)
		return nil
	})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestLibraryMergesThemes(t *testing.T) {
	base := testBase(t)
	dir := filepath.Join(t.TempDir(), "pack")
	copyDir(t, "testdata/example-pack", dir)
	theme := "theme = \"soothing-safeness\"\ntitle = \"Mine\"\ndescription = \"Mine.\"\n\n[[prompts]]\nid = \"ws-soothing-extra\"\nquestion = \"What soothed you today?\"\n"
	if err := os.WriteFile(filepath.Join(dir, "prompts", "soothing-safeness.toml"), []byte(theme), 0o644); err != nil {
		t.Fatal(err)
	}
	pk, err := loadPackWith(os.DirFS(dir), base)
	if err != nil {
		t.Fatal(problemLines(err))
	}
	lib := NewLibrary(base, pk)
	var found *PromptTheme
	n := 0
	for _, th := range lib.PromptThemes {
		if th.ID == "soothing-safeness" {
			found = th
			n++
		}
	}
	if n != 1 || found.Title != base.PromptThemes[0].Title || found.Prompts[len(found.Prompts)-1].ID != "ws-soothing-extra" {
		t.Errorf("themes not merged: %d themes, %+v", n, found)
	}
	if p := lib.Prompt("ws-soothing-extra"); p == nil || p.PackID != "example-workshop" {
		t.Errorf("merged prompt: %+v", p)
	}
	if len(lib.Prompts) != len(base.PromptThemes[0].Prompts)+3 {
		t.Errorf("%d prompts in the library", len(lib.Prompts))
	}
}

func TestPackCannotReplaceCrisisPage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pack")
	copyDir(t, "testdata/example-pack", dir)
	os.WriteFile(filepath.Join(dir, "support", "crisis.md"), []byte("Call me."), 0o644)
	_, err := loadPackWith(os.DirFS(dir), testBase(t))
	if !errors.Is(err, ErrInvalidPack) || !strings.Contains(err.Error(), "cannot replace Hearth's crisis page") {
		t.Errorf("err = %v", err)
	}
}
