package supportscreen

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite translations/en.json from the source")

// sourceStrings finds every lang.L and lang.X call in the package's non-test files
// and returns key -> English text. Keys must be string literals.
func sourceStrings(t *testing.T) map[string]string {
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
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok || pkg.Name != "lang" || (sel.Sel.Name != "L" && sel.Sel.Name != "X") {
				return true
			}
			lit := func(i int) string {
				lt, ok := call.Args[i].(*ast.BasicLit)
				if !ok || lt.Kind != token.STRING {
					t.Fatalf("%s: lang.%s argument %d is not a string literal", fset.Position(call.Pos()), sel.Sel.Name, i)
				}
				s, _ := strconv.Unquote(lt.Value)
				return s
			}
			if sel.Sel.Name == "L" {
				out[lit(0)] = lit(0)
			} else {
				out[lit(0)] = lit(1)
			}
			return true
		})
	}
	return out
}

// TestEnglishTranslationsComplete checks translations/en.json holds exactly the
// strings the code uses (go test -run TestEnglishTranslationsComplete -update).
func TestEnglishTranslationsComplete(t *testing.T) {
	want := sourceStrings(t)
	path := filepath.Join("translations", "en.json")
	if *update {
		data, err := json.MarshalIndent(want, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := RegisterTranslations(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]string
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var bad []string
	for k, v := range want {
		if got[k] != v {
			bad = append(bad, "missing or different: "+k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			bad = append(bad, "unused: "+k)
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%s is out of date (run with -update):\n%s", path, strings.Join(bad, "\n"))
	}
}
