package exercise

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite translations/en.json")

// usedStrings finds the keys passed to lang.L (key = English text) and lang.X
// (key, English fallback) in the package's non-test files.
func usedStrings(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
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
			if !ok || (sel.Sel.Name != "L" && sel.Sel.Name != "X") {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			var lits []string
			for _, a := range call.Args[:min(2, len(call.Args))] {
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Errorf("%s: lang.%s with a non-literal string", fset.Position(call.Pos()), sel.Sel.Name)
					return true
				}
				s, _ := strconv.Unquote(lit.Value)
				lits = append(lits, s)
			}
			if sel.Sel.Name == "L" {
				out[lits[0]] = lits[0]
			} else {
				out[lits[0]] = lits[1]
			}
			return true
		})
	}
	return out
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
	var got map[string]string
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q = %q, want %q (run go test -update)", path, k, got[k], v)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %q is not used", path, k)
		}
	}
}
