// Package mini is a tiny package for langcheck's tests.
package mini

import "fyne.io/fyne/v2/lang"

func texts() []string {
	_ = lang.AddTranslationsFS(nil, "translations")
	return []string{
		lang.L("Hello"),
		lang.L("Hello"),
		lang.X("mini.bye", "Goodbye, "+"for now"),
		lang.L("Take your time", map[string]any{"Name": "x"}),
	}
}
