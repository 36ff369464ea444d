package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gopxl/beep/v2/wav"
)

// audioCLI runs hearth in-process with its own data folder.
func audioCLI(t *testing.T, dataDir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb, func(string) string { return "" })
	code = run(context.Background(), append([]string{"--data-dir", dataDir}, args...), e)
	return out.String(), errb.String(), code
}

func TestPracticesCommand(t *testing.T) {
	dir := t.TempDir()
	out, stderr, code := audioCLI(t, dir, "practices", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var list []practiceInfo
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	byID := map[string]practiceInfo{}
	for _, p := range list {
		byID[p.ID] = p
	}
	for _, id := range []string{"silent-timer", "breathing-pacer", soundCheckID} {
		p, ok := byID[id]
		if !ok {
			t.Errorf("%s is not listed", id)
			continue
		}
		if len(p.Lengths) == 0 || p.Problem != "" {
			t.Errorf("%s: lengths %v, problem %q", id, p.Lengths, p.Problem)
		}
	}
	table, _, code := audioCLI(t, dir, "practices")
	if code != 0 || !strings.Contains(table, "silent-timer") || !strings.HasPrefix(table, "ID") {
		t.Fatalf("table (exit %d):\n%s", code, table)
	}
	if _, _, code := audioCLI(t, dir, "practices", "extra"); code != exitUsage {
		t.Errorf("extra argument: exit %d, want %d", code, exitUsage)
	}
}

// readWAV decodes a rendered file into samples.
func readWAV(t *testing.T, name string) [][2]float64 {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, format, err := wav.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if format.SampleRate != 44100 || format.NumChannels != 2 || format.Precision != 2 {
		t.Fatalf("format %+v, want 44.1 kHz stereo 16-bit", format)
	}
	out := make([][2]float64, s.Len())
	for n := 0; n < len(out); {
		k, ok := s.Stream(out[n:])
		n += k
		if !ok {
			out = out[:n]
			break
		}
	}
	return out
}

func audioPeak(s [][2]float64) float64 {
	p := 0.0
	for _, v := range s {
		p = max(p, math.Abs(v[0]), math.Abs(v[1]))
	}
	return p
}

func TestRenderCommand(t *testing.T) {
	dir := t.TempDir()
	const sec = 44100
	tests := []struct {
		name string
		args []string
		// checks on the decoded file
		samples int
		loudAt  []int    // one-second windows (by start second) that must sound
		quietAt [][2]int // [from, to) seconds that must be digital silence
	}{
		{
			name:    "silent timer, bells only",
			args:    []string{"render", "silent-timer", "--minutes", "1"},
			samples: 60 * sec,
			loudAt:  []int{0, 51},
			quietAt: [][2]int{{13, 50}},
		},
		{
			name:    "sound check with a background, flags after the ID",
			args:    []string{"render", soundCheckID, "--background", "pink", "--minutes", "1"},
			samples: 60 * sec,
			loudAt:  []int{0, 20, 40},
		},
		{
			name:    "breathing pacer",
			args:    []string{"render", "--minutes", "1", "--no-bells", "--bpm", "6", "breathing-pacer"},
			samples: 60 * sec,
			loudAt:  []int{2, 7, 13},
			quietAt: [][2]int{{0, 1}},
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := filepath.Join(dir, "out"+string(rune('a'+i))+".wav")
			out, stderr, code := audioCLI(t, dir, append(tt.args, "--out", name)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(out, "Wrote") {
				t.Errorf("stdout %q", out)
			}
			got := readWAV(t, name)
			if len(got) != tt.samples {
				t.Fatalf("%d samples, want %d", len(got), tt.samples)
			}
			if p := audioPeak(got); p > 1 || p < 0.02 {
				t.Errorf("peak %.3f", p)
			}
			for _, s := range tt.loudAt {
				if p := audioPeak(got[s*sec : (s+1)*sec]); p < 0.01 {
					t.Errorf("second %d is silent (peak %.4f)", s, p)
				}
			}
			for _, q := range tt.quietAt {
				if p := audioPeak(got[q[0]*sec : q[1]*sec]); p != 0 {
					t.Errorf("seconds %d-%d are not silent (peak %.4f)", q[0], q[1], p)
				}
			}
			if p := audioPeak(got[len(got)-1:]); p != 0 {
				t.Errorf("the file does not end in silence")
			}
		})
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".hearth-render-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestRenderCommandErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.wav")
	tests := []struct {
		args []string
		code int
		say  string
	}{
		{[]string{"render", "silent-timer"}, exitUsage, "--out"},
		{[]string{"render", "--out", out}, exitUsage, "practice ID"},
		{[]string{"render", "no-such-practice", "--out", out}, exitUsage, "no practice"},
		{[]string{"render", "silent-timer", "--background", "thunder", "--out", out}, exitUsage, "background"},
		{[]string{"render", "safe-place", "--minutes", "7", "--out", out}, exitUsage, "plays at"},
		{[]string{"render", "breathing-pacer", "--bpm", "12", "--out", out}, exitUsage, "between 4 and 7"},
		{[]string{"render", "silent-timer", "--minutes", "1", "--out", filepath.Join(dir, "missing", "x.wav")}, exitError, "output file"},
	}
	for _, tt := range tests {
		_, stderr, code := audioCLI(t, dir, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.say) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", tt.args, code, stderr, tt.code, tt.say)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed render left a file")
	}
}
