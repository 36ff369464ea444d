package journal

import (
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/chacha20poly1305"
)

// Badger keys are opaque: "r/<id>" holds the current version of a record,
// "v/<id>/<16 hex digits>" an earlier version (the digits encode that
// version's Updated time, so revisions sort by time and merge without
// duplicates). Kind, title, tags and dates live only in the sealed value.
const (
	recordPrefix   = "r/"
	revisionPrefix = "v/"
)

func recordKey(id string) []byte { return []byte(recordPrefix + id) }

func revisionPrefixOf(id string) []byte { return []byte(revisionPrefix + id + "/") }

func revisionKey(id string, updated time.Time) []byte {
	return fmt.Appendf(nil, "%s%s/%016x", revisionPrefix, id, uint64(updated.UnixNano())^(1<<63))
}

// recordSchemaVersion is the version of the JSON inside sealed values and
// of each record in an ExportJSON document.
const recordSchemaVersion = 1

// recordJSON is the stored and exported form of a record.
type recordJSON struct {
	V       int               `json:"v"`
	ID      string            `json:"id"`
	Kind    Kind              `json:"kind"`
	Title   string            `json:"title,omitempty"`
	Body    string            `json:"body,omitempty"`
	Tags    []string          `json:"tags,omitempty"`
	Created time.Time         `json:"created"`
	Updated time.Time         `json:"updated"`
	Ratings map[string]int    `json:"ratings,omitempty"`
	Fields  map[string]string `json:"fields,omitempty"`
	Meta    map[string]string `json:"meta,omitempty"`
}

func toJSON(r *Record) recordJSON {
	return recordJSON{V: recordSchemaVersion, ID: r.ID, Kind: r.Kind, Title: r.Title, Body: r.Body,
		Tags: r.Tags, Created: r.Created, Updated: r.Updated, Ratings: r.Ratings, Fields: r.Fields, Meta: r.Meta}
}

func (j *recordJSON) record() Record {
	return Record{ID: j.ID, Kind: j.Kind, Title: j.Title, Body: j.Body, Tags: j.Tags,
		Created: j.Created.UTC(), Updated: j.Updated.UTC(), Ratings: j.Ratings, Fields: j.Fields, Meta: j.Meta}
}

// Sealed values are: version byte (1) || 24-byte nonce || ciphertext+tag,
// sealed with XChaCha20-Poly1305 under the record key with the Badger key as
// associated data, so a value moved to another key fails to open.
const sealVersion = 1

var errBadSeal = errors.New("sealed value does not open")

func seal(aead cipher.AEAD, key, plain []byte) ([]byte, error) {
	out := make([]byte, 1+chacha20poly1305.NonceSizeX, 1+chacha20poly1305.NonceSizeX+len(plain)+aead.Overhead())
	out[0] = sealVersion
	if _, err := rand.Read(out[1:]); err != nil {
		return nil, fmt.Errorf("journal: random nonce: %w", err)
	}
	return aead.Seal(out, out[1:1+chacha20poly1305.NonceSizeX], plain, key), nil
}

func unseal(aead cipher.AEAD, key, sealed []byte) ([]byte, error) {
	if len(sealed) < 1+chacha20poly1305.NonceSizeX+aead.Overhead() || sealed[0] != sealVersion {
		return nil, errBadSeal
	}
	plain, err := aead.Open(nil, sealed[1:1+chacha20poly1305.NonceSizeX], sealed[1+chacha20poly1305.NonceSizeX:], key)
	if err != nil {
		return nil, errBadSeal
	}
	return plain, nil
}

// sealRecord encodes and seals r for the Badger key.
func sealRecord(aead cipher.AEAD, key []byte, r *Record) ([]byte, error) {
	plain, err := json.Marshal(toJSON(r))
	if err != nil {
		return nil, fmt.Errorf("journal: encode record: %w", err)
	}
	if len(plain) > maxRecordBytes {
		return nil, fmt.Errorf("%w: record larger than %d MiB", ErrInvalid, maxRecordBytes>>20)
	}
	return seal(aead, key, plain)
}

