// Package plural uses plural and computed keys, for langcheck's tests.
package plural

import "fyne.io/fyne/v2/lang"

func texts(key string, n int) []string {
	return []string{
		lang.L("Rest"),
		lang.XN("plural.minutes", "{{.Count}} minutes", n),
		lang.X(key, "computed", nil),
	}
}
