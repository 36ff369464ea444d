package journal

import (
	"sort"
	"strings"
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
	var sb strings.Builder
	sb.Grow(len(r.Title) + len(r.Body) + 64)
	sb.WriteString(r.Title)
	sb.WriteByte('\n')
	sb.WriteString(r.Body)
	for _, t := range r.Tags {
		sb.WriteByte('\n')
		sb.WriteString(t)
	}
	for _, f := range r.Fields {
		sb.WriteByte('\n')
		sb.WriteString(f)
	}
	e := &indexEntry{rec: r, text: fold(sb.String())}
	for _, t := range r.Tags {
		e.tags = append(e.tags, fold(t))
	}
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
// every folded word.
func (ix *index) query(q Query, words []string) []Record {
	var tags []string
	for _, t := range q.Tags {
		if f := fold(trimSpace(t)); f != "" {
			tags = append(tags, f)
		}
	}
	var out []Record
	for _, e := range ix.order {
		r := &e.rec
		if !q.To.IsZero() && !r.Created.Before(q.To) {
			continue
		}
		if !q.From.IsZero() && r.Created.Before(q.From) {
			break // order is newest first: everything after is older still
		}
		if len(q.Kinds) > 0 && !containsKind(q.Kinds, r.Kind) {
			continue
		}
		if !hasAllTags(e.tags, tags) {
			continue
		}
		if !containsAll(e.text, words) {
			continue
		}
		out = append(out, clone(*r))
		if q.Limit > 0 && len(out) >= q.Limit {
			break
		}
	}
	return out
}

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
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	d := norm.NFKD.String(s)
	var sb strings.Builder
	sb.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'ß':
			sb.WriteString("ss")
		case 'æ':
			sb.WriteString("ae")
		case 'œ':
			sb.WriteString("oe")
		case 'ø':
			sb.WriteByte('o')
		case 'ł':
			sb.WriteByte('l')
		case 'đ', 'ð':
			sb.WriteByte('d')
		case 'ı':
			sb.WriteByte('i')
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func trimSpace(s string) string { return strings.TrimSpace(s) }
