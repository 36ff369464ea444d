package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hearth-app/hearth/journal"
)

// TestDesktopSmoke builds the real binary (without the migrated_fynedo tag, so Fyne
// reports any widget touched off the UI goroutine), runs it on a virtual X server and
// goes through first run with the keyboard: passphrase, recovery code, a journal
// entry, every screen by Ctrl+1…7 (logging RSS and idle CPU on Home), Ctrl+Q; then unlocks again, starts an entry and sends SIGINT. It checks that
// both entries are in the vault, that a second instance says "already open" (exit
// code 4), that every exit is clean and that Fyne never logged a threading error.
//
// It needs Xvfb, xdotool and ImageMagick's import (make deps-test installs them). It
// skips only when they are missing and $CI is unset. Set HEARTH_SMOKE_SCREENSHOT=FILE
// to keep the screenshots, HEARTH_SMOKE_LOG=FILE to keep the app's output.
func TestDesktopSmoke(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "" {
				t.Skipf("%s is not installed (apt install xvfb xdotool imagemagick); skipping the real-window smoke test", tool)
			}
			t.Fatalf("%s is not installed, and CI must run the real-window smoke test", tool)
		}
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "hearth")
	buildStart := time.Now()
	build := exec.Command("go", "build", "-tags", "no_animations", "-o", bin, ".") // as the Makefile builds releases
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built the app in %v", time.Since(buildStart).Round(time.Millisecond))

	display := startXvfb(t)
	t.Logf("Xvfb on %s", display)
	env := append(os.Environ(),
		"DISPLAY="+display,
		"LANG=en_US.UTF-8",
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"), // Fyne preferences
		"XDG_DATA_HOME="+filepath.Join(tmp, "share"),
		"HOME="+tmp,
	)
	dataDir := filepath.Join(tmp, "data")
	xdo := func(args ...string) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "xdotool", args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("xdotool %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}

	// Cold start: process start to window on screen.
	app := startApp(t, bin, env, dataDir)
	started := time.Now()
	win := xdo("search", "--sync", "--onlyvisible", "--name", "^Hearth$")
	coldStart := time.Since(started)
	t.Logf("cold start to window: %v", coldStart.Round(time.Millisecond))
	// The keyboard steps below wait fixed times for pages to appear. On a loaded
	// machine (a slow cold start says so) wait proportionally longer.
	slow := min(max(float64(coldStart)/float64(700*time.Millisecond), 1), 6)
	pause := func(d time.Duration) { time.Sleep(time.Duration(float64(d) * slow)) }
	win = strings.Fields(win)[0]

	// A second instance shows "Hearth is already open" and exits with code 4.
	second := startApp(t, bin, env, dataDir)
	waitFor(t, 15*time.Second, "the second instance's window", func() bool {
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Hearth$")
		cmd.Env = env
		out, _ := cmd.Output()
		return len(strings.Fields(string(out))) >= 2
	})
	if err := second.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if code := second.wait(t, 10*time.Second); code != exitInUse {
		t.Errorf("second instance exit code = %d, want %d\n%s", code, exitInUse, second.output())
	}

	// First run by keyboard. Real key derivation (Argon2id) runs off the UI goroutine.
	const pass = "smoke test quiet harbour"
	xdo("windowfocus", "--sync", win)
	pause(300 * time.Millisecond)
	xdo("key", "space") // Begin
	pause(300 * time.Millisecond)
	xdo("type", "--delay", "5", pass)
	xdo("key", "Return")
	xdo("type", "--delay", "5", pass)
	xdo("key", "Return") // Create my journal
	waitFor(t, 20*time.Second, "the vault to be created", func() bool {
		ok, _ := journal.Exists(dataDir)
		return ok
	})
	pause(800 * time.Millisecond)       // the recovery code page
	xdo("key", "space", "Tab", "space") // tick "I've saved it", then Continue
	pause(400 * time.Millisecond)
	xdo("key", "space") // Start writing
	pause(300 * time.Millisecond)
	const words = "Written in the smoke test"
	xdo("type", "--delay", "5", words)
	pause(1500 * time.Millisecond) // autosave after a second

	shot := filepath.Join(tmp, "shot.png")
	if out, err := exec.Command("import", "-display", display, "-window", "root", shot).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	checkScreenshot(t, shot)
	if keep := os.Getenv("HEARTH_SMOKE_SCREENSHOT"); keep != "" { // to look at it
		if data, err := os.ReadFile(shot); err == nil {
			_ = os.WriteFile(keep, data, 0o644)
		}
	}

	// Every place in the navigation, by its Ctrl+digit shortcut (menu shortcuts work
	// even while the editor has focus), then the support screen and back to Home.
	for i := 1; i <= 7; i++ {
		xdo("key", fmt.Sprintf("ctrl+%d", i))
		pause(700 * time.Millisecond)
	}
	shot2 := filepath.Join(tmp, "settings.png")
	if out, err := exec.Command("import", "-display", display, "-window", "root", shot2).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	checkScreenshot(t, shot2)
	if keep := os.Getenv("HEARTH_SMOKE_SCREENSHOT"); keep != "" {
		if data, err := os.ReadFile(shot2); err == nil {
			_ = os.WriteFile(strings.TrimSuffix(keep, ".png")+"-settings.png", data, 0o644)
		}
	}
	xdo("key", "ctrl+1") // Home
	pause(700 * time.Millisecond)
	if rss, err := rssKiB(app.cmd.Process.Pid); err == nil {
		t.Logf("RSS after opening every screen: %.1f MiB", float64(rss)/1024)
	}
	// Idle CPU on Home: nothing should move, so this is Fyne's own floor.
	before, err := cpuTicks(app.cmd.Process.Pid)
	if err == nil {
		const idle = 20 * time.Second
		time.Sleep(idle)
		if after, err := cpuTicks(app.cmd.Process.Pid); err == nil {
			t.Logf("idle CPU on Home over %v: %.2f%% of a core", idle, float64(after-before)/clockTicks/idle.Seconds()*100)
		}
	}

	xdo("key", "ctrl+q")
	if code := app.wait(t, 15*time.Second); code != 0 {
		t.Errorf("exit code after Ctrl+Q = %d, want 0", code)
	}
	for _, p := range []*process{app, second} {
		if out := p.output(); strings.Contains(out, "Error in Fyne call thread") {
			t.Errorf("Fyne reported a call from the wrong goroutine:\n%s", out)
		}
	}

	// Second run: unlock, start an entry and press Ctrl+C (SIGINT) before the autosave
	// delay: the entry must still be saved, and the exit clean.
	again := startApp(t, bin, env, dataDir)
	win = strings.Fields(xdo("search", "--sync", "--onlyvisible", "--name", "^Hearth$"))[0]
	xdo("windowfocus", "--sync", win)
	pause(300 * time.Millisecond)
	xdo("type", "--delay", "5", pass)
	xdo("key", "Return") // unlock
	pause(1500 * time.Millisecond)
	xdo("key", "ctrl+n")
	pause(300 * time.Millisecond)
	const more = "Saved by the quit, not the timer"
	xdo("type", "--delay", "5", more)
	// Let the app take in the last keys (xdotool returns once they are sent, not
	// handled), still well inside the one-second autosave delay.
	time.Sleep(400 * time.Millisecond)
	if err := again.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if code := again.wait(t, 15*time.Second); code != 0 {
		t.Errorf("exit code after SIGINT = %d, want 0\n%s", code, again.output())
	}
	if os.Getenv("HEARTH_SMOKE_LOG") != "" {
		_ = os.WriteFile(os.Getenv("HEARTH_SMOKE_LOG"), []byte(app.output()+"\n=====SECOND RUN=====\n"+again.output()), 0o644)
	}
	if out := again.output(); strings.Contains(out, "Error in Fyne call thread") {
		t.Errorf("Fyne reported a call from the wrong goroutine:\n%s", out)
	}

	v, err := journal.Open(dataDir, pass)
	if err != nil {
		t.Fatalf("open the vault the app made: %v", err)
	}
	defer v.Close()
	rs, err := v.List(journal.Query{Kinds: []journal.Kind{journal.KindEntry}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].Body != more || rs[1].Body != words {
		var bodies []string
		for _, r := range rs {
			bodies = append(bodies, r.Body)
		}
		t.Errorf("entries in the vault: %q; want the two typed ones, newest first", bodies) // test data, not a user's
	}
}

// startXvfb starts a virtual X server on a free display and returns ":N".
func startXvfb(t *testing.T) string {
	t.Helper()
	for n := 40 + os.Getpid()%50; n < 200; n++ {
		if exists(fmt.Sprintf("/tmp/.X11-unix/X%d", n)) || exists(fmt.Sprintf("/tmp/.X%d-lock", n)) {
			continue
		}
		display := fmt.Sprintf(":%d", n)
		cmd := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			t.Fatalf("start Xvfb: %v", err)
		}
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			select {
			case <-exited: // lost a race for this display: try the next one
				deadline = time.Time{}
				continue
			default:
			}
			probe := exec.Command("xdotool", "getdisplaygeometry")
			probe.Env = append(os.Environ(), "DISPLAY="+display)
			if probe.Run() == nil {
				t.Cleanup(func() {
					_ = cmd.Process.Kill()
					<-exited
				})
				return display
			}
			time.Sleep(100 * time.Millisecond)
		}
		_ = cmd.Process.Kill()
		<-exited
	}
	t.Fatal("found no free X display for Xvfb")
	return ""
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// process is a running app with its combined output.
type process struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
	err  error
}

