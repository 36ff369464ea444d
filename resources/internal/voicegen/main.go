// Command voicegen makes the synthesised voice clips of Hearth's built-in practices.
//
// It is run by `go generate ./resources/...` from the resources folder. For every spoken
// step of every guided practice in content/practices it splits the text into
// sentences, speaks each with festival's text2wave and the cmu_us_slt_arctic_hts voice,
// slows it a little with sox (tempo 0.9, which keeps the pitch), joins the sentences
// with 0.8 s of silence, adds a touch of room (reverb 15), normalises to -3 dBFS,
// resamples to 22.05 kHz mono and encodes it with oggenc -q 2 as
// voice/<practice-id>/<NN>.ogg (NN = the 1-based step number). voice/manifest.json
// records each clip with its length and the SHA-256 of the text it speaks, so only
// clips whose text (or the pipeline) changed are made again, and clips of steps that
// no longer exist are deleted.
//
// Needs festival, festvox-us-slt-hts, sox and vorbis-tools (Debian package names).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hearth-app/hearth/resources"
)

// pipeline describes the processing; changing it makes every clip again.
const pipeline = "text2wave voice_cmu_us_slt_arctic_hts; sox tempo 0.9; join with 0.8 s silence; " +
	"pad 0 0.4 reverb 15 gain -n -3 rate 22050 channels 1; oggenc -q 2 (v1)"

// voiceName is recorded in the manifest.
const voiceName = "festival cmu_us_slt_arctic_hts (synthesised)"

func main() {
	content := flag.String("content", "content", "folder holding practices/")
	root := flag.String("root", ".", "folder that holds voice/ (the resources folder)")
	jobs := flag.Int("jobs", 2, "clips made at once")
	force := flag.Bool("force", false, "make every clip again")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("voicegen: ")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *content, *root, *jobs, *force); err != nil {
		log.Fatal(err)
	}
}

// job is one clip to make.
type job struct {
	clip resources.VoiceClip
	text string
}

func run(ctx context.Context, contentDir, root string, jobs int, force bool) error {
	for _, tool := range []string{"text2wave", "sox", "soxi", "oggenc"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is not installed (apt install festival festvox-us-slt-hts sox libsox-fmt-all vorbis-tools)", tool)
		}
	}
	practices, err := readPractices(filepath.Join(contentDir, "practices"))
	if err != nil {
		return err
	}
	manifestPath := filepath.Join(root, filepath.FromSlash(resources.VoiceManifestFile))
	old := readManifest(manifestPath)
	have := map[string]resources.VoiceClip{}   // by file
	byText := map[string]resources.VoiceClip{} // by text hash, to reuse moved steps
	if old.Pipeline == pipeline && !force {
		for _, c := range old.Clips {
			have[c.File] = c
			byText[c.TextSHA256] = c
		}
	}

	var keep []resources.VoiceClip
	var todo []job
	for _, p := range practices {
		for i, s := range p.Steps {
			if !s.Speak || s.Text == "" {
				continue
			}
			c := resources.VoiceClip{Practice: p.ID, Step: i + 1, File: resources.ClipFile(p.ID, i+1), TextSHA256: resources.TextHash(s.Text)}
			if prev, ok := have[c.File]; ok && prev.TextSHA256 == c.TextSHA256 && exists(filepath.Join(root, c.File)) {
				keep = append(keep, prev)
				continue
			}
			todo = append(todo, job{clip: c, text: s.Text})
		}
	}
	// A step that only moved (a step was added or removed before it) keeps its clip:
	// read all of those first, then write them, so no copy reads a file already replaced.
	var reused []resources.VoiceClip
	var reusedData [][]byte
	var rest []job
	for _, j := range todo {
		prev, ok := byText[j.clip.TextSHA256]
		if !ok {
			rest = append(rest, j)
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(prev.File)))
		if err != nil {
			rest = append(rest, j)
			continue
		}
		c := j.clip
		c.Seconds = prev.Seconds
		reused, reusedData = append(reused, c), append(reusedData, data)
	}
	for i, c := range reused {
		out := filepath.Join(root, filepath.FromSlash(c.File))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(out, reusedData[i], 0o644); err != nil {
			return err
		}
	}
	keep = append(keep, reused...)
	todo = rest
	log.Printf("%d clips up to date, %d moved, %d to make", len(keep)-len(reused), len(reused), len(todo))

	made, err := makeAll(ctx, root, todo, jobs)
	keep = append(keep, made...)
	// Write what was made even when some failed, so the work is not lost.
	slices.SortFunc(keep, func(a, b resources.VoiceClip) int {
		return strings.Compare(fmt.Sprintf("%s/%03d", a.Practice, a.Step), fmt.Sprintf("%s/%03d", b.Practice, b.Step))
	})
	vm := resources.VoiceManifest{Voice: voiceName, Synthesised: true, Pipeline: pipeline, Clips: keep}
	if werr := writeManifest(manifestPath, vm); werr != nil {
		return werr
	}
	if err != nil {
		return err
	}
	return removeStale(root, keep)
}

