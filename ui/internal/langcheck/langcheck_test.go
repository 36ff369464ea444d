package langcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// recorder is a testing.TB that keeps the failures instead of failing the test.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Fatal(args ...any) {
	r.Errorf("%s", fmt.Sprint(args...))
	runtime.Goexit()
}

// failures runs check with a recorder and returns what it reported.
func failures(t *testing.T, check func(testing.TB)) string {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		check(r)
	}()
	<-done
	return strings.Join(r.errs, "\n")
}

func TestSourceStrings(t *testing.T) {
	tests := []struct {
		dir      string
		want     map[string]string
		wantErrs []string
	}{
		{
			dir: "testdata/mini",
			want: map[string]string{
				"Hello":          "Hello",
				"Take your time": "Take your time",
				"mini.bye":       "Goodbye, for now",
			},
		},
		{
			dir:      "testdata/plural",
			want:     map[string]string{"Rest": "Rest"},
			wantErrs: []string{`plural key "plural.minutes" has no English forms`, "lang.X with a non-literal key"},
		},
		{
			dir:      "testdata/bad",
			want:     map[string]string{"bad.twice": "Another text"},
			wantErrs: []string{"lang.L with a non-literal key", `lang.X key "bad.twice" has two English texts`, "lang.N is not checked"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			var got map[string]string
			errs := failures(t, func(tb testing.TB) { got = SourceStrings(tb, tt.dir) })
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SourceStrings = %q, want %q", got, tt.want)
			}
			checkErrs(t, errs, tt.wantErrs)
		})
	}
}

func TestCheck(t *testing.T) {
	mini := filepath.Join("testdata", "mini")
	plural := filepath.Join("testdata", "plural")
	pluralForms := map[string]Plural{"plural.minutes": {One: "{{.Count}} minute", Other: "{{.Count}} minutes"}}
	tests := []struct {
		name     string
		config   Config
		wantErrs []string // empty: the check must pass
	}{
		{"complete", Config{Dirs: []string{mini}, JSON: filepath.Join(mini, "en.json")}, nil},
		{"missing key", Config{Dirs: []string{mini}, JSON: filepath.Join(mini, "missing.json")}, []string{`missing "Take your time"`}},
		{"unused key", Config{Dirs: []string{mini}, JSON: filepath.Join(mini, "unused.json")}, []string{`unused "Old words"`}},
		{"different text", Config{Dirs: []string{mini}, JSON: filepath.Join(mini, "different.json")}, []string{`different "mini.bye" = Bye, want Goodbye, for now`}},
		{"no file", Config{Dirs: []string{mini}, JSON: filepath.Join(mini, "none.json")}, []string{"none.json"}},
		{"only lang.L", Config{Dirs: []string{mini}, JSON: filepath.Join(mini, "en.json"), LOnly: true}, []string{"use lang.L"}},
		{"plurals and computed keys", Config{
			Dirs: []string{plural}, JSON: filepath.Join(plural, "en.json"), Plurals: pluralForms,
			Computed: map[string]any{"plural.days": "A day"},
		}, nil},
		{"plural forms differ", Config{
			Dirs: []string{plural}, JSON: filepath.Join(plural, "en.json"),
			Plurals:  map[string]Plural{"plural.minutes": {One: "a minute", Other: "{{.Count}} minutes"}},
			Computed: map[string]any{"plural.days": "A day"},
		}, []string{`different "plural.minutes"`}},
		{"computed entry missing", Config{
			Dirs: []string{plural}, JSON: filepath.Join(plural, "en.json"), Plurals: pluralForms,
			Computed: map[string]any{"plural.days": "A day", "plural.weeks": Plural{One: "a week", Other: "weeks"}},
		}, []string{`missing "plural.weeks"`}},
		{"two folders", Config{Dirs: []string{mini, plural}, JSON: filepath.Join(mini, "en.json"), Plurals: pluralForms, Computed: map[string]any{}},
			[]string{`missing "Rest"`, `missing "plural.minutes"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErrs(t, failures(t, tt.config.Check), tt.wantErrs)
		})
	}
}

func TestCheckShorthand(t *testing.T) {
	dir := filepath.Join("testdata", "mini")
	checkErrs(t, failures(t, func(tb testing.TB) { Check(tb, dir, filepath.Join(dir, "en.json"), false) }), nil)
	checkErrs(t, failures(t, func(tb testing.TB) { Check(tb, dir, filepath.Join(dir, "missing.json"), false) }), []string{"missing"})
}

func TestUpdateRewritesTheFile(t *testing.T) {
	plural := filepath.Join("testdata", "plural")
	path := filepath.Join(t.TempDir(), "en.json")
	if err := os.WriteFile(path, []byte(`{"stale": "stale"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c := Config{
		Dirs: []string{plural}, JSON: path,
		Plurals:  map[string]Plural{"plural.minutes": {One: "{{.Count}} minute", Other: "{{.Count}} minutes"}},
		Computed: map[string]any{"plural.days": "A day"},
		Update:   true,
	}
	checkErrs(t, failures(t, c.Check), nil)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(plural, "en.json"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("-update wrote\n%s\nwant\n%s", got, want)
	}
}

// checkErrs fails t unless errs holds each of want, or is empty when want is.
func checkErrs(t *testing.T, errs string, want []string) {
	t.Helper()
	if len(want) == 0 && errs != "" {
		t.Errorf("unexpected failure:\n%s", errs)
	}
	if len(want) > 0 && errs == "" {
		t.Errorf("passed, want failures %q", want)
	}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Errorf("failures do not mention %q:\n%s", w, errs)
		}
	}
}
