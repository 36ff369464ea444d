//go:build !(linux || darwin || freebsd || openbsd || windows)

package main

import "errors"

// diskFree is not implemented on this system.
func diskFree(dir string) (uint64, error) {
	return 0, errors.New("free space is not known on this system")
}
