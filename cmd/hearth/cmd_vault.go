package main

import (
	"context"
	"errors"
)

// TEMPORARY STUB: replaced by the vault work in progress.
func runInit(ctx context.Context, e *env, args []string) error    { return errors.New("not built yet") }
func runAdd(ctx context.Context, e *env, args []string) error     { return errors.New("not built yet") }
func runList(ctx context.Context, e *env, args []string) error    { return errors.New("not built yet") }
func runShow(ctx context.Context, e *env, args []string) error    { return errors.New("not built yet") }
func runEdit(ctx context.Context, e *env, args []string) error    { return errors.New("not built yet") }
func runDelete(ctx context.Context, e *env, args []string) error  { return errors.New("not built yet") }
func runSearch(ctx context.Context, e *env, args []string) error  { return errors.New("not built yet") }
func runExport(ctx context.Context, e *env, args []string) error  { return errors.New("not built yet") }
func runImport(ctx context.Context, e *env, args []string) error  { return errors.New("not built yet") }
func runBackup(ctx context.Context, e *env, args []string) error  { return errors.New("not built yet") }
func runRestore(ctx context.Context, e *env, args []string) error { return errors.New("not built yet") }
func runPasswd(ctx context.Context, e *env, args []string) error  { return errors.New("not built yet") }
func runRecover(ctx context.Context, e *env, args []string) error { return errors.New("not built yet") }
func runDoctor(ctx context.Context, e *env, args []string) error  { return errors.New("not built yet") }
