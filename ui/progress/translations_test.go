package progress

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// literalKeys finds the string literals passed to lang.L in the non-test Go files of dir.
func literalKeys(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
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
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "L" {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: lang.L with a non-literal key", fset.Position(call.Pos()))
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			keys = append(keys, s)
			return true
		})
	}
	return keys
}

// wantTranslations is what translations/en.json must hold: every phrase of the
// summary and every lang.L string of this package and of ui/charts.
func wantTranslations(t *testing.T) map[string]any {
	want := map[string]any{}
	for _, p := range Phrases() {
		if p.One == p.Other {
			want[p.Key] = p.Other
		} else {
			want[p.Key] = map[string]any{"one": p.One, "other": p.Other}
		}
	}
	for _, dir := range []string{".", filepath.Join("..", "charts")} {
		for _, k := range literalKeys(t, dir) {
			want[k] = k
		}
	}
	return want
}

func TestEnglishTranslationsComplete(t *testing.T) {
	path := filepath.Join("translations", "en.json")
	want := wantTranslations(t)
	if *update {
		b, err := json.MarshalIndent(want, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for k, v := range want {
		if !reflect.DeepEqual(got[k], v) {
			t.Errorf("%s: %q = %v, want %v (run go test -update)", path, k, got[k], v)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %q is not used", path, k)
		}
	}
}
