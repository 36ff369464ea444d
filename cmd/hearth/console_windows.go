//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachConsole connects a windowsgui build (linked with -H=windowsgui so the desktop app
// opens no console window) to the console it was started from, so that subcommands print
// where the user typed them. Streams that are already valid (redirected to a file or a
// pipe) are kept as they are.
func attachConsole() {
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from Explorer or a shortcut: there is no console to attach to
	}
	if _, err := os.Stdout.Stat(); err != nil {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if _, err := os.Stderr.Stat(); err != nil {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
	if _, err := os.Stdin.Stat(); err != nil {
		if f, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil {
			os.Stdin = f
		}
	}
}
