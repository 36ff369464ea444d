package ui

import (
	"flag"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/hearth-app/hearth/ui/internal/langcheck"
)

var updateTranslations = flag.Bool("update", false, "rewrite translations/en.json from the source")

// TestEnglishTranslationsComplete checks that translations/en.json holds exactly the
// strings the code asks for, so a translator can start from it. Run with -update to
// rewrite it after changing wording.
func TestEnglishTranslationsComplete(t *testing.T) {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		t.Fatalf("Fyne rejects the bundled translations: %v", err)
	}
	langcheck.Check(t, ".", filepath.Join("translations", "en.json"), *updateTranslations)
}
