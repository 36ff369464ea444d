package journal

import (
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// index keeps every current record decrypted in memory after unlock, for
// List, Search and Tags. It is guarded by Vault.mu.
type index struct {
	byID  map[string]*indexEntry
	order []*indexEntry // newest Created first, ties by ID descending
}

type indexEntry struct {
	rec  Record
	text string   // folded title, body, tags and field values for search
	tags []string // folded tags
}

func newIndex(capacity int) *index {
	return &index{byID: make(map[string]*indexEntry, capacity)}
}

func newIndexEntry(r Record) *indexEntry {
	n := len(r.Title) + len(r.Body) + 8
	for _, t := range r.Tags {
		n += len(t) + 1
	}
	for _, f := range r.Fields {
		n += len(f) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	foldInto(&sb, r.Title)
	sb.WriteByte('\n')
	foldInto(&sb, r.Body)
	e := &indexEntry{rec: r}
	for _, t := range r.Tags {
		sb.WriteByte('\n')
		foldInto(&sb, t)
		e.tags = append(e.tags, fold(t))
	}
	for _, f := range r.Fields {
		sb.WriteByte('\n')
		foldInto(&sb, f)
	}
	e.text = sb.String()
	return e
}

// newer reports whether a sorts before b in the index (newest first).
func newer(a, b *Record) bool {
	if !a.Created.Equal(b.Created) {
		return a.Created.After(b.Created)
	}
	return a.ID > b.ID
}

// put adds or replaces a record.
func (ix *index) put(r Record) {
	ix.remove(r.ID)
	e := newIndexEntry(r)
	ix.byID[r.ID] = e
	i := sort.Search(len(ix.order), func(i int) bool { return !newer(&ix.order[i].rec, &e.rec) })
	ix.order = append(ix.order, nil)
	copy(ix.order[i+1:], ix.order[i:])
	ix.order[i] = e
}

// bulkLoad adds records without keeping order, then sorts once (Open).
func (ix *index) bulkLoad(entries []*indexEntry) {
	for _, e := range entries {
		ix.byID[e.rec.ID] = e
	}
	ix.order = make([]*indexEntry, 0, len(ix.byID))
	for _, e := range ix.byID {
		ix.order = append(ix.order, e)
	}
	sort.Slice(ix.order, func(i, j int) bool { return newer(&ix.order[i].rec, &ix.order[j].rec) })
}

func (ix *index) remove(id string) {
	e, ok := ix.byID[id]
	if !ok {
		return
	}
	delete(ix.byID, id)
	i := sort.Search(len(ix.order), func(i int) bool { return !newer(&ix.order[i].rec, &e.rec) })
	for ; i < len(ix.order); i++ {
		if ix.order[i] == e {
			ix.order = append(ix.order[:i], ix.order[i+1:]...)
			return
		}
	}
}

// query returns copies of the records matching q whose text contains
// every folded word. Large scans are split across CPUs.
func (ix *index) query(q Query, words []string) []Record {
	var tags []string
	for _, t := range q.Tags {
		if f := fold(trimSpace(t)); f != "" {
			tags = append(tags, f)
		}
	}
	match := func(e *indexEntry) bool {
		r := &e.rec
		return (q.To.IsZero() || r.Created.Before(q.To)) &&
			(q.From.IsZero() || !r.Created.Before(q.From)) &&
			(len(q.Kinds) == 0 || containsKind(q.Kinds, r.Kind)) &&
			hasAllTags(e.tags, tags) &&
			containsAll(e.text, words)
	}
	var hits []*indexEntry
	workers := runtime.GOMAXPROCS(0)
	if len(words) == 0 || len(ix.order) < parallelScanMin || workers < 2 {
		for _, e := range ix.order {
			if match(e) {
				hits = append(hits, e)
				if q.Limit > 0 && len(hits) >= q.Limit {
					break
				}
			}
		}
	} else {
		parts := make([][]*indexEntry, workers)
		var wg sync.WaitGroup
		chunk := (len(ix.order) + workers - 1) / workers
		for w := range workers {
			lo, hi := w*chunk, min((w+1)*chunk, len(ix.order))
			wg.Go(func() {
				for _, e := range ix.order[lo:hi] {
					if match(e) {
						parts[w] = append(parts[w], e)
					}
				}
			})
		}
		wg.Wait()
		for _, p := range parts {
			hits = append(hits, p...)
		}
		if q.Limit > 0 && len(hits) > q.Limit {
			hits = hits[:q.Limit]
		}
	}
	out := make([]Record, len(hits))
	for i, e := range hits {
		out[i] = clone(e.rec)
	}
	return out
}

// parallelScanMin is the index size from which a text search uses all CPUs.
const parallelScanMin = 2000

func containsKind(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

func hasAllTags(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// tagCounts counts tags over current records, most used first. Tags that
// fold to the same text are counted together under the first spelling seen
// in the newest record.
func (ix *index) tagCounts() []TagCount {
	counts := map[string]*TagCount{}
	var list []*TagCount
	for _, e := range ix.order {
		for i, f := range e.tags {
			tc, ok := counts[f]
			if !ok {
				tc = &TagCount{Tag: e.rec.Tags[i]}
				counts[f] = tc
				list = append(list, tc)
			}
			tc.Count++
		}
	}
	out := make([]TagCount, len(list))
	for i, tc := range list {
		out[i] = *tc
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return fold(out[i].Tag) < fold(out[j].Tag)
	})
	return out
}

// searchWords splits a query into folded words.
func searchWords(text string) []string {
	return strings.FieldsFunc(fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// fold makes text case- and accent-insensitive: compatibility
// decomposition, combining marks dropped, lower case, and a few letters
// that do not decompose (ß, ø, æ, œ, ł, đ, ı) spelled out in ASCII.
// ASCII is handled byte by byte and the Latin-1 and Latin Extended letters
// through a precomputed table, since fold runs over every record at Open.
func fold(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s // already folded: share the string
	}
	var sb strings.Builder
	sb.Grow(len(s) + 8)
	foldInto(&sb, s)
	return sb.String()
}

// foldInto writes the folded form of s to sb.
func foldInto(sb *strings.Builder, s string) {
	var scratch, out []byte
	start := 0 // s[start:i] is plain lower-case ASCII not yet written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				sb.WriteString(s[start:i])
				sb.WriteByte(c + 'a' - 'A')
				start = i + 1
			}
			i++
			continue
		}
		sb.WriteString(s[start:i])
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		start = i
		if r < foldTableEnd {
			sb.WriteString(foldTable[r-utf8.RuneSelf])
			continue
		}
		scratch = norm.NFKD.AppendString(scratch[:0], string(r))
		out = appendFoldedDecomposed(out[:0], scratch)
		sb.Write(out)
	}
	sb.WriteString(s[start:])
}

// appendFoldedDecomposed appends already-decomposed text d, lower-cased,
// without combining marks.
func appendFoldedDecomposed(b, d []byte) []byte {
	for _, r := range string(d) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'ß':
			b = append(b, "ss"...)
		case 'æ':
			b = append(b, "ae"...)
		case 'œ':
			b = append(b, "oe"...)
		case 'ø':
			b = append(b, 'o')
		case 'ł':
			b = append(b, 'l')
		case 'đ', 'ð':
			b = append(b, 'd')
		case 'ı':
			b = append(b, 'i')
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// foldTableEnd bounds foldTable: U+0080 up to the end of the combining
// diacritical marks block (Latin-1, Latin Extended-A/B, IPA, modifiers,
// combining marks).
const foldTableEnd = 0x370

// foldTable holds the folded form of each rune from U+0080 to
// foldTableEnd. It is computed once and never changed.
var foldTable = func() []string {
	t := make([]string, foldTableEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < foldTableEnd; r++ {
		t[r-utf8.RuneSelf] = string(appendFoldedDecomposed(nil, norm.NFKD.AppendString(nil, string(r))))
	}
	return t
}()

func trimSpace(s string) string { return strings.TrimSpace(s) }
