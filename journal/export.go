package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	badger "github.com/dgraph-io/badger/v4"
)

// ExportJSON writes every record with its revisions as plaintext JSON
// (only on the user's explicit request). The schema is stable; a change
// that old readers cannot ignore bumps "version":
//
//	{
//	  "format": "hearth-journal-export",
//	  "version": 1,
//	  "exported": "2026-11-25T18:00:00Z",
//	  "records": [                          // oldest Created first
//	    {
//	      "v": 1,                           // record schema version
//	      "id": "01jq…",                    // 26 chars, lower-case Crockford base32
//	      "kind": "entry",                  // [a-z0-9-]{1,40}
//	      "title": "…", "body": "…",        // omitted when empty
//	      "tags": ["…"],                    // omitted when empty
//	      "created": "RFC 3339", "updated": "RFC 3339",
//	      "ratings": {"name": 6},           // omitted when empty
//	      "fields": {"id": "text"},         // omitted when empty
//	      "meta": {"key": "value"},         // omitted when empty
//	      "revisions": [ {same fields, no revisions}, … ]   // newest first, omitted when none
//	    }
//	  ]
//	}
const (
	exportFormat  = "hearth-journal-export"
	exportVersion = 1
	maxImportSize = 512 << 20
)

type exportDoc struct {
	Format   string         `json:"format"`
	Version  int            `json:"version"`
	Exported string         `json:"exported"`
	Records  []exportRecord `json:"records"`
}

type exportRecord struct {
	recordJSON
	Revisions []recordJSON `json:"revisions,omitempty"`
}

// allRecords returns every current record (oldest first) with its
// revisions (newest first). Caller holds v.mu.
func (v *Vault) allRecords() ([]Record, map[string][]Record, error) {
	recs := make([]Record, 0, len(v.idx.order))
	for i := len(v.idx.order) - 1; i >= 0; i-- {
		recs = append(recs, v.idx.order[i].rec)
	}
	revs := map[string][]Record{}
	err := v.db.View(func(txn *badger.Txn) error {
		for _, r := range recs {
			rs, err := v.readRevisions(txn, r.ID, true)
			if err != nil {
				return err
			}
			if len(rs) > 0 {
				revs[r.ID] = rs
			}
		}
		return nil
	})
	return recs, revs, err
}

// ExportJSON writes every record and its revisions as plaintext JSON in the
// schema documented above.
func (v *Vault) ExportJSON(w io.Writer) error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.db == nil {
		return ErrClosed
	}
	recs, revs, err := v.allRecords()
	if err != nil {
		return err
	}
	doc := exportDoc{Format: exportFormat, Version: exportVersion, Exported: v.now().Format("2006-01-02T15:04:05Z07:00"),
		Records: make([]exportRecord, 0, len(recs))}
	for i := range recs {
		er := exportRecord{recordJSON: toJSON(&recs[i])}
		for j := range revs[recs[i].ID] {
			er.Revisions = append(er.Revisions, toJSON(&revs[recs[i].ID][j]))
		}
		doc.Records = append(doc.Records, er)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("journal: export: %w", err)
	}
	return nil
}

// ImportJSON merges an ExportJSON document into the vault, like Restore:
// matched by ID, newest Updated wins, other versions kept as revisions.
// Records without an ID get a new one. The whole document is checked
// before anything is written; any problem is an error wrapping ErrInvalid
// that names the record's position, never its text.
func (v *Vault) ImportJSON(r io.Reader) (ImportStats, error) {
	groups, err := parseImport(r, v.now)
	if err != nil {
		return ImportStats{}, err
	}
	v.mu.Lock()
	for id, g := range groups {
		if id == "" {
			delete(groups, id)
			for _, rec := range g {
				nid, err := v.ids.next(rec.Created)
				if err != nil {
					v.mu.Unlock()
					return ImportStats{}, err
				}
				rec.ID = nid
				groups[nid] = []Record{rec}
			}
		}
	}
	v.mu.Unlock()
	st, err := v.merge(groups)
	return ImportStats(st), err
}

