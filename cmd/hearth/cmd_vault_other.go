//go:build !(linux || darwin || freebsd || windows)

package main

import (
	"errors"
	"runtime"
)

// diskFree is not implemented on this system.
func diskFree(dir string) (uint64, error) {
	return 0, errors.New("free space is not known on this system")
}

// osVersion names the system as far as Go knows it.
func osVersion() string { return runtime.GOOS }
