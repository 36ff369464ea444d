package main

import (
	"context"
	"errors"
)

// TEMPORARY STUB: replaced by the pack work in progress.
func runPack(ctx context.Context, e *env, args []string) error { return errors.New("not built yet") }
