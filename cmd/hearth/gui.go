package main

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/hearth-app/hearth/journal"
	"github.com/hearth-app/hearth/ui"
)

// runGUI starts the desktop app and blocks until it quits. SIGINT (ctx) quits it the
// same way closing the window does: the open entry is saved and the vault closed.
func runGUI(ctx context.Context, e *env) error {
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
	h := ui.Start(a, ui.Config{DataDir: dir, VaultOptions: e.vaultOpts, Version: appVersion})

	stopWatch := make(chan struct{})
	defer close(stopWatch)
	go func() {
		select {
		case <-ctx.Done():
			fyne.Do(h.Quit)
		case <-stopWatch:
		}
	}()
	a.Run()
	h.Shutdown() // normally already done by the app's OnStopped; harmless twice
	return h.Err()
}
