package main

import (
	"io"

	"github.com/hearth-app/hearth/journal"
)

// appID is Hearth's stable application ID (also in FyneApp.toml).
const appID = "app.hearth.desktop"

// appVersion is set at build time by the Makefile (-X main.appVersion=...).
var appVersion = "0.1.0"

// env is everything a command needs from the outside world, so tests can run commands
// in-process with their own streams, environment and cheap vault settings.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string

	dataDir        string // --data-dir; empty means HEARTH_DATA_DIR or the OS default
	passphraseFile string // --passphrase-file

	// prompt asks for a secret without echo; nil when stdin is not a terminal.
	// Tests set a fake one to act as a person at a terminal.
	prompt secretPrompt

	// vaultOpts are passed to every journal.Create/Open. Tests set a cheap KDF here.
	vaultOpts []journal.Option
}

func newEnv(stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) *env {
	return &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv,
		prompt: terminalPrompt(stdin, stderr)}
}