// parseImport reads and validates an export document. Records without an
// ID are collected under "" (one version each).
func parseImport(r io.Reader, now func() time.Time) (map[string][]Record, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: import: "+format, append([]any{ErrInvalid}, a...)...)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImportSize+1))
	if err != nil {
		return nil, fmt.Errorf("journal: import: %w", err)
	}
	if len(data) > maxImportSize {
		return nil, bad("file larger than %d MiB", maxImportSize>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var doc exportDoc
	if err := dec.Decode(&doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, bad("not valid JSON (at byte %d)", se.Offset)
		}
		return nil, bad("not a Hearth export")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, bad("data after the document")
	}
	if doc.Format != exportFormat {
		return nil, bad("not a Hearth export")
	}
	if doc.Version != exportVersion {
		return nil, bad("unsupported export version %d", doc.Version)
	}
	groups := map[string][]Record{}
	for i := range doc.Records {
		er := &doc.Records[i]
		if er.Created.IsZero() {
			er.Created = now()
		}
		if er.Updated.IsZero() {
			er.Updated = er.Created
		}
		rec, err := checkImported(&er.recordJSON, false)
		if err != nil {
			return nil, bad("record %d: %v", i+1, err)
		}
		if rec.ID == "" {
			if len(er.Revisions) > 0 {
				return nil, bad("record %d: revisions need a record id", i+1)
			}
			groups[""] = append(groups[""], rec)
			continue
		}
		if _, dup := groups[rec.ID]; dup {
			return nil, bad("record %d: duplicate id", i+1)
		}
		versions := []Record{rec}
		for j := range er.Revisions {
			rj := &er.Revisions[j]
			if rj.ID == "" {
				rj.ID = rec.ID
			}
			rv, err := checkImported(rj, true)
			if err != nil || rv.ID != rec.ID {
				return nil, bad("record %d revision %d: %v", i+1, j+1, err)
			}
			versions = append(versions, rv)
		}
		groups[rec.ID] = versions
	}
	return groups, nil
}

// checkImported validates a record from outside (import or backup) and
// returns it normalized. Error texts never include the record's content.
func checkImported(j *recordJSON, requireID bool) (Record, error) {
	if j.V != recordSchemaVersion {
		return Record{}, fmt.Errorf("unsupported record version %d", j.V)
	}
	if (requireID || j.ID != "") && !validID(j.ID) {
		return Record{}, errors.New("bad id")
	}
	if !validTime(j.Created) || !validTime(j.Updated) {
		return Record{}, errors.New("time out of range")
	}
	r := normalize(j.record())
	if err := validate(&r); err != nil {
		return Record{}, err
	}
	return r, nil
}

// ExportMarkdown writes one Markdown file per current record into dir
// (created if missing), named "<created date>-<title or kind>-<id>.md",
// with YAML front matter (id, kind, title, created, updated, tags, ratings,
// meta), the title as a heading, the body, then each field answer under a
// "## <field id>" heading. File names contain only a-z, 0-9 and '-'.
// Revisions are not exported to Markdown (use ExportJSON).
func (v *Vault) ExportMarkdown(dir string) error {
	v.mu.RLock()
	recs := make([]Record, 0, len(v.idx.order))
	closed := v.db == nil
	if !closed {
		for _, e := range v.idx.order {
			recs = append(recs, e.rec)
		}
	}
	v.mu.RUnlock()
	if closed {
		return ErrClosed
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("journal: export folder: %w", err)
	}
	for i := range recs {
		r := &recs[i]
		path := filepath.Join(dir, markdownName(r))
		if err := os.WriteFile(path, markdown(r), 0o600); err != nil {
			return fmt.Errorf("journal: export markdown: %w", err)
		}
	}
	return nil
}

// markdownName builds a safe file name for a record.
func markdownName(r *Record) string {
	label := slug(r.Title)
	if label == "" {
		label = string(r.Kind)
	}
	return r.Created.Format("2006-01-02") + "-" + label + "-" + r.ID + ".md"
}

// slug keeps a-z and 0-9 of the folded text, other runs become one '-',
// at most 40 characters.
func slug(s string) string {
	var sb strings.Builder
	dash := false
	for _, c := range fold(s) {
		if c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteRune(c)
			if sb.Len() >= 40 {
				break
			}
		} else {
			dash = true
		}
	}
	return strings.Trim(sb.String(), "-")
}

// markdown renders a record. Front matter values are JSON strings, arrays
// and objects, which are also valid YAML.
func markdown(r *Record) []byte {
	var b bytes.Buffer
	q := func(x any) string {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(x) //nolint:errcheck // strings, slices and maps of strings/ints always encode
		return strings.TrimSuffix(buf.String(), "\n")
	}
	b.WriteString("---\n")
	fmt.Fprintf(&b, "id: %s\nkind: %s\n", r.ID, r.Kind)
	if r.Title != "" {
		fmt.Fprintf(&b, "title: %s\n", q(r.Title))
	}
	fmt.Fprintf(&b, "created: %s\nupdated: %s\n", r.Created.Format("2006-01-02T15:04:05Z07:00"), r.Updated.Format("2006-01-02T15:04:05Z07:00"))
	if len(r.Tags) > 0 {
		fmt.Fprintf(&b, "tags: %s\n", q(r.Tags))
	}
	if len(r.Ratings) > 0 {
		fmt.Fprintf(&b, "ratings: %s\n", q(r.Ratings))
	}
	if len(r.Meta) > 0 {
		fmt.Fprintf(&b, "meta: %s\n", q(r.Meta))
	}
	b.WriteString("---\n\n")
	if r.Title != "" {
		fmt.Fprintf(&b, "# %s\n\n", oneLine(r.Title))
	}
	if r.Body != "" {
		b.WriteString(r.Body)
		if !strings.HasSuffix(r.Body, "\n") {
			b.WriteByte('\n')
		}
	}
	keys := make([]string, 0, len(r.Fields))
	for k := range r.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !bytes.HasSuffix(b.Bytes(), []byte("\n\n")) {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "## %s\n\n%s\n", oneLine(k), r.Fields[k])
	}
	return b.Bytes()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
