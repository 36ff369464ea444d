package critic

import (
	"strings"
	"testing"
)

// benchText builds n bytes of text from the corpora's sentences, densely critical: a
// worst case, since most sentences start a phrase. With critical false, it uses only the
// sentences with no critic phrase, more like a calm journal entry.
func benchText(tb testing.TB, n int, critical bool) string {
	tb.Helper()
	t, ok := tb.(*testing.T)
	if !ok {
		t = &testing.T{}
	}
	var rows []corpusRow
	for _, r := range append(readCorpus(t, "testdata/corpus.tsv"), readCorpus(t, "testdata/heldout.tsv")...) {
		if critical || len(r.want) == 0 {
			rows = append(rows, r)
		}
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(rows[(i*7)%len(rows)].text)
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()[:n]
}

// BenchmarkFind10KB measures one Find over a 10 KB entry made of critical and calm
// sentences (about one phrase every 60 bytes), as on every keystroke.
func BenchmarkFind10KB(b *testing.B) {
	s := newEN(b)
	text := benchText(b, 10<<10, true)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Find(text)
	}
}

// BenchmarkFind10KBCalm measures Find over 10 KB of sentences with no critic phrase.
func BenchmarkFind10KBCalm(b *testing.B) {
	s := newEN(b)
	text := benchText(b, 10<<10, false)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Find(text)
	}
}

// BenchmarkNew measures building the English Spotter (done once when the app starts).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New("en"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchTextHasMarks(t *testing.T) {
	text := benchText(t, 10<<10, true)
	if len(text) != 10<<10 {
		t.Fatalf("bench text is %d bytes", len(text))
	}
	marks := newEN(t).Find(text)
	if len(marks) < 50 {
		t.Errorf("bench text has only %d marks; the benchmark would not exercise matching", len(marks))
	}
	checkMarks(t, text, marks)
}
