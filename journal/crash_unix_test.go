//go:build unix

package journal

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash and second-process tests re-run this test binary as a child
// process selected by HEARTH_TEST_CHILD.
const childEnv = "HEARTH_TEST_CHILD"

// TestChildProcess is not a test on its own: it is the body of the child
// processes started by TestCrashKeepsAcknowledgedSaves and
// TestSecondProcessIsLocked.
func TestChildProcess(t *testing.T) {
	mode := os.Getenv(childEnv)
	if mode == "" {
		t.Skip("only runs as a child process")
	}
	dir := os.Getenv("HEARTH_TEST_DIR")
	v, err := Open(dir, testPass, WithKDF(cheapKDF), withOutbox(os.Getenv("HEARTH_TEST_OUTBOX") != ""))
	if err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(1)
	}
	switch mode {
	case "saver":
		// Save as fast as possible, acknowledging each save once Create returned.
		for i := 0; ; i++ {
			r, err := v.Create(Record{Kind: KindEntry, Title: fmt.Sprintf("burst %d", i), Body: strings.Repeat("x", 500+i%700)})
			if err != nil {
				fmt.Printf("error %v\n", err)
				os.Exit(1)
			}
			fmt.Printf("ack %s\n", r.ID)
		}
	case "holder":
		release, err := LockDir(dir)
		if err != nil {
			fmt.Printf("error %v\n", err)
			os.Exit(1)
		}
		fmt.Println("ready")
		io.Copy(io.Discard, os.Stdin) // hold until the parent closes stdin
		release()
		v.Close()
		os.Exit(0)
	}
}

func startChild(t *testing.T, mode, dir string, outbox bool) (*exec.Cmd, *bufio.Scanner, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, "HEARTH_TEST_DIR="+dir)
	if outbox {
		cmd.Env = append(cmd.Env, "HEARTH_TEST_OUTBOX=1")
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out), in
}

func TestCrashKeepsAcknowledgedSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	v, dir, _ := newTestVault(t)
	v.Close()
	var acked []string
	// The middle round saves through the outbox (as on Windows); the parent
	// then reopens without it, replaying and removing the outbox.
	for round, burst := range []int{25, 60, 140} {
		cmd, lines, _ := startChild(t, "saver", dir, round == 1)
		n := 0
		for n < burst && lines.Scan() {
			line := lines.Text()
			id, ok := strings.CutPrefix(line, "ack ")
			if !ok {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("round %d: child said %q", round, line)
			}
			acked = append(acked, id)
			n++
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		// Acks already printed before the kill landed count too.
		for lines.Scan() {
			if id, ok := strings.CutPrefix(lines.Text(), "ack "); ok {
				acked = append(acked, id)
			}
		}
		cmd.Wait()
		if n < burst {
			t.Fatalf("round %d: child stopped after %d saves", round, n)
		}

		v, err := Open(dir, testPass)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		for _, id := range acked {
			if _, err := v.Get(id); err != nil {
				v.Close()
				t.Fatalf("round %d: acknowledged save %s lost: %v", round, id, err)
			}
		}
		if d := v.Damaged(); len(d) > 0 {
			t.Fatalf("round %d: %d damaged records after crash", round, len(d))
		}
		v.Close()
	}
	if len(acked) < 225 {
		t.Fatalf("only %d acknowledged saves", len(acked))
	}
}

func TestSecondProcessIsLocked(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	v, dir, _ := newTestVault(t)
	v.Close()
	cmd, lines, stdin := startChild(t, "holder", dir, false)
	defer func() {
		stdin.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	}()
	if !lines.Scan() || lines.Text() != "ready" {
		t.Fatalf("child did not get ready: %q", lines.Text())
	}
	_, err := Open(dir, testPass)
	wantErr(t, err, ErrLocked)
	_, err = LockDir(dir)
	wantErr(t, err, ErrLocked)
}
