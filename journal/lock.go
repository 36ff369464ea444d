package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// LockDir takes the desktop app's instance lock: an exclusive lock on
// dir/hearth.lock (flock on Unix, LockFileEx on Windows). It returns
// ErrLocked if another process (or another LockDir call in this process)
// holds it. The lock goes away when release is called or the process exits.
func LockDir(dir string) (release func() error, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("journal: lock data folder: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dir, lockFileName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("journal: lock data folder: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("journal: lock data folder: %w", err)
	}
	var once sync.Once
	var relErr error
	return func() error {
		once.Do(func() {
			uerr := unlockFile(f)
			cerr := f.Close()
			relErr = errors.Join(uerr, cerr)
		})
		return relErr
	}, nil
}

var errWouldBlock = errors.New("journal: lock held elsewhere")