// readPractices parses every practice file; a file with problems stops the run.
func readPractices(dir string) ([]resources.Practice, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	var out []resources.Practice
	var bad []string
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		p, probs := resources.ParsePractice("practices/"+filepath.Base(name), data)
		for _, pr := range probs {
			bad = append(bad, pr.String())
		}
		if len(probs) == 0 && p.Kind == resources.KindGuided {
			out = append(out, p)
		}
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("fix the practices first:\n%s", strings.Join(bad, "\n"))
	}
	return out, nil
}

func readManifest(path string) resources.VoiceManifest {
	var vm resources.VoiceManifest
	if data, err := os.ReadFile(path); err == nil {
		if err := json.Unmarshal(data, &vm); err != nil {
			log.Printf("ignoring unreadable %s: %v", path, err)
		}
	}
	return vm
}

func writeManifest(path string, vm resources.VoiceManifest) error {
	if vm.Clips == nil {
		vm.Clips = []resources.VoiceClip{}
	}
	data, err := json.MarshalIndent(vm, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// makeAll makes the clips with jobs workers and returns those that were made.
func makeAll(ctx context.Context, root string, todo []job, jobs int) ([]resources.VoiceClip, error) {
	var (
		mu   sync.Mutex
		made []resources.VoiceClip
		errs []error
		wg   sync.WaitGroup
	)
	ch := make(chan job)
	for range max(jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				secs, err := makeClip(ctx, filepath.Join(root, filepath.FromSlash(j.clip.File)), j.text)
				mu.Lock()
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", j.clip.File, err))
				} else {
					j.clip.Seconds = secs
					made = append(made, j.clip)
					if len(made)%20 == 0 {
						log.Printf("%d/%d made", len(made), len(todo))
					}
				}
				mu.Unlock()
			}
		}()
	}
	for _, j := range todo {
		if ctx.Err() != nil {
			break
		}
		ch <- j
	}
	close(ch)
	wg.Wait()
	if ctx.Err() != nil {
		errs = append(errs, ctx.Err())
	}
	return made, errors.Join(errs...)
}

