package journal_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/hearth-app/hearth/journal"
)

func Example() {
	dir, _ := os.MkdirTemp("", "hearth-example-")
	defer os.RemoveAll(dir)

	// Real use keeps the default KDF; the example uses cheap parameters.
	cheap := journal.WithKDF(journal.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1})
	v, code, err := journal.Create(dir, "a long passphrase", cheap)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("recovery code length:", len(code)) // 8 groups of 4: show it once

	r, _ := v.Create(journal.Record{Kind: journal.KindEntry, Title: "Evening", Body: "A calmer day at the café.", Tags: []string{"calm"}})
	found, _ := v.Search("CAFE calmer", journal.Query{})
	fmt.Println("found:", len(found), found[0].ID == r.ID)
	v.Close()

	_, err = journal.Open(dir, "wrong")
	fmt.Println("wrong passphrase:", errors.Is(err, journal.ErrWrongSecret))
	// Output:
	// recovery code length: 39
	// found: 1 true
	// wrong passphrase: true
}
