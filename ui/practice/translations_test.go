package practice

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

// pluralKeys are the lang.XN keys and their English forms.
var pluralKeys = map[string]map[string]any{
	"practice.minutes": {"one": "{{.Count}} minute", "other": "{{.Count}} minutes"},
	"practice.lengths": {"one": "{{.List}} minute", "other": "{{.List}} minutes"},
}

// usedKeys finds the literal keys passed to lang.L and lang.XN in the package's
// non-test files.
func usedKeys(t *testing.T) map[string]any {
	t.Helper()
	files, err := filepath.Glob("*.go")
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
			if !ok || len(call.Args) == 0 {
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
			case "L", "X", "N", "XN", "Localize", "LocalizeKey", "LocalizePlural", "LocalizePluralKey":
			default:
				return true // not a lookup
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: lang.%s with a non-literal key", fset.Position(call.Pos()), sel.Sel.Name)
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			switch sel.Sel.Name {
			case "L":
				want[key] = key
			case "XN":
				forms, ok := pluralKeys[key]
				if !ok {
					t.Errorf("%s: plural key %q is not in pluralKeys", fset.Position(call.Pos()), key)
				}
				want[key] = forms
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
	want := usedKeys(t)
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
