package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// File and folder names inside a data directory.
const (
	keyFileName   = "vault.key"
	dbDirName     = "db"
	backupDirName = "backups"
	lockFileName  = "hearth.lock"
)

// DefaultDir returns the data directory for this user: HEARTH_DATA_DIR if
// set, else $XDG_DATA_HOME/hearth (~/.local/share/hearth) on Linux and other
// Unix systems, ~/Library/Application Support/Hearth on macOS and
// %AppData%\Hearth on Windows. A --data-dir flag should override it.
func DefaultDir() (string, error) {
	if d := os.Getenv("HEARTH_DATA_DIR"); d != "" {
		return d, nil
	}
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir() // %AppData% or ~/Library/Application Support
		if err != nil {
			return "", fmt.Errorf("journal: find data folder: %w", err)
		}
		return filepath.Join(base, "Hearth"), nil
	default:
		if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
			return filepath.Join(x, "hearth"), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("journal: find data folder: %w", err)
		}
		return filepath.Join(home, ".local", "share", "hearth"), nil
	}
}

// Exists reports whether dir holds a vault (a vault.key file).
func Exists(dir string) (bool, error) {
	_, err := os.Stat(filepath.Join(dir, keyFileName))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	default:
		return false, fmt.Errorf("journal: look for vault: %w", err)
	}
}

// State describes what is in a data directory, as far as can be told
// without the passphrase.
type State int

// States of a data directory.
const (
	StateNone    State = iota // no vault
	StateReady                // a vault whose key file and database look intact
	StateDamaged              // a vault whose key file or database is damaged
)

// String names the state.
func (s State) String() string {
	switch s {
	case StateNone:
		return "none"
	case StateReady:
		return "ready"
	case StateDamaged:
		return "damaged"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// Inspect tells, without the passphrase, whether dir holds no vault, a
// vault that looks intact, or a damaged one. For StateDamaged the error is
// a *DamageError saying what is damaged.
func Inspect(dir string) (State, error) {
	data, err := readKeyFile(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if dbInUse(dir) {
			return StateDamaged, damaged("key file", errors.New("missing"))
		}
		return StateNone, nil
	}
	if errors.Is(err, ErrDamaged) {
		return StateDamaged, err
	}
	if err != nil {
		return StateNone, fmt.Errorf("journal: read key file: %w", err)
	}
	if _, err := parseEnvelope(data); err != nil {
		return StateDamaged, err
	}
	if !dbInUse(dir) {
		return StateDamaged, damaged("database", errors.New("missing"))
	}
	if err := checkDBFiles(filepath.Join(dir, dbDirName)); err != nil {
		return StateDamaged, err
	}
	return StateReady, nil
}

// dbInUse reports whether dir/db holds a Badger MANIFEST.
func dbInUse(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, dbDirName, "MANIFEST"))
	return err == nil
}

// checkDBFiles refuses a Badger directory that has a MANIFEST but no
// KEYREGISTRY: Badger would silently start a new key registry and every
// existing table would be unreadable.
func checkDBFiles(dbDir string) error {
	_, err := os.Stat(filepath.Join(dbDir, "MANIFEST"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("journal: check database: %w", err)
	}
	st, err := os.Stat(filepath.Join(dbDir, "KEYREGISTRY"))
	if errors.Is(err, fs.ErrNotExist) || err == nil && st.Size() == 0 {
		return damaged("database", errors.New("key registry missing"))
	}
	if err != nil {
		return fmt.Errorf("journal: check database: %w", err)
	}
	return nil
}
