package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"
)

// Where secrets come from, in order: a file named by a flag, an environment variable, a
// no-echo prompt when stdin is a terminal. Nothing else: never a command-line argument,
// which other users of the machine can see in the process list.
const (
	envPassphrase    = "HEARTH_PASSPHRASE"
	envNewPassphrase = "HEARTH_NEW_PASSPHRASE"
	envRecoveryCode  = "HEARTH_RECOVERY_CODE"
	envBackupSecret  = "HEARTH_BACKUP_SECRET"

	// minPassphraseRunes is the shortest new passphrase we accept.
	minPassphraseRunes = 8
	// maxSecretFileBytes bounds a passphrase file, so a wrong path cannot load a huge file.
	maxSecretFileBytes = 64 << 10
)

// secretPrompt asks for a secret on a terminal without echoing it. It is nil in an env
// whose stdin is not a terminal.
type secretPrompt func(ctx context.Context, prompt string) (string, error)

// terminalPrompt returns a secretPrompt reading from stdin when it is a terminal, with the
// prompt written to w, or nil when stdin is not a terminal.
func terminalPrompt(stdin io.Reader, w io.Writer) secretPrompt {
	f, ok := stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	fd := int(f.Fd())
	return func(ctx context.Context, prompt string) (string, error) {
		state, err := term.GetState(fd)
		if err != nil {
			return "", fmt.Errorf("could not read from the terminal: %w", err)
		}
		fmt.Fprint(w, prompt)
		type result struct {
			b   []byte
			err error
		}
		done := make(chan result, 1)
		go func() {
			b, err := term.ReadPassword(fd)
			done <- result{b, err}
		}()
		select {
		case r := <-done:
			fmt.Fprintln(w)
			if r.err != nil {
				return "", fmt.Errorf("could not read from the terminal: %w", r.err)
			}
			return string(r.b), nil
		case <-ctx.Done():
			// Ctrl-C while typing: put echo back before we leave.
			_ = term.Restore(fd, state)
			fmt.Fprintln(w)
			return "", ctx.Err()
		}
	}
}

// readSecretFile reads a secret from a file, dropping one trailing line ending. On
// Unix it warns on w when other users may read the file.
func readSecretFile(path string, w io.Writer) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("could not read the passphrase file: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(w, "Note: other users of this computer may be able to read %s; \"chmod 600\" it to keep it private.\n", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxSecretFileBytes+1))
	if err != nil {
		return "", fmt.Errorf("could not read the passphrase file: %w", err)
	}
	if len(b) > maxSecretFileBytes {
		return "", usageError("the passphrase file is too large to be a passphrase file; check the path")
	}
	s := strings.TrimSuffix(string(b), "\n")
	s = strings.TrimSuffix(s, "\r")
	if s == "" {
		return "", usageError("the passphrase file is empty")
	}
	return s, nil
}

// passphrase returns the current passphrase: --passphrase-file, HEARTH_PASSPHRASE, or a
// prompt at a terminal.
func (e *env) passphrase(ctx context.Context) (string, error) {
	if e.passphraseFile != "" {
		return readSecretFile(e.passphraseFile, e.stderr)
	}
	if p := e.getenv(envPassphrase); p != "" {
		return p, nil
	}
	if e.prompt != nil {
		p, err := e.prompt(ctx, "Passphrase: ")
		if err != nil {
			return "", err
		}
		if p == "" {
			return "", usageError("no passphrase was typed")
		}
		return p, nil
	}
	return "", usageError("this needs your passphrase: set %s, use --passphrase-file FILE, or run hearth in a terminal to be asked for it", envPassphrase)
}

// hasPassphrase reports whether a passphrase was given without asking for one.
func (e *env) hasPassphrase() bool {
	return e.passphraseFile != "" || e.getenv(envPassphrase) != ""
}

// newSecretSource names where a new passphrase may come from.
type newSecretSource struct {
	file    string // a --…-file flag value, may be empty
	fileArg string // that flag's name, for messages
	envVar  string // the environment variable
}

// newPassphrase returns a new passphrase from src, or asks twice at a terminal.
func (e *env) newPassphrase(ctx context.Context, src newSecretSource) (string, error) {
	var p string
	switch {
	case src.file != "":
		s, err := readSecretFile(src.file, e.stderr)
		if err != nil {
			return "", err
		}
		p = s
	case e.getenv(src.envVar) != "":
		p = e.getenv(src.envVar)
	case e.prompt != nil:
		fmt.Fprintf(e.stderr, "Choose a passphrase of at least %d characters. A few unrelated words are easy to remember and hard to guess.\n", minPassphraseRunes)
		first, err := e.prompt(ctx, "New passphrase: ")
		if err != nil {
			return "", err
		}
		if err := checkNewPassphrase(first); err != nil {
			return "", err
		}
		second, err := e.prompt(ctx, "Type it again: ")
		if err != nil {
			return "", err
		}
		if first != second {
			return "", usageError("the two passphrases you typed don't match. Nothing was changed; please try again")
		}
		return first, nil
	default:
		return "", usageError("this needs a new passphrase: set %s, use %s FILE, or run hearth in a terminal to be asked for it", src.envVar, src.fileArg)
	}
	return p, checkNewPassphrase(p)
}

// checkNewPassphrase refuses passphrases that are too short to protect a journal.
func checkNewPassphrase(p string) error {
	if utf8.RuneCountInString(p) < minPassphraseRunes {
		return usageError("a passphrase needs at least %d characters", minPassphraseRunes)
	}
	return nil
}
