package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/hearth-app/hearth/journal"
)

// bigVault is a vault of 10,000 records (entries and some exercise records over four
// years), built once per test process by ImportJSON and copied for each benchmark.
var bigVault struct {
	once sync.Once
	dir  string
	err  error
}

const bigVaultSize = 10000

// words for the generated entries; "harbour" appears in about one in seven.
var benchWords = []string{"calm", "tired", "work", "sister", "walk", "tea", "harbour", "rain", "breath", "kind",
	"worried", "slept", "morning", "friend", "garden", "noticed", "tight", "soft", "evening", "grateful"}

func buildBigVault(b *testing.B) string {
	bigVault.once.Do(func() {
		dir, err := os.MkdirTemp("", "hearth-bench-")
		if err != nil {
			bigVault.err = err
			return
		}
		v, _, err := journal.Create(dir, testPass, cheapKDF())
		if err != nil {
			bigVault.err = err
			return
		}
		type rec struct {
			V       int               `json:"v"`
			Kind    string            `json:"kind"`
			Title   string            `json:"title,omitempty"`
			Body    string            `json:"body"`
			Tags    []string          `json:"tags,omitempty"`
			Created time.Time         `json:"created"`
			Updated time.Time         `json:"updated"`
			Fields  map[string]string `json:"fields,omitempty"`
		}
		start := time.Date(2022, 11, 25, 8, 0, 0, 0, time.UTC)
		recs := make([]rec, bigVaultSize)
		for i := range recs {
			var body bytes.Buffer
			for w := range 120 { // about 800 bytes
				body.WriteString(benchWords[(i*7+w*w)%len(benchWords)])
				body.WriteByte(' ')
			}
			r := rec{V: 1, Kind: "entry", Title: fmt.Sprintf("Day %d", i), Body: body.String(),
				Tags: []string{benchWords[i%len(benchWords)]}, Created: start.Add(time.Duration(i) * 3 * time.Hour)}
			if i%5 == 0 {
				r.Kind = "thought-record"
				r.Fields = map[string]string{"situation": body.String()[:200]}
			}
			r.Updated = r.Created
			recs[i] = r
		}
		doc, err := json.Marshal(map[string]any{"format": "hearth-journal-export", "version": 1, "records": recs})
		if err == nil {
			_, err = v.ImportJSON(bytes.NewReader(doc))
		}
		if cerr := v.Close(); err == nil {
			err = cerr
		}
		bigVault.dir, bigVault.err = dir, err
	})
	if bigVault.err != nil {
		b.Fatal(bigVault.err)
	}
	// Each benchmark gets its own copy: the app takes the folder's lock.
	dst := b.TempDir()
	err := filepath.Walk(bigVault.dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(bigVault.dir, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o600)
	})
	if err != nil {
		b.Fatal(err)
	}
	return dst
}

// unlockBig starts the app on a copy of the 10,000-record vault and unlocks it.
func unlockBig(b *testing.B) *harness {
	hs := start(b, buildBigVault(b))
	u := hs.unlockScreen()
	test.Type(u.pass, testPass)
	u.pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	hs.h.openNav(navJournal) // unlocking opens Home
	hs.journalScreen()
	return hs
}

// BenchmarkJournalSearchKeystroke is one key typed in the journal's search box with
// 10,000 records, once the pause has passed: the vault search, the kind filter, the
// list and "found" note update. The typed text cycles through "h", "ha" … "harbour",
// so it includes the widest match (one letter, nearly every record).
func BenchmarkJournalSearchKeystroke(b *testing.B) {
	hs := unlockBig(b)
	js := hs.journalScreen()
	w := test.NewTempWindow(b, js.content())
	w.Resize(fyne.NewSize(1000, 700))
	word := []rune("harbour")
	i := 0
	for b.Loop() {
		if i%len(word) == 0 {
			js.find.search.SetText("")
		}
		js.find.search.TypedRune(word[i%len(word)])
		hs.clock.Advance(searchPause)
		i++
	}
	b.ReportMetric(float64(len(js.entries)), "rows")
}

// BenchmarkJournalSearchWidest is the worst keystroke: one letter that matches
// nearly all 10,000 records.
func BenchmarkJournalSearchWidest(b *testing.B) {
	hs := unlockBig(b)
	js := hs.journalScreen()
	w := test.NewTempWindow(b, js.content())
	w.Resize(fyne.NewSize(1000, 700))
	for b.Loop() {
		js.find.search.SetText("")
		js.find.search.TypedRune('a')
		hs.clock.Advance(searchPause)
	}
	b.ReportMetric(float64(len(js.entries)), "rows")
}

// BenchmarkJournalOpenList builds the journal screen over an open vault of 10,000
// records and draws it once: listing (everything written), the list rows, the editor
// with the newest record.
func BenchmarkJournalOpenList(b *testing.B) {
	hs := unlockBig(b)
	for b.Loop() {
		js := newJournalScreen(hs.h, hs.h.vault)
		w := test.NewWindow(js.content())
		w.Resize(fyne.NewSize(1000, 700))
		w.Canvas().Refresh(js.content())
		w.Close()
	}
}
