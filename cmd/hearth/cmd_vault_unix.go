//go:build linux || darwin || freebsd

package main

import (
	"bufio"
	"os"
	"strings"

	"golang.org/x/sys/unix"
)

// diskFree returns the bytes available to this user on the file system holding dir.
func diskFree(dir string) (uint64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return uint64(st.Bavail) * uint64(st.Bsize), nil
}

// osVersion names the system, e.g. "Debian GNU/Linux 12 (bookworm), Linux 6.1.0".
func osVersion() string {
	var u unix.Utsname
	kernel := ""
	if err := unix.Uname(&u); err == nil {
		kernel = unix.ByteSliceToString(u.Sysname[:]) + " " + unix.ByteSliceToString(u.Release[:])
	}
	if name := osReleaseName(); name != "" {
		if kernel == "" {
			return name
		}
		return name + ", " + kernel
	}
	return kernel
}

// osReleaseName reads PRETTY_NAME from /etc/os-release where there is one.
func osReleaseName() string {
	f, err := os.Open("/etc/os-release")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "PRETTY_NAME="); ok {
			return strings.Trim(v, `"'`)
		}
	}
	return ""
}
