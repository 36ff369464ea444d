package critic

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// corpusRow is one labelled sentence of testdata/corpus.tsv.
type corpusRow struct {
	line int
	want []Kind // sorted; empty means no mark expected
	text string
}

// readCorpus reads a TSV corpus: expected kinds (comma-separated, or -), a tab, a sentence.
func readCorpus(t *testing.T, path string) []corpusRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []corpusRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kinds, text, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(text) == "" {
			t.Fatalf("%s:%d: want KINDS<tab>SENTENCE", path, n)
		}
		r := corpusRow{line: n, text: text}
		if kinds != "-" {
			for k := range strings.SplitSeq(kinds, ",") {
				if !slices.Contains(Kinds(), Kind(k)) {
					t.Fatalf("%s:%d: unknown kind %q", path, n, k)
				}
				r.want = append(r.want, Kind(k))
			}
		}
		slices.Sort(r.want)
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// score counts sentence-level true positives, false positives and false negatives.
type score struct{ tp, fp, fn int }

func (s score) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s score) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

// evaluate scores the spotter on rows: per kind, a sentence counts once for each kind it
// was expected to have or was marked with.
func evaluate(s *Spotter, rows []corpusRow) (perKind map[Kind]*score, overall score, misses []string) {
	perKind = make(map[Kind]*score)
	for _, k := range Kinds() {
		perKind[k] = &score{}
	}
	for _, r := range rows {
		var got []Kind
		for _, m := range s.Find(r.text) {
			if !slices.Contains(got, m.Kind) {
				got = append(got, m.Kind)
			}
		}
		slices.Sort(got)
		for _, k := range Kinds() {
			w, g := slices.Contains(r.want, k), slices.Contains(got, k)
			switch {
			case w && g:
				perKind[k].tp++
				overall.tp++
			case g:
				perKind[k].fp++
				overall.fp++
			case w:
				perKind[k].fn++
				overall.fn++
			}
		}
		if !slices.Equal(got, r.want) {
			misses = append(misses, describe(r, got))
		}
	}
	return perKind, overall, misses
}

func describe(r corpusRow, got []Kind) string {
	return "line " + itoa(r.line) + ": " + r.text + "\n\twant " + kindList(r.want) + ", got " + kindList(got)
}

func kindList(ks []Kind) string {
	if len(ks) == 0 {
		return "-"
	}
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ",")
}

func itoa(n int) string { return strconv.Itoa(n) }

// Floors measured on testdata/corpus.tsv (the sentences the patterns were tuned on, so
// these say little about new text; see the held-out floors below): regression floors,
// not targets. Raise them when the patterns improve; never lower them to make a change
// pass.
const (
	floorPrecision = 0.98
	floorRecall    = 0.98
	floorKindPrec  = 0.95
	floorKindRec   = 0.95
)

func TestCorpus(t *testing.T) {
	s, err := New("en")
	if err != nil {
		t.Fatal(err)
	}
	rows := readCorpus(t, "testdata/corpus.tsv")
	perKind, overall, misses := evaluate(s, rows)
	for _, k := range Kinds() {
		sc := perKind[k]
		t.Logf("%-16s precision %.3f recall %.3f (tp %d fp %d fn %d)", k, sc.precision(), sc.recall(), sc.tp, sc.fp, sc.fn)
		if sc.precision() < floorKindPrec || sc.recall() < floorKindRec {
			t.Errorf("%s: precision %.3f (floor %.2f), recall %.3f (floor %.2f)", k, sc.precision(), floorKindPrec, sc.recall(), floorKindRec)
		}
	}
	t.Logf("overall          precision %.3f recall %.3f (tp %d fp %d fn %d), %d sentences", overall.precision(), overall.recall(), overall.tp, overall.fp, overall.fn, len(rows))
	if overall.precision() < floorPrecision || overall.recall() < floorRecall {
		t.Errorf("overall: precision %.3f (floor %.2f), recall %.3f (floor %.2f)", overall.precision(), floorPrecision, overall.recall(), floorRecall)
	}
	for _, m := range misses {
		t.Log(m)
	}
}

// Floors on testdata/heldout.tsv, which was written after the patterns and is never
// used to tune them: lower than the corpus floors, as measured (precision 0.956, recall
// 0.889 on 112 sentences).
const (
	floorHeldoutPrecision = 0.95
	floorHeldoutRecall    = 0.88
)

func TestHeldout(t *testing.T) {
	s, err := New("en")
	if err != nil {
		t.Fatal(err)
	}
	rows := readCorpus(t, "testdata/heldout.tsv")
	perKind, overall, misses := evaluate(s, rows)
	for _, k := range Kinds() {
		sc := perKind[k]
		t.Logf("%-16s precision %.3f recall %.3f (tp %d fp %d fn %d)", k, sc.precision(), sc.recall(), sc.tp, sc.fp, sc.fn)
	}
	t.Logf("overall          precision %.3f recall %.3f (tp %d fp %d fn %d), %d sentences", overall.precision(), overall.recall(), overall.tp, overall.fp, overall.fn, len(rows))
	if overall.precision() < floorHeldoutPrecision || overall.recall() < floorHeldoutRecall {
		t.Errorf("overall: precision %.3f (floor %.2f), recall %.3f (floor %.2f)", overall.precision(), floorHeldoutPrecision, overall.recall(), floorHeldoutRecall)
	}
	for _, m := range misses {
		t.Log(m)
	}
}
