package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateCriticGolden = flag.Bool("update-critic", false, "rewrite testdata/critic.golden.* from testdata/critic.input.txt")

// criticResult is what one in-process run of hearth critic did.
type criticResult struct {
	code           int
	stdout, stderr string
}

func (r criticResult) String() string {
	return fmt.Sprintf("exit %d\nstdout: %q\nstderr: %q", r.code, r.stdout, r.stderr)
}

// runCriticCmd runs "hearth critic args..." in-process with stdin and returns what it did.
func runCriticCmd(t *testing.T, stdin string, args ...string) criticResult {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(stdin), &out, &errb, func(string) string { return "" })
	e.prompt = nil // stdin is not a terminal
	code := run(context.Background(), append([]string{"critic"}, args...), e)
	return criticResult{code, out.String(), errb.String()}
}

func TestCriticGolden(t *testing.T) {
	input, err := os.ReadFile(filepath.Join("testdata", "critic.input.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"critic.golden.txt", nil},
		{"critic.golden.jsonl", []string{"--json"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			r := runCriticCmd(t, string(input), tc.args...)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("critic %v: %v", tc.args, r)
			}
			path := filepath.Join("testdata", tc.golden)
			if *updateCriticGolden {
				if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update-critic to create it)", err)
			}
			if r.stdout != string(want) {
				t.Errorf("critic %v output differs from %s:\n%s", tc.args, path, r.stdout)
			}
		})
	}
}

// TestCriticJSONOffsets checks that start and end point at the marked text in each line.
func TestCriticJSONOffsets(t *testing.T) {
	input := "ok\r\nI’m so stupid, I should have known.\r\n\r\nIt'll be a disaster"
	lines := strings.Split(input, "\r\n")
	r := runCriticCmd(t, input, "--json", "--lang", "en")
	if r.code != exitOK {
		t.Fatal(r)
	}
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	var got []int
	for sc.Scan() {
		var cl criticLine
		if err := json.Unmarshal(sc.Bytes(), &cl); err != nil {
			t.Fatalf("line %q is not JSON: %v", sc.Text(), err)
		}
		got = append(got, cl.Line)
		if len(cl.Marks) == 0 {
			t.Errorf("line %d has no marks but was printed", cl.Line)
		}
		for _, m := range cl.Marks {
			line := lines[cl.Line-1]
			if m.Start < 0 || m.End > len(line) || line[m.Start:m.End] != m.Text {
				t.Errorf("line %d: mark %+v does not point at its text in %q", cl.Line, m, line)
			}
			if m.Kind == "" || m.Question == "" {
				t.Errorf("line %d: mark %+v lacks a kind or question", cl.Line, m)
			}
		}
	}
	if want := []int{2, 4}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("lines with marks = %v, want %v", got, want)
	}
}

func TestCriticQuestionsRotate(t *testing.T) {
	r := runCriticCmd(t, "I'm useless.\nI'm useless.\n")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != exitOK || len(lines) != 2 {
		t.Fatal(r)
	}
	q := func(l string) string { return l[strings.Index(l, "—"):] }
	if q(lines[0]) == q(lines[1]) {
		t.Errorf("the same question twice in a row:\n%s", r.stdout)
	}
}

func TestCriticCommand(t *testing.T) {
	const secret = "Zebrafinch Quokka 7731 I'm useless"
	tests := []struct {
		name       string
		stdin      string
		args       []string
		code       int
		stdout     string // a substring of stdout ("" = stdout must be empty)
		stderr     string // a substring of stderr ("" = stderr must be empty)
		exactEmpty bool
	}{
		{name: "nothing marked", stdin: "A calm walk by the river.\n", stdout: "Nothing here sounds like the inner critic."},
		{name: "empty input", stdin: "", stdout: "Nothing here sounds like the inner critic."},
		{name: "nothing marked, JSON", stdin: "A calm walk.\n", args: []string{"--json"}, exactEmpty: true},
		{name: "plain line format", stdin: "hello\n\nI'm useless", stdout: "3: \"I'm useless\" (label) — "},
		{name: "CRLF line endings", stdin: "I'm useless\r\n", stdout: "1: \"I'm useless\" (label)"},
		{name: "invalid UTF-8 is tolerated", stdin: "\xff I'm useless \xfe\n", stdout: "1: \"I'm useless\" (label)"},
		{name: "help", args: []string{"--help"}, stdout: "Usage: hearth critic"},
		{name: "unknown language", stdin: secret, args: []string{"--lang", "xx-secret"}, code: exitUsage, stderr: "--lang must be one of: en"},
		{name: "unknown flag", stdin: secret, args: []string{"--colour"}, code: exitUsage, stderr: "critic has no flag -colour"},
		{name: "arguments", stdin: secret, args: []string{"notes.txt"}, code: exitUsage, stderr: "critic takes no arguments"},
		{name: "too large", stdin: strings.Repeat("a", maxCriticInput+1), code: exitUsage, stderr: "larger than 16 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCriticCmd(t, tt.stdin, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\n%v", r.code, tt.code, r)
			}
			if tt.exactEmpty && r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
			if !strings.Contains(r.stdout, tt.stdout) {
				t.Errorf("stdout = %q, want it to contain %q", r.stdout, tt.stdout)
			}
			if tt.stderr == "" && r.stderr != "" {
				t.Errorf("stderr = %q, want nothing", r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", r.stderr, tt.stderr)
			}
			for _, leak := range []string{"Zebrafinch", "useless", "secret", "notes.txt"} {
				if strings.Contains(r.stderr, leak) {
					t.Errorf("stderr repeats the user's text %q: %q", leak, r.stderr)
				}
			}
		})
	}
}

func TestCriticCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader("I'm useless\n"), &out, &errb, func(string) string { return "" })
	e.prompt = nil
	if code := run(ctx, []string{"critic"}, e); code != exitError {
		t.Errorf("exit %d after cancel, want %d; stderr %q", code, exitError, errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("printed %q after cancel", out.String())
	}
}
