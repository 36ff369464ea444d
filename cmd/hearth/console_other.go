//go:build !windows

package main

// attachConsole is only needed on Windows, where the app is linked as a GUI program.
func attachConsole() {}
