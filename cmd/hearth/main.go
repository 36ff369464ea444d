// Command hearth is the Hearth desktop app and its command line.
//
// Run without arguments it opens the desktop app. With a subcommand it works on the
// vault, the practices and practice packs from a terminal; `hearth help` lists them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"sort"
	"strings"

	"github.com/hearth-app/hearth/journal"
)

// Exit codes, as documented in the README.
const (
	exitOK       = 0
	exitError    = 1
	exitUsage    = 2
	exitWrongKey = 3
	exitInUse    = 4
	exitDamaged  = 5
)

// errUsage marks a mistake in how the command was called (exit code 2).
var errUsage = errors.New("usage")

// usageError returns an error that prints msg and exits with code 2.
func usageError(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, a...)...)
}

// command is one subcommand of hearth.
type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists every subcommand. Each area keeps its commands in its own file.
func commands() map[string]command {
	return map[string]command{
		"init":      {"create a new vault and print its recovery code", runInit},
		"add":       {"add a journal entry (body from stdin)", runAdd},
		"list":      {"list entries, newest first", runList},
		"show":      {"show one entry", runShow},
		"edit":      {"replace an entry's body (from stdin)", runEdit},
		"delete":    {"delete an entry", runDelete},
		"search":    {"search everything you have written", runSearch},
		"export":    {"export everything to Markdown or JSON (plaintext!)", runExport},
		"import":    {"import entries from a JSON export", runImport},
		"backup":    {"write an encrypted backup file", runBackup},
		"restore":   {"merge an encrypted backup into this vault", runRestore},
		"passwd":    {"change the passphrase", runPasswd},
		"recover":   {"set a new passphrase using the recovery code", runRecover},
		"doctor":    {"check the data folder, vault and audio output", runDoctor},
		"practices": {"list the practices you can play or render", runPractices},
		"render":    {"render a practice to a WAV file", runRender},
		"pack":      {"validate, import, list or remove practice packs", runPack},
		"critic":    {"mark phrases that sound like the inner critic (text on stdin)", runCritic},
	}
}

func main() {
	if len(os.Args) > 1 {
		attachConsole()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], newEnv(os.Stdin, os.Stdout, os.Stderr, os.Getenv))
	stop()
	os.Exit(code)
}

// run parses the global flags, dispatches to a subcommand (or the desktop app) and
// turns the result into an exit code. Errors are printed as one plain sentence.
func run(ctx context.Context, args []string, e *env) int {
	fs := flag.NewFlagSet("hearth", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.dataDir, "data-dir", "", "folder that holds your vault (default: the system's data folder)")
	fs.StringVar(&e.passphraseFile, "passphrase-file", "", "read the passphrase from this file")
	fs.Usage = func() { printUsage(e.stderr) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return report(e, runGUI(ctx, e))
	}
	name := rest[0]
	if name == "help" || name == "-h" || name == "--help" {
		printUsage(e.stdout)
		return exitOK
	}
	if name == "version" || name == "--version" {
		fmt.Fprintf(e.stdout, "hearth %s\n", appVersion)
		return exitOK
	}
	cmd, ok := commands()[name]
	if !ok {
		// Name the command only if it looks like one: it might be words meant for the journal.
		if commandNameRE.MatchString(name) {
			fmt.Fprintf(e.stderr, "hearth: unknown command %q. Run \"hearth help\" to see the commands.\n", name)
		} else {
			fmt.Fprintln(e.stderr, "hearth: that is not a command. Run \"hearth help\" to see the commands.")
		}
		return exitUsage
	}
	return report(e, cmd.run(ctx, e, rest[1:]))
}

// report prints err (if any) as one sentence and maps it to an exit code.
func report(e *env, err error) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(e.stderr, "hearth: %s\n", message(err))
	return exitCode(err)
}

// exitCode maps an error to the documented exit codes.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, journal.ErrWrongSecret):
		return exitWrongKey
	case errors.Is(err, journal.ErrLocked):
		return exitInUse
	case errors.Is(err, journal.ErrDamaged):
		return exitDamaged
	default:
		return exitError
	}
}

// message is the sentence shown for err. Vault errors get a kind, plain wording; none
// of them carry user text.
func message(err error) string {
	switch {
	case errors.Is(err, errUsage):
		return strings.TrimPrefix(err.Error(), errUsage.Error()+": ")
	case errors.Is(err, journal.ErrWrongSecret):
		return "that passphrase or recovery code didn't open your vault. Check Caps Lock and try again."
	case errors.Is(err, journal.ErrLocked):
		return "Hearth is already open in another window or process. Close it and try again."
	case errors.Is(err, journal.ErrNoVault):
		return "there is no vault here yet. Run \"hearth init\" to create one."
	case errors.Is(err, journal.ErrVaultExists):
		return "there is already a vault in this folder, so nothing was changed. Use --data-dir to make another one elsewhere."
	case errors.Is(err, journal.ErrNotFound):
		return "no entry has that ID. Run \"hearth list\" to see the IDs."
	case errors.Is(err, journal.ErrDamaged):
		return damageMessage(err)
	case errors.Is(err, journal.ErrInvalid):
		return "that was not accepted: " + strings.TrimPrefix(err.Error(), "journal: ")
	case errors.Is(err, context.Canceled):
		return "stopped; nothing more was changed."
	default:
		return err.Error()
	}
}

// commandNameRE matches what may be echoed back as a mistyped command name.
var commandNameRE = regexp.MustCompile(`^[a-z][a-z-]{0,19}$`)

// damageMessage explains a *journal.DamageError without any user data.
func damageMessage(err error) string {
	var de *journal.DamageError
	what := "vault"
	if errors.As(err, &de) && de.What != "" {
		what = de.What
	}
	if what == "backup file" {
		return "that backup file is damaged or is not a Hearth backup. Your vault was not changed."
	}
	return fmt.Sprintf("part of your vault (the %s) is damaged, so Hearth stopped without changing anything. "+
		"Run \"hearth doctor\"; an encrypted backup can bring your entries back with \"hearth restore\".", what)
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "Hearth %s — a private companion for Compassion Focused Therapy practice.\n\n", appVersion)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  hearth                     open the desktop app")
	fmt.Fprintln(w, "  hearth [flags] COMMAND [arguments]")
	fmt.Fprintln(w, "\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nFlags:")
	fmt.Fprintln(w, "  --data-dir DIR          where your vault lives (or set HEARTH_DATA_DIR)")
	fmt.Fprintln(w, "  --passphrase-file F     read the passphrase from a file (or set HEARTH_PASSPHRASE)")
	fmt.Fprintln(w, "\nAt a terminal, Hearth asks for secrets without showing them. Elsewhere set")
	fmt.Fprintln(w, "HEARTH_NEW_PASSPHRASE (passwd, recover), HEARTH_RECOVERY_CODE (recover) and")
	fmt.Fprintln(w, "HEARTH_BACKUP_SECRET (restore; default: your passphrase).")
	fmt.Fprintln(w, "Run \"hearth COMMAND --help\" to see a command's own flags.")
	fmt.Fprintln(w, "\nExit codes: 0 ok, 1 error, 2 usage, 3 wrong passphrase or recovery code,")
	fmt.Fprintln(w, "4 vault in use by another process, 5 vault damaged.")
}
