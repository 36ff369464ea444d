package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2/lang"

	"github.com/hearth-app/hearth/journal"
)

// describeVaultError turns an error from opening or creating a vault into a calm
// sentence that says what happened and what to do. It never includes user text.
func describeVaultError(err error, dataDir string) string {
	var de *journal.DamageError
	switch {
	case errors.Is(err, journal.ErrWrongSecret):
		return lang.X("error.wrongPassphrase", "That passphrase didn't open your journal. Caps Lock? You can also use your recovery code.")
	case errors.Is(err, journal.ErrLocked):
		return lang.X("error.locked", "Hearth is already open in another window. Close it there, then try again.")
	case errors.As(err, &de):
		return lang.X("error.damaged",
			"Part of your journal's files looks damaged (the {{.What}}), so Hearth has not opened or changed anything. "+
				"Your automatic backups are in {{.Folder}}. Please keep that folder safe; the command \"hearth doctor\" can check it.",
			map[string]any{"What": de.What, "Folder": filepath.Join(dataDir, "backups")})
	case errors.Is(err, journal.ErrDamaged):
		return lang.X("error.damagedPlain",
			"Part of your journal's files looks damaged, so Hearth has not opened or changed anything. "+
				"Your automatic backups are in {{.Folder}}. Please keep that folder safe; the command \"hearth doctor\" can check it.",
			map[string]any{"Folder": filepath.Join(dataDir, "backups")})
	case errors.Is(err, journal.ErrVaultExists):
		return lang.X("error.exists", "There is already a journal in this folder. Restart Hearth to unlock it.")
	}
	return lang.X("error.other", "Something went wrong: {{.Err}}", map[string]any{"Err": err.Error()})
}

// describeRecoveryError is describeVaultError for the recovery-code path.
func describeRecoveryError(err error, dataDir string) string {
	if errors.Is(err, journal.ErrWrongSecret) {
		return lang.X("error.wrongRecovery", "That recovery code didn't open your journal. Check each group of characters; spaces, dashes and capitals don't matter.")
	}
	return describeVaultError(err, dataDir)
}

// saveErrorMessage explains a failed save; the text always stays in the editor.
func saveErrorMessage(err error) string {
	return lang.X("error.save", "Not saved yet: {{.Err}}. Your text is still here, and Hearth will try again when you keep typing.",
		map[string]any{"Err": err.Error()})
}