// makeClip speaks text into the OGG file out and returns its length in seconds.
func makeClip(ctx context.Context, out, text string) (float64, error) {
	tmp, err := os.MkdirTemp("", "voicegen-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	var parts []string
	silence := filepath.Join(tmp, "silence.wav")
	for i, sentence := range splitSentences(speakable(text)) {
		raw := filepath.Join(tmp, fmt.Sprintf("raw%02d.wav", i))
		slow := filepath.Join(tmp, fmt.Sprintf("slow%02d.wav", i))
		tts := exec.CommandContext(ctx, "text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", "-o", raw)
		tts.Stdin = strings.NewReader(sentence + "\n")
		if err := runCmd(tts); err != nil {
			return 0, err
		}
		if err := runCmd(exec.CommandContext(ctx, "sox", raw, slow, "tempo", "0.9")); err != nil {
			return 0, err
		}
		if i == 0 {
			rate, err := output(ctx, "soxi", "-r", slow)
			if err != nil {
				return 0, err
			}
			if err := runCmd(exec.CommandContext(ctx, "sox", "-n", "-r", rate, "-c", "1", "-b", "16", silence, "trim", "0", "0.8")); err != nil {
				return 0, err
			}
		} else {
			parts = append(parts, silence)
		}
		parts = append(parts, slow)
	}
	if len(parts) == 0 {
		return 0, errors.New("nothing to say")
	}
	final := filepath.Join(tmp, "final.wav")
	args := append(append([]string{}, parts...), final,
		"pad", "0", "0.4", "reverb", "15", "gain", "-n", "-3", "rate", "22050", "channels", "1")
	if err := runCmd(exec.CommandContext(ctx, "sox", args...)); err != nil {
		return 0, err
	}
	d, err := output(ctx, "soxi", "-D", final)
	if err != nil {
		return 0, err
	}
	secs, err := strconv.ParseFloat(d, 64)
	if err != nil {
		return 0, fmt.Errorf("clip length %q: %w", d, err)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return 0, err
	}
	// A serial number from the file name keeps the output the same from run to run.
	h := fnv.New32a()
	h.Write([]byte(out))
	serial := strconv.Itoa(int(h.Sum32() & 0x7fffffff))
	if err := runCmd(exec.CommandContext(ctx, "oggenc", "-Q", "-q", "2", "-s", serial, "-o", out+".tmp", final)); err != nil {
		return 0, err
	}
	return float64(int(secs*100+0.5)) / 100, os.Rename(out+".tmp", out)
}

func runCmd(c *exec.Cmd) error {
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		return fmt.Errorf("%s: %w: %s", filepath.Base(c.Path), err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

func output(ctx context.Context, name string, args ...string) (string, error) {
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// removeStale deletes clip files and practice folders under voice/ that the manifest
// no longer lists.
func removeStale(root string, keep []resources.VoiceClip) error {
	want := map[string]bool{}
	for _, c := range keep {
		want[filepath.Join(root, filepath.FromSlash(c.File))] = true
	}
	voiceDir := filepath.Join(root, "voice")
	err := filepath.WalkDir(voiceDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(p, ".ogg") && !want[p] {
			log.Printf("removing stale %s", p)
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Then the folders of practices that no longer exist.
	entries, err := os.ReadDir(voiceDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if dir := filepath.Join(voiceDir, e.Name()); e.IsDir() {
			if files, _ := os.ReadDir(dir); len(files) == 0 {
				os.Remove(dir)
			}
		}
	}
	return nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// speakable replaces typography festival reads badly (it expects plain ASCII).
func speakable(s string) string {
	r := strings.NewReplacer(
		"\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`,
		" \u2014 ", ", ", "\u2014", ", ", " \u2013 ", ", ", "\u2013", " to ",
		"\u2026", "...", "\u00a0", " ", "\n", " ",
	)
	return strings.Join(strings.Fields(r.Replace(s)), " ")
}

// sentenceEnd matches the end of a sentence: . ! ? (or ...), maybe a closing quote,
// then space.
var sentenceEnd = regexp.MustCompile(`[.!?]+["')]?\s+`)

// splitSentences splits text into sentences, keeping their punctuation.
func splitSentences(text string) []string {
	var out []string
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		if s := strings.TrimSpace(text[last:m[1]]); s != "" {
			out = append(out, s)
		}
		last = m[1]
	}
	if s := strings.TrimSpace(text[last:]); s != "" {
		out = append(out, s)
	}
	return out
}
