// Package bad makes lang calls langcheck cannot check.
package bad

import "fyne.io/fyne/v2/lang"

func texts(key string) []string {
	return []string{
		lang.L(key),
		lang.X("bad.twice", "One text"),
		lang.X("bad.twice", "Another text"),
		lang.N("bad.n", 2),
	}
}
