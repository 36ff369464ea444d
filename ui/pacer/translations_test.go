package pacer

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/hearth-app/hearth/ui/internal/langcheck"
)

var update = flag.Bool("update", false, "rewrite translations/en.json")

// TestEnglishTranslationsComplete checks that translations/en.json holds exactly the
// strings the code asks for, so a translator can start from it. Run with -update to
// rewrite it after changing wording.
// This package uses plain lang.L strings only.
func TestEnglishTranslationsComplete(t *testing.T) {
	langcheck.Config{
		Dirs:   []string{"."},
		JSON:   filepath.Join("translations", "en.json"),
		LOnly:  true,
		Update: *update,
	}.Check(t)
}

func TestRegisterTranslations(t *testing.T) {
	if err := RegisterTranslations(); err != nil {
		t.Fatal(err)
	}
}
