// Package langcheck is a test helper that keeps a package's English translation
// file (translations/en.json) in step with the lang.L, lang.X and lang.XN calls in
// the package's Go source, so a translator can always start from a complete file.
//
// A package's translations_test.go typically needs one line:
//
//	langcheck.Check(t, ".", filepath.Join("translations", "en.json"), *update)
//
// where update is the package's own -update flag (a flag can be defined only once
// per test binary, so each package keeps its own).
package langcheck

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Plural holds the English forms of a lang.XN key.
type Plural struct {
	One, Other string
}

// Config describes one translation file and the source it must match. The zero
// values of the optional fields give the strictest check.
type Config struct {
	// Dirs are the package folders whose non-test Go files are scanned.
	Dirs []string
	// JSON is the path of the English translation file.
	JSON string
	// Plurals gives the English forms of each literal lang.XN key. A lang.XN call
	// whose key is not listed here is an error.
	Plurals map[string]Plural
	// Computed holds entries whose keys the code computes at run time (for
	// example from a phrase table), each a string or a Plural. When it is set,
	// lang.X and lang.XN may take non-literal keys; lang.L never may.
	Computed map[string]any
	// LOnly reports every lang.X and lang.XN call as an error, for packages
	// that promise to use plain lang.L strings only.
	LOnly bool
	// Update rewrites JSON from the source before checking it.
	Update bool
}

// ignored are lang functions that look nothing up, so they need no entry.
var ignored = map[string]bool{
	"AddTranslations":          true,
	"AddTranslationsFS":        true,
	"AddTranslationsForLocale": true,
	"SystemLocale":             true,
}

// Check fails t unless jsonPath holds exactly the strings that the lang.L and
// lang.X calls in dir's non-test Go files ask for. With update it first rewrites
// jsonPath from the source.
func Check(t testing.TB, dir, jsonPath string, update bool) {
	t.Helper()
	Config{Dirs: []string{dir}, JSON: jsonPath, Update: update}.Check(t)
}

// SourceStrings returns key -> English text for every lang.L (the key is the
// text) and lang.X (key, then English default) call in dir's non-test Go files.
// It fails t for a call it cannot check: a non-literal key or default, a lang.X
// key with two different defaults, or a lookup such as lang.XN or lang.N.
func SourceStrings(t testing.TB, dir string) map[string]string {
	t.Helper()
	want := map[string]string{}
	for k, v := range scan(t, dir, Config{}) {
		if s, ok := v.(string); ok { // scan has already reported any other kind
			want[k] = s
		}
	}
	return want
}

// Check fails t unless c.JSON holds exactly the entries that c's source asks for:
// nothing missing, nothing different and nothing unused. With c.Update it first
// rewrites c.JSON.
func (c Config) Check(t testing.TB) {
	t.Helper()
	want := map[string]any{}
	for _, dir := range c.Dirs {
		for k, v := range scan(t, dir, c) {
			want[k] = v
		}
	}
	for k, v := range c.Computed {
		want[k] = v
	}
	for k, v := range want {
		want[k] = jsonValue(v)
	}
	if c.Update {
		data, err := json.MarshalIndent(want, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(c.JSON, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(c.JSON)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%s: %v", c.JSON, err)
	}
	var bad []string
	for k, v := range want {
		g, ok := got[k]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("missing %q", k))
		case !reflect.DeepEqual(g, v):
			bad = append(bad, fmt.Sprintf("different %q = %v, want %v", k, g, v))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			bad = append(bad, fmt.Sprintf("unused %q", k))
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%s is out of date (run go test with -update):\n%s", c.JSON, strings.Join(bad, "\n"))
	}
}

// jsonValue gives v the shape encoding/json reads back: plural forms become a
// map with "one" and "other".
func jsonValue(v any) any {
	if p, ok := v.(Plural); ok {
		return map[string]any{"one": p.One, "other": p.Other}
	}
	return v
}

// scan returns key -> English value (a string or a Plural) for the lang lookups
// in dir's non-test Go files, reporting through t every call it cannot check.
func scan(t testing.TB, dir string, c Config) map[string]any {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" || ignored[sel.Sel.Name] {
				return true
			}
			fn, pos := sel.Sel.Name, fset.Position(call.Pos())
			args := make([]string, 0, 2)
			for _, a := range call.Args[:min(2, len(call.Args))] {
				s, ok := constString(a)
				if !ok {
					break
				}
				args = append(args, s)
			}
			if c.LOnly && fn != "L" {
				t.Errorf("%s: use lang.L (this package has no plural or keyed strings)", pos)
				return true
			}
			switch {
			case fn == "L" && len(args) >= 1:
				want[args[0]] = args[0]
			case fn == "X" && len(args) == 2:
				if old, dup := want[args[0]]; dup && old != args[1] {
					t.Errorf("%s: lang.X key %q has two English texts", pos, args[0])
				}
				want[args[0]] = args[1]
			case fn == "XN" && len(args) >= 1:
				forms, ok := c.Plurals[args[0]]
				if !ok {
					t.Errorf("%s: plural key %q has no English forms in Config.Plurals", pos, args[0])
				}
				want[args[0]] = forms
			case (fn == "X" || fn == "XN") && c.Computed != nil && len(args) == 0:
				// A computed key: Config.Computed lists its entries.
			case fn == "L" || fn == "X" || fn == "XN":
				t.Errorf("%s: lang.%s with a non-literal key or text", pos, fn)
			default:
				t.Errorf("%s: lang.%s is not checked by langcheck", pos, fn)
			}
			return true
		})
	}
	return want
}

// constString evaluates a string literal or a concatenation of literals.
func constString(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(x.X)
		b, ok2 := constString(x.Y)
		return a + b, ok1 && ok2
	}
	return "", false
}
