package journal

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// fixedVault makes a vault with the sample records at fixed times and one
// revision, so exports are reproducible apart from IDs.
func fixedVault(t *testing.T) (*Vault, []Record) {
	clock := &fakeClock{t: time.Date(2026, 6, 1, 7, 30, 0, 0, time.UTC)}
	v, _, _ := newTestVault(t, WithClock(clock.now))
	var recs []Record
	for _, r := range sampleRecords() {
		recs = append(recs, mustCreate(t, v, r))
		clock.advance(time.Hour)
	}
	r := recs[0]
	r.Body = "Slept better."
	r2, err := v.Update(r)
	if err != nil {
		t.Fatal(err)
	}
	recs[0] = r2
	return v, recs
}

// stableIDs replaces record IDs (random) with placeholders.
func stableIDs(s string, recs []Record) string {
	for i, r := range recs {
		s = strings.ReplaceAll(s, r.ID, "id-"+string(rune('a'+i)))
	}
	return s
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s differs from golden file:\n%s", name, got)
	}
}

func TestExportJSONGoldenAndRoundTrip(t *testing.T) {
	v, recs := fixedVault(t)
	var buf bytes.Buffer
	if err := v.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	golden(t, "export.golden.json", []byte(stableIDs(buf.String(), recs)))

	dst, _, _ := newTestVault(t)
	st, err := dst.ImportJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != len(recs) || st.Revisions != 1 {
		t.Fatalf("stats = %+v", st)
	}
	for _, r := range recs {
		got, err := dst.Get(r.ID)
		if err != nil || !reflect.DeepEqual(got, r) {
			t.Fatalf("import of %s: %+v, %v", r.ID, got, err)
		}
	}
	revs, _ := dst.Revisions(recs[0].ID)
	if len(revs) != 1 || revs[0].Body != sampleRecords()[0].Body {
		t.Fatalf("revision not imported: %+v", revs)
	}
	// Importing twice changes nothing.
	st, err = dst.ImportJSON(bytes.NewReader(buf.Bytes()))
	if err != nil || st.Kept != len(recs) || st.Added+st.Replaced+st.Revisions != 0 {
		t.Fatalf("second import: %+v, %v", st, err)
	}
}

func TestExportMarkdown(t *testing.T) {
	v, recs := fixedVault(t)
	out := filepath.Join(t.TempDir(), "md")
	if err := v.ExportMarkdown(out); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(recs) {
		t.Fatalf("%d files, want %d", len(entries), len(recs))
	}
	var all []string
	for _, e := range entries {
		name := e.Name()
		for _, c := range strings.TrimSuffix(name, ".md") {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				t.Fatalf("unsafe file name %q", name)
			}
		}
		data, _ := os.ReadFile(filepath.Join(out, name))
		all = append(all, "==> "+name+"\n"+string(data))
	}
	golden(t, "export.golden.md", []byte(stableIDs(strings.Join(all, "\n"), recs)))
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Morning pages":          "morning-pages",
		"../../etc/passwd":       "etc-passwd",
		"Café: ça va?":           "cafe-ca-va",
		"CON":                    "con",
		"   ":                    "",
		"日本語":                    "",
		strings.Repeat("ab", 50): strings.Repeat("ab", 20),
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestImportJSONRejects(t *testing.T) {
	v, _, _ := newTestVault(t)
	ok := `{"format":"hearth-journal-export","version":1,"exported":"2026-01-01T00:00:00Z","records":[%s]}`
	rec := `{"v":1,"id":"01jqaaaaaaaaaaaaaaaaaaaaaa","kind":"entry","body":"x","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z"}`
	for name, doc := range map[string]string{
		"not json":       "{",
		"wrong format":   `{"format":"other","version":1,"records":[]}`,
		"future version": `{"format":"hearth-journal-export","version":2,"records":[]}`,
		"trailing data":  strings.Replace(ok, "%s", rec, 1) + "{}",
		"bad kind":       strings.Replace(ok, "%s", strings.Replace(rec, `"entry"`, `"Entry"`, 1), 1),
		"bad id":         strings.Replace(ok, "%s", strings.Replace(rec, "01jqaaaaaaaaaaaaaaaaaaaaaa", "../x", 1), 1),
		"duplicate id":   strings.Replace(ok, "%s", rec+","+rec, 1),
		"empty record":   strings.Replace(ok, "%s", strings.Replace(rec, `"body":"x",`, "", 1), 1),
		"record version": strings.Replace(ok, "%s", strings.Replace(rec, `"v":1`, `"v":9`, 1), 1),
		"year 3000":      strings.Replace(ok, "%s", strings.Replace(rec, `"created":"2026`, `"created":"3000`, 1), 1),
		"foreign rev":    strings.Replace(ok, "%s", strings.Replace(rec, `}`, `,"revisions":[`+strings.Replace(rec, "01jqa", "01jqb", 1)+`]}`, 1), 1),
	} {
		_, err := v.ImportJSON(strings.NewReader(doc))
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		wantErr(t, err, ErrInvalid)
	}
	if list, _ := v.List(Query{}); len(list) != 0 {
		t.Fatalf("rejected imports wrote %d records", len(list))
	}
	// Records without ID or times are accepted and get new ones.
	st, err := v.ImportJSON(strings.NewReader(strings.Replace(ok, "%s", `{"v":1,"kind":"entry","body":"hand written"}`, 1)))
	if err != nil || st.Added != 1 {
		t.Fatalf("minimal record: %+v, %v", st, err)
	}
	// Error messages never carry record text.
	_, err = v.ImportJSON(strings.NewReader(strings.Replace(ok, "%s", strings.Replace(rec, `"kind":"entry"`, `"kind":"SECRETKIND"`, 1), 1)))
	if err == nil || strings.Contains(err.Error(), "SECRETKIND") {
		t.Fatalf("error leaks text: %v", err)
	}
	var doc map[string]any
	var buf bytes.Buffer
	v.ExportJSON(&buf)
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || doc["format"] != "hearth-journal-export" {
		t.Fatalf("export not a document: %v", err)
	}
}