func (p *process) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

func (p *process) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

func startApp(t *testing.T, bin string, env []string, dataDir string) *process {
	t.Helper()
	p := &process{done: make(chan struct{})}
	p.cmd = exec.Command(bin, "--data-dir", dataDir)
	p.cmd.Env = env
	p.cmd.Stdout, p.cmd.Stderr = p, p
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start app: %v", err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// wait waits for the app to exit and returns its exit code.
func (p *process) wait(t *testing.T, d time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(d):
		t.Fatalf("the app did not exit within %v; output:\n%s", d, p.output())
	}
	var ee *exec.ExitError
	if errors.As(p.err, &ee) {
		return ee.ExitCode()
	}
	if p.err != nil {
		t.Fatalf("wait: %v", p.err)
	}
	return 0
}

func waitFor(t *testing.T, d time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkScreenshot fails if the screen is blank: it must have many colours, and
// Hearth's background (light or dark) must be the most common one.
func checkScreenshot(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode screenshot: %v", err)
	}
	counts := map[[3]uint8]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			counts[rgb8(img, x, y)]++
		}
	}
	if len(counts) < 16 {
		t.Errorf("screenshot has only %d colours: the window looks blank", len(counts))
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	hearth := counts[[3]uint8{0x1d, 0x20, 0x22}] + counts[[3]uint8{0xfa, 0xf6, 0xf0}]
	if hearth*20 < total {
		t.Errorf("Hearth's background colour covers only %d of %d sampled pixels: is the theme applied?", hearth, total)
	}
	t.Logf("screenshot: %d distinct colours", len(counts))
}

func rgb8(img image.Image, x, y int) [3]uint8 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}

// clockTicks is the kernel's USER_HZ: /proc/<pid>/stat counts CPU time in these.
const clockTicks = 100

// cpuTicks is the user plus system CPU time of a process, in clock ticks.
func cpuTicks(pid int) (uint64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// Fields after the command name (which may hold spaces) start after ") ".
	_, rest, ok := strings.Cut(string(data), ") ")
	if !ok {
		return 0, fmt.Errorf("unexpected /proc stat: %q", data)
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0, fmt.Errorf("short /proc stat: %q", data)
	}
	var utime, stime uint64
	if _, err := fmt.Sscan(f[11], &utime); err != nil {
		return 0, err
	}
	if _, err := fmt.Sscan(f[12], &stime); err != nil {
		return 0, err
	}
	return utime + stime, nil
}

// rssKiB is a process's resident memory in KiB.
func rssKiB(pid int) (int, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb int
			_, err := fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb, err
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}
