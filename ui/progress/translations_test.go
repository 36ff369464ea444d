package progress

import (
	"path/filepath"
	"testing"

	"github.com/hearth-app/hearth/ui/internal/langcheck"
)

// TestEnglishTranslationsComplete checks that translations/en.json holds exactly
// every phrase of the summary and every lang.L string of this package and of
// ui/charts. Run with -update (defined in stats_test.go) to rewrite it.
func TestEnglishTranslationsComplete(t *testing.T) {
	phrases := map[string]any{}
	for _, p := range Phrases() {
		if p.One == p.Other {
			phrases[p.Key] = p.Other
		} else {
			phrases[p.Key] = langcheck.Plural{One: p.One, Other: p.Other}
		}
	}
	langcheck.Config{
		Dirs:     []string{".", filepath.Join("..", "charts")},
		JSON:     filepath.Join("translations", "en.json"),
		Computed: phrases,
		Update:   *update,
	}.Check(t)
}
