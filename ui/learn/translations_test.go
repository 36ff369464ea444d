package learn

import (
	"encoding/json"
	"flag"
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

var update = flag.Bool("update", false, "rewrite translations/en.json and golden files")

// usedStrings finds the strings passed to lang.L (key = text) and lang.X (key, then
// the English default) in the package's non-test Go files.
func usedStrings(t *testing.T) map[string]any {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{}
	fset := token.NewFileSet()
	literal := func(e ast.Expr) (string, bool) {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(lit.Value)
		return s, err == nil
	}
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
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			switch sel.Sel.Name {
			case "L":
				k, ok := literal(call.Args[0])
				if !ok {
					t.Errorf("%s: lang.L with a non-literal key", fset.Position(call.Pos()))
					return true
				}
				want[k] = k
			case "X":
				k, ok1 := literal(call.Args[0])
				v, ok2 := literal(call.Args[1])
				if !ok1 || !ok2 {
					t.Errorf("%s: lang.X with a non-literal key or default", fset.Position(call.Pos()))
					return true
				}
				if old, dup := want[k]; dup && old != v {
					t.Errorf("%s: lang.X key %q has two defaults", fset.Position(call.Pos()), k)
				}
				want[k] = v
			case "AddTranslationsFS":
			default:
				t.Errorf("%s: lang.%s is not checked by this test", fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
	return want
}

func TestEnglishTranslationsComplete(t *testing.T) {
	path := filepath.Join("translations", "en.json")
	want := usedStrings(t)
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

func TestRegisterTranslations(t *testing.T) {
	if err := RegisterTranslations(); err != nil {
		t.Fatal(err)
	}
}
