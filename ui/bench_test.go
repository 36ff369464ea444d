package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// BenchmarkKeystroke measures one typed character in the journal editor with a long
// entry: Hearth's own OnChanged work (dirty flag, status line, autosave timer) plus
// Fyne's entry update, on the test driver (no GPU rendering).
func BenchmarkKeystroke(b *testing.B) {
	para := strings.Repeat("I noticed the knot in my chest soften as I slowed my breath. ", 16) + "\n\n"
	for _, size := range []int{1 << 10, 10 << 10, 50 << 10} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			hs := startUnlocked(b)
			js := hs.journalScreen()
			test.Tap(js.start)
			js.body.SetText(strings.Repeat(para, size/len(para)+1)[:size])
			for b.Loop() {
				js.body.TypedRune('a')
			}
		})
	}
}

// BenchmarkSave measures one autosave of an edited 2 KB entry: the vault's Update
// (sealed, synced to disk) plus the list and status updates. It runs on the UI
// goroutine, so it is the pause a user could feel a second after they stop typing.
func BenchmarkSave(b *testing.B) {
	hs := startUnlocked(b)
	js := hs.journalScreen()
	test.Tap(js.start)
	js.body.SetText(strings.Repeat("A calm sentence about the day. ", 64))
	if err := js.flush(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		js.body.TypedRune('a')
		if err := js.flush(); err != nil {
			b.Fatal(err)
		}
	}
}
