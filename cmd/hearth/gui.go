package main

import (
	"context"
	"errors"
)

// TEMPORARY STUB: replaced by the gui work in progress.
func runGUI(ctx context.Context, e *env) error { return errors.New("not built yet") }
