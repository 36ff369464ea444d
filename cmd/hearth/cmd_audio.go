package main

import (
	"context"
	"errors"
)

// TEMPORARY STUB: replaced by the audio work in progress.
func runPractices(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}
func runRender(ctx context.Context, e *env, args []string) error { return errors.New("not built yet") }
