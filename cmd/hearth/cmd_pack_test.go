package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	examplePack = "../../resources/testdata/example-pack"
	badPacks    = "../../resources/testdata/bad"
)

// packCLI runs hearth in-process with the given environment variables.
func packCLI(t *testing.T, vars map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb, func(k string) string { return vars[k] })
	code = run(context.Background(), args, e)
	return out.String(), errb.String(), code
}

func TestPackValidate(t *testing.T) {
	tests := []struct {
		name       string
		path       string
		code       int
		wantOut    string // substring of stdout
		wantErr    string // substring of stderr
		goldenFile string // stdout must equal this file
	}{
		{name: "example", path: examplePack, code: 0, wantOut: "The pack is valid.\n  After the workshop: a gentle first week (example-workshop, version 1.0.0)"},
		{name: "summary counts", path: examplePack, code: 0, wantOut: "2 practices (2 with recordings), 2 prompts in 1 theme, 0 lessons, 0 exercises, 1 programme (3 days), 1 helpline"},
		{name: "bad TOML lists every problem", path: filepath.Join(badPacks, "bad-toml"), code: 1,
			wantErr: "the pack has problems (", goldenFile: filepath.Join(badPacks, "bad-toml.golden")},
		{name: "broken audio", path: filepath.Join(badPacks, "broken-audio"), code: 1,
			goldenFile: filepath.Join(badPacks, "broken-audio.golden")},
		{name: "unknown schema", path: filepath.Join(badPacks, "unknown-schema"), code: 1, wantOut: "manifest.toml:2: schema 2 is not known"},
		{name: "traversal", path: filepath.Join(badPacks, "traversal.zip"), code: 1, wantErr: "hearth: the pack was refused for safety: \"../evil.txt\" points outside the pack"},
		{name: "zip bomb", path: filepath.Join(badPacks, "bomb.zip"), code: 1, wantErr: "zip bomb"},
		{name: "missing", path: filepath.Join(t.TempDir(), "nothing-here"), code: 1, wantErr: "there is no pack folder or .zip file at that path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := packCLI(t, nil, "pack", "validate", tt.path)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("stdout %q does not contain %q", out, tt.wantOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.wantErr)
			}
			if tt.goldenFile != "" {
				want, err := os.ReadFile(tt.goldenFile)
				if err != nil {
					t.Fatal(err)
				}
				if out != string(want) {
					t.Errorf("stdout differs from %s:\n%s", tt.goldenFile, out)
				}
				n := strings.Count(string(want), "\n")
				if tt.code != 0 && !strings.Contains(errOut, fmt.Sprintf("(%d, listed above)", n)) {
					t.Errorf("stderr %q does not count %d problems", errOut, n)
				}
			}
		})
	}
}

func TestPackImportListRemove(t *testing.T) {
	data := t.TempDir()
	env := map[string]string{"HEARTH_DATA_DIR": data} // the data folder from the environment

	out, errOut, code := packCLI(t, env, "pack", "list")
	if code != 0 || !strings.Contains(out, "No packs are installed") {
		t.Fatalf("empty list: exit %d %q %q", code, out, errOut)
	}
	out, errOut, code = packCLI(t, env, "pack", "list", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("empty JSON list: exit %d %q %q", code, out, errOut)
	}

	out, errOut, code = packCLI(t, env, "pack", "import", examplePack)
	if code != 0 || !strings.Contains(out, "Installed:") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(data, "packs", "example-workshop", "audio", "arriving-01.ogg")); err != nil {
		t.Errorf("pack not installed in the data folder: %v", err)
	}
	out, errOut, code = packCLI(t, env, "pack", "import", examplePack)
	if code != 0 || !strings.Contains(out, "It replaces the earlier copy (version 1.0.0, by Alex Example).") {
		t.Fatalf("second import: exit %d\n%s%s", code, out, errOut)
	}

	// --data-dir wins over the environment.
	other := t.TempDir()
	if out, _, code := packCLI(t, env, "--data-dir", other, "pack", "list", "--json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("--data-dir was not used: %s", out)
	}

	out, _, code = packCLI(t, env, "pack", "list", "--json")
	var list []packInfo
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 {
		t.Fatalf("list --json: %v %s", err, out)
	}
	if len(list) != 1 || list[0].ID != "example-workshop" || list[0].Version != "1.0.0" ||
		list[0].Facilitator != "Alex Example" || list[0].Problem != "" {
		t.Errorf("list = %+v", list)
	}
	out, _, _ = packCLI(t, env, "pack", "list")
	if !strings.Contains(out, "example-workshop") || !strings.Contains(out, "Alex Example") {
		t.Errorf("list: %s", out)
	}

	// A bad pack is not installed and leaves nothing behind.
	out, errOut, code = packCLI(t, env, "pack", "import", filepath.Join(badPacks, "duplicate-id"))
	if code != 1 || !strings.Contains(out, "already used by Hearth's built-in content") || !strings.Contains(errOut, "nothing was installed") {
		t.Errorf("bad import: exit %d\n%s%s", code, out, errOut)
	}

	out, errOut, code = packCLI(t, env, "pack", "remove", "example-workshop")
	if code != 0 || !strings.Contains(out, "Removed") {
		t.Fatalf("remove: exit %d %s %s", code, out, errOut)
	}
	_, errOut, code = packCLI(t, env, "pack", "remove", "example-workshop")
	if code != 1 || !strings.Contains(errOut, `no pack called "example-workshop" is installed`) {
		t.Errorf("second remove: exit %d %s", code, errOut)
	}
	entries, _ := os.ReadDir(filepath.Join(data, "packs"))
	if len(entries) != 0 {
		t.Errorf("packs folder not empty: %v", entries)
	}
}

func TestPackUsage(t *testing.T) {
	for _, args := range [][]string{
		{"pack"}, {"pack", "frobnicate"}, {"pack", "validate"}, {"pack", "import", "a", "b"},
		{"pack", "remove"}, {"pack", "list", "extra"}, {"pack", "list", "--nope"},
	} {
		_, errOut, code := packCLI(t, map[string]string{"HEARTH_DATA_DIR": t.TempDir()}, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, exitUsage, errOut)
		}
	}
	out, _, code := packCLI(t, nil, "pack", "help")
	if code != 0 || !strings.Contains(out, "hearth pack validate PATH") {
		t.Errorf("pack help: %d %s", code, out)
	}
}
