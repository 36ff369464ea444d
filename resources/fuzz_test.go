package resources

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func FuzzManifest(f *testing.F) {
	for _, p := range []string{"testdata/example-pack/manifest.toml", "testdata/bad/unknown-schema/manifest.toml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("schema = 1\nid = \"x\"\n"))
	f.Add([]byte("schema = \"one\"\n[oops"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var probs []Problem
		m, ok := ParseManifest(data, func(p Problem) { probs = append(probs, p) })
		if ok && len(probs) == 0 {
			if m.Schema != SchemaVersion || !ValidID(m.ID) || m.Title == "" || m.Licence == "" {
				t.Errorf("accepted a bad manifest: %+v", m)
			}
		}
		if !ok && len(probs) == 0 {
			t.Error("refused a manifest without saying why")
		}
	})
}

func FuzzPractice(f *testing.F) {
	names, _ := filepath.Glob("testdata/base/practices/*.toml")
	more, _ := filepath.Glob("testdata/bad/*/practices/*.toml")
	for _, n := range append(names, more...) {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, probs := ParsePractice("practices/x.toml", data)
		if len(probs) > 0 {
			return
		}
		// Whatever was accepted keeps the model's promises.
		if !ValidID(p.ID) || p.ID != "x" {
			t.Errorf("accepted ID %q", p.ID)
		}
		if len(p.Lengths) == 0 || !slices.IsSorted(p.Lengths) || !slices.Contains(p.Lengths, p.DefaultLength) || p.Lengths[0] <= 0 {
			t.Errorf("accepted lengths %v default %d", p.Lengths, p.DefaultLength)
		}
		if p.Kind == KindGuided && len(p.Steps) == 0 && p.Audio == "" {
			t.Error("accepted a guided practice with no steps")
		}
		for _, s := range p.Steps {
			if s.Pause < 0 || s.Text == "" {
				t.Errorf("accepted step %+v", s)
			}
		}
	})
}

func FuzzZip(f *testing.F) {
	for _, n := range []string{"traversal.zip", "absolute.zip", "symlink.zip"} {
		b, err := os.ReadFile(filepath.Join("testdata/bad", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("manifest.toml")
	w.Write([]byte("schema = 1\n"))
	w, _ = zw.Create("audio/a.ogg")
	w.Write(bytes.Repeat([]byte{0}, 5000))
	zw.Close()
	f.Add(buf.Bytes())
	lim := Limits{MaxFiles: 20, MaxFileSize: 4 << 10, MaxTotalSize: 16 << 10, MaxRatio: 100}
	f.Fuzz(func(t *testing.T, data []byte) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		var total int64
		files := 0
		_ = walkZip(zr, lim, func(name string, r io.Reader) error {
			if _, err := cleanEntryName(name); err != nil || name != filepath.ToSlash(filepath.Clean(name)) {
				t.Errorf("walkZip passed an unsafe name %q", name)
			}
			files++
			n, err := io.Copy(io.Discard, r)
			total += n
			if n > lim.MaxFileSize+int64(32<<10) {
				t.Errorf("read %d bytes of one file past the limit", n)
			}
			return err
		})
		if files > lim.MaxFiles {
			t.Errorf("%d files passed a limit of %d", files, lim.MaxFiles)
		}
		// One read buffer past the limit at most.
		if total > lim.MaxTotalSize+int64(32<<10) {
			t.Errorf("read %d bytes in all, limit %d", total, lim.MaxTotalSize)
		}
	})
}

func FuzzAudioHeader(f *testing.F) {
	for _, n := range []string{"tiny.ogg", "tiny.wav", "tiny.flac", "tiny.mp3"} {
		b, err := os.ReadFile(filepath.Join("testdata/audio", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(n, b)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		_ = CheckAudioHeader(name, data) // must not panic
	})
}

func FuzzFrontMatter(f *testing.F) {
	b, err := os.ReadFile("testdata/base/lessons/three-circles.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("+++\r\nid = \"a\"\r\n+++\r\nbody")
	f.Add("+++\n+++")
	f.Fuzz(func(t *testing.T, src string) {
		front, body, first, err := splitFrontMatter(src)
		if err != nil {
			return
		}
		if first != 2 || len(front)+len(body) > len(src) {
			t.Errorf("front %q body %q first %d from %q", front, body, first, src)
		}
	})
}
