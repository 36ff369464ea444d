package ui

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

	"fyne.io/fyne/v2/lang"
)

var updateTranslations = flag.Bool("update", false, "rewrite translations/en.json from the source")

// sourceStrings finds every lang.L and lang.X call with literal arguments in the
// package's non-test Go files and returns key -> English text.
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
				if i >= len(call.Args) {
					t.Fatalf("%s: lang.%s needs more arguments", fset.Position(call.Pos()), sel.Sel.Name)
				}
				s, ok := constString(call.Args[i])
				if !ok {
					t.Fatalf("%s: lang.%s argument %d is not a string literal", fset.Position(call.Pos()), sel.Sel.Name, i)
				}
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

// TestEnglishTranslationsComplete checks that translations/en.json holds exactly the
// strings the code asks for, so a translator can start from it. Run with -update to
// rewrite it after changing wording.
func TestEnglishTranslationsComplete(t *testing.T) {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		t.Fatalf("Fyne rejects the bundled translations: %v", err)
	}
	want := sourceStrings(t)
	path := filepath.Join("translations", "en.json")
	if *updateTranslations {
		data, err := json.MarshalIndent(want, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]string
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var missing, stale, differ []string
	for k, v := range want {
		g, ok := got[k]
		switch {
		case !ok:
			missing = append(missing, k)
		case g != v:
			differ = append(differ, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			stale = append(stale, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(stale)
	sort.Strings(differ)
	if len(missing)+len(stale)+len(differ) > 0 {
		t.Errorf("%s is out of date (go test -run TestEnglishTranslationsComplete -update):\nmissing %q\nstale %q\ndifferent %q",
			path, missing, stale, differ)
	}
}