// unsealRecord opens a sealed value stored under key and checks that it is a
// well-formed record whose ID matches wantID. Every failure is damage.
func unsealRecord(aead cipher.AEAD, key, sealed []byte, wantID string) (Record, error) {
	plain, err := unseal(aead, key, sealed)
	if err != nil {
		return Record{}, damaged("record", err)
	}
	var j recordJSON
	if err := json.Unmarshal(plain, &j); err != nil {
		return Record{}, damaged("record", errors.New("bad record encoding"))
	}
	if j.V != recordSchemaVersion || j.ID != wantID {
		return Record{}, damaged("record", errors.New("record does not match its key"))
	}
	return j.record(), nil
}

// Limits on a record, so one bad import cannot bloat the vault.
const (
	maxTitleBytes  = 4 << 10
	maxBodyBytes   = 8 << 20
	maxTags        = 200
	maxTagBytes    = 200
	maxMapEntries  = 1000
	maxMapKey      = 200
	maxMapValue    = 1 << 20
	maxRecordBytes = 16 << 20 // encoded JSON
)

var (
	minTime = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

// validate checks a record's content (not its ID or times).
func validate(r *Record) error {
	bad := func(what string) error { return fmt.Errorf("%w: %s", ErrInvalid, what) }
	if !r.Kind.Valid() {
		return bad("kind must be 1-40 characters of a-z, 0-9 and -")
	}
	if len(r.Title) > maxTitleBytes || !utf8.ValidString(r.Title) {
		return bad("title too long or not UTF-8")
	}
	if len(r.Body) > maxBodyBytes || !utf8.ValidString(r.Body) {
		return bad("body too long or not UTF-8")
	}
	if len(r.Tags) > maxTags {
		return bad("too many tags")
	}
	for _, t := range r.Tags {
		if t == "" || len(t) > maxTagBytes || !utf8.ValidString(t) {
			return bad("tag empty, too long or not UTF-8")
		}
	}
	if len(r.Ratings) > maxMapEntries || len(r.Fields) > maxMapEntries || len(r.Meta) > maxMapEntries {
		return bad("too many ratings, fields or meta entries")
	}
	for k := range r.Ratings {
		if k == "" || len(k) > maxMapKey || !utf8.ValidString(k) {
			return bad("bad rating name")
		}
	}
	for _, m := range []map[string]string{r.Fields, r.Meta} {
		for k, val := range m {
			if k == "" || len(k) > maxMapKey || len(val) > maxMapValue || !utf8.ValidString(k) || !utf8.ValidString(val) {
				return bad("bad field or meta entry")
			}
		}
	}
	if r.Title == "" && r.Body == "" && len(r.Tags) == 0 && len(r.Ratings) == 0 && len(r.Fields) == 0 && len(r.Meta) == 0 {
		return bad("empty record")
	}
	return nil
}

func validTime(t time.Time) bool { return !t.Before(minTime) && t.Before(maxTime) }

// normalize tidies a record before saving: trims and de-duplicates tags,
// drops empty maps, puts times in UTC without a monotonic reading.
func normalize(r Record) Record {
	var tags []string
	seen := map[string]bool{}
	for _, t := range r.Tags {
		t = trimSpace(t)
		f := fold(t)
		if t == "" || seen[f] {
			continue
		}
		seen[f] = true
		tags = append(tags, t)
	}
	r.Tags = tags
	if len(r.Ratings) == 0 {
		r.Ratings = nil
	}
	if len(r.Fields) == 0 {
		r.Fields = nil
	}
	if len(r.Meta) == 0 {
		r.Meta = nil
	}
	r.Created = r.Created.UTC().Round(0)
	r.Updated = r.Updated.UTC().Round(0)
	return r
}

// clone returns a deep copy, so callers cannot change the index.
func clone(r Record) Record {
	if r.Tags != nil {
		r.Tags = append([]string(nil), r.Tags...)
	}
	if r.Ratings != nil {
		m := make(map[string]int, len(r.Ratings))
		for k, v := range r.Ratings {
			m[k] = v
		}
		r.Ratings = m
	}
	r.Fields = cloneStrings(r.Fields)
	r.Meta = cloneStrings(r.Meta)
	return r
}

func cloneStrings(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// sameContent reports whether two normalized versions of a record say the same thing
// (everything but the Updated time).
func sameContent(a, b Record) bool {
	return a.Kind == b.Kind && a.Title == b.Title && a.Body == b.Body &&
		a.Created.Equal(b.Created) && slices.Equal(a.Tags, b.Tags) &&
		maps.Equal(a.Ratings, b.Ratings) && maps.Equal(a.Fields, b.Fields) && maps.Equal(a.Meta, b.Meta)
}
