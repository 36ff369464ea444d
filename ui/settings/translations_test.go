package settings

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/hearth-app/hearth/ui/internal/langcheck"
)

var update = flag.Bool("update", false, "rewrite translations/en.json from the source")

// TestEnglishTranslationsComplete checks that translations/en.json holds exactly the
// strings the code asks for, so a translator can start from it. Run with -update to
// rewrite it after changing wording.
// Fyne must also accept the file.
func TestEnglishTranslationsComplete(t *testing.T) {
	langcheck.Check(t, ".", filepath.Join("translations", "en.json"), *update)
	if err := RegisterTranslations(); err != nil {
		t.Fatal(err)
	}
}
