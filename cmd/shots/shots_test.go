package main

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// screens are the shots every run must produce, in light and dark.
var screens = []string{"welcome", "unlock", "home", "practice-library", "practice-player", "pacer", "timer",
	"journal", "exercises", "learn", "progress", "settings", "support"}

// TestShots builds and runs the tool into a temp folder (as a separate process: the
// screens load their data on goroutines of their own, which Fyne's test driver runs
// straight away rather than on one UI thread) and checks every PNG is a real picture.
func TestShots(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 26 screens")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "shots")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "png")
	cmd := exec.Command(bin, "-out", out)
	cmd.Env = append(os.Environ(), "LANG=en_US.UTF-8")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("shots: %v\n%s", err, msg)
	}
	for _, name := range screens {
		for _, variant := range []string{"light", "dark"} {
			checkPNG(t, filepath.Join(out, name+"-"+variant+".png"), variant)
		}
	}
}

// checkPNG fails unless path is a PNG of the window's size with many colours and
// Hearth's background for its variant.
func checkPNG(t *testing.T, path, variant string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Error(err)
		return
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	b := img.Bounds()
	if b.Dx() < 800 || b.Dy() < 600 {
		t.Errorf("%s is %dx%d", filepath.Base(path), b.Dx(), b.Dy())
	}
	colours := map[[3]uint8]int{}
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			colours[rgb(img, x, y)]++
		}
	}
	bg := [3]uint8{0xfa, 0xf6, 0xf0}
	if variant == "dark" {
		bg = [3]uint8{0x1d, 0x20, 0x22}
	}
	if len(colours) < 32 || colours[bg] == 0 {
		t.Errorf("%s looks blank: %d colours, background pixels %d", filepath.Base(path), len(colours), colours[bg])
	}
}

func rgb(img image.Image, x, y int) [3]uint8 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}
