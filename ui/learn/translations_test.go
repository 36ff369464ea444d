package learn

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/hearth-app/hearth/ui/internal/langcheck"
)

var update = flag.Bool("update", false, "rewrite translations/en.json and golden files")

// TestEnglishTranslationsComplete checks that translations/en.json holds exactly the
// strings the code asks for, so a translator can start from it. Run with -update to
// rewrite it after changing wording.
func TestEnglishTranslationsComplete(t *testing.T) {
	langcheck.Check(t, ".", filepath.Join("translations", "en.json"), *update)
}

func TestRegisterTranslations(t *testing.T) {
	if err := RegisterTranslations(); err != nil {
		t.Fatal(err)
	}
}
