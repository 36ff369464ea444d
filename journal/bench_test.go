package journal

import (
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The 10,000-record vault is built once per test process and shared by the
// benchmarks (they open it themselves, one at a time).
const benchRecords = 10_000

var bench struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

var syllables = []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vé", "zu", "pa", "ri", "do", "fe", "gu", "hi", "jo", "ça", "be", "ny", "wo"}

// benchText returns n pseudo-random words from a fixed vocabulary.
func benchText(rng *rand.Rand, n int) string {
	var sb strings.Builder
	for i := range n {
		if i > 0 {
			sb.WriteByte(' ')
		}
		for range 2 + rng.IntN(3) {
			sb.WriteString(syllables[rng.IntN(len(syllables))])
		}
	}
	return sb.String()
}

// benchVault returns the directory of the shared 10k vault (key: fixedDEK).
func benchVault(b *testing.B) string {
	bench.once.Do(func() {
		bench.dir, bench.err = os.MkdirTemp("", "hearth-bench-")
		if bench.err != nil {
			return
		}
		start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		v := createWithDEK(b, bench.dir, WithClock(func() time.Time { return start }))
		rng := rand.New(rand.NewPCG(1, 2))
		groups := map[string][]Record{}
		for i := range benchRecords {
			created := start.Add(time.Duration(i) * 97 * time.Minute)
			id, err := v.ids.next(created)
			if err != nil {
				bench.err = err
				return
			}
			r := Record{ID: id, Kind: KindEntry, Title: benchText(rng, 4), Body: benchText(rng, 150),
				Tags: []string{benchText(rng, 1), benchText(rng, 1)}, Created: created, Updated: created}
			if i%10 == 0 {
				r.Kind = KindThoughtRecord
				r.Fields = map[string]string{"situation": benchText(rng, 10), "compassionate": benchText(rng, 10)}
			}
			groups[id] = []Record{r}
		}
		if _, bench.err = v.merge(groups); bench.err != nil {
			return
		}
		bench.err = v.Close()
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.dir
}

func openBench(b *testing.B) *Vault {
	dir := benchVault(b)
	env, err := readEnvelope(dir)
	if err != nil {
		b.Fatal(err)
	}
	v, err := openUnlocked(dir, env, append([]byte(nil), fixedDEK...), buildOptions(nil), false)
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// BenchmarkOpen measures opening after key derivation: Badger open plus
// decrypting all records into the search index.
func BenchmarkOpen(b *testing.B) {
	benchVault(b)
	var cpu time.Duration
	for b.Loop() {
		c0 := processCPU()
		v := openBench(b)
		cpu += processCPU() - c0
		if len(v.idx.order) < benchRecords {
			b.Fatalf("index has %d records", len(v.idx.order))
		}
		v.Close()
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkOpenHeap reports the Go heap in use with the 10k vault open.
func BenchmarkOpenHeap(b *testing.B) {
	v := openBench(b)
	defer v.Close()
	var ms runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&ms)
	}
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "alloc-MiB")
}

func BenchmarkSearch(b *testing.B) {
	v := openBench(b)
	defer v.Close()
	for _, q := range []string{"kaloMI", "kalo vé", "zzzz"} {
		b.Run(q, func(b *testing.B) {
			n := 0
			c0 := processCPU()
			for b.Loop() {
				res, err := v.Search(q, Query{})
				if err != nil {
					b.Fatal(err)
				}
				n = len(res)
			}
			b.ReportMetric(float64(n), "hits")
			b.ReportMetric(float64((processCPU()-c0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

func BenchmarkListNewest100(b *testing.B) {
	v := openBench(b)
	defer v.Close()
	for b.Loop() {
		res, err := v.List(Query{Limit: 100})
		if err != nil || len(res) != 100 {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave measures a durable save (Create returns after fsync) of a
// ~1 KB entry into the 10k vault and reports the 99th percentile.
func BenchmarkSave(b *testing.B) {
	v := openBench(b)
	defer v.Close()
	rng := rand.New(rand.NewPCG(3, 4))
	body := benchText(rng, 150)
	var times []time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := v.Create(Record{Kind: KindEntry, Title: "bench", Body: body}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	slices.Sort(times)
	p := func(q float64) float64 { return float64(times[int(q*float64(len(times)-1))].Microseconds()) / 1000 }
	b.ReportMetric(p(0.50), "p50-ms")
	b.ReportMetric(p(0.99), "p99-ms")
}

// BenchmarkKDFDefault shows what the default Argon2id costs here.
func BenchmarkKDFDefault(b *testing.B) {
	vaultID := make([]byte, vaultIDLen)
	s, err := sealSlot(slotPassphrase, "pass", DefaultKDF(), vaultID, fixedDEK)
	if err != nil {
		b.Fatal(err)
	}
	env := &envelope{Format: keyFileFormat, Version: keyFileVersion, VaultID: vaultID, Slots: []slot{s}}
	for b.Loop() {
		if _, err := openSlot(env, slotPassphrase, "pass"); err != nil {
			b.Fatal(err)
		}
	}
}
