package resources

import (
	"io"
	"testing"
)

// BenchmarkBuiltin measures loading and validating all bundled content, which the app
// does once at start.
func BenchmarkBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidateExamplePack measures checking a small pack with two recordings.
func BenchmarkValidateExamplePack(b *testing.B) {
	base := testBase(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ValidatePack("testdata/example-pack", withBase(base)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckAudioHeader measures the header check of one clip.
func BenchmarkCheckAudioHeader(b *testing.B) {
	pk, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	f, err := pk.FS.Open("voice/safe-place/01.ogg")
	if err != nil {
		b.Skip("no clip yet")
	}
	head, _ := io.ReadAll(f)
	f.Close()
	b.ReportAllocs()
	for b.Loop() {
		if err := CheckAudioHeader("a.ogg", head); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadLibrary measures loading the library at start with one pack installed.
func BenchmarkLoadLibrary(b *testing.B) {
	data := b.TempDir()
	if _, err := ImportPack(data, "testdata/example-pack"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadLibrary(data); err != nil {
			b.Fatal(err)
		}
	}
}
