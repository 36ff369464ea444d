package main

import (
	"context"
	"runtime"

	"fyne.io/fyne/v2/app"

	"github.com/hearth-app/hearth/audio/device"
	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui"
)

// runGUI starts the desktop app and blocks until it quits. SIGINT quits it the same
// way closing the window does: the open entry is saved and the vault closed. (The
// context is cancelled on SIGINT too, but Fyne's own signal handler ends the loop.)
func runGUI(_ context.Context, e *env) error {
	dir := e.dataDir
	if dir == "" {
		d, err := journal.DefaultDir()
		if err != nil {
			return err
		}
		dir = d
	}
	a := app.NewWithID(appID)
	a.SetIcon(ui.Icon())
	// One sound player for the process (beep's speaker opens only once). It touches
	// the sound card lazily; the UI probes it off the UI goroutine.
	player := device.New()
	defer func() { _ = player.Close() }()
	h := ui.Start(a, ui.Config{
		DataDir:      dir,
		VaultOptions: e.vaultOpts,
		Version:      appVersion,
		Player:       player,
		ProbeAudio:   player.Probe,
		TrayAllowed:  trayAllowed(runtime.GOOS, e.getenv),
	})

	// SIGINT and SIGTERM: Fyne's driver catches them and ends its loop, so Run
	// returns and Shutdown below saves the open entry on this (the UI) goroutine.
	a.Run()
	h.Shutdown() // saves and closes (already done when Hearth quit itself); harmless twice
	return h.Err()
}

// trayAllowed reports whether a system-tray icon is safe here: on Linux Fyne's tray
// crashes at quit when there is no session D-Bus (fyne#6403), so it needs
// DBUS_SESSION_BUS_ADDRESS.
func trayAllowed(goos string, getenv func(string) string) bool {
	return goos != "linux" || getenv("DBUS_SESSION_BUS_ADDRESS") != ""
}
