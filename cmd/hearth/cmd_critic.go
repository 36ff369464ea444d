package main

import (
	"context"
	"errors"
)

// TEMPORARY STUB: replaced by the critic work in progress.
func runCritic(ctx context.Context, e *env, args []string) error { return errors.New("not built yet") }
