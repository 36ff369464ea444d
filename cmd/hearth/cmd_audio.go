package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/hearth-app/hearth/audio"
	"github.com/hearth-app/hearth/resources"
)

// soundCheckID is a short practice the command line always has: bells and two shown
// steps, for checking levels and that rendering works (it needs no content at all).
const soundCheckID = "sound-check"

func soundCheck() *resources.Practice {
	return &resources.Practice{
		ID:            soundCheckID,
		Title:         "Sound check",
		Summary:       "A minute of bells and quiet, to set your volume.",
		Category:      resources.CategorySilent,
		Kind:          resources.KindGuided,
		Lengths:       []int{1},
		DefaultLength: 1,
		PackID:        "hearth-cli",
		PackTitle:     "Hearth command line",
		Steps: []resources.Step{
			{Text: "This is Hearth's sound check. Set the volume so the bell feels soft and clear.", Pause: 10 * time.Second, Stretch: true},
			{Text: "That is all. The closing bell comes next.", Pause: 5 * time.Second, Stretch: true},
		},
	}
}

// practiceList is every practice the commands can play: the library's (built-in and
// imported packs) and the sound check.
func (e *env) practiceList() ([]*resources.Practice, []error) {
	var warnings []error
	list := []*resources.Practice{}
	dir, err := e.vaultDir()
	var lib *resources.Library
	if err == nil {
		lib, err = resources.LoadLibrary(dir)
	}
	if err != nil {
		warnings = append(warnings, fmt.Errorf("could not load the practices: %w", err))
	} else {
		list = append(list, lib.Practices...)
		for _, b := range lib.Broken {
			warnings = append(warnings, fmt.Errorf("pack %s is left out: %w", b.ID, b.Err))
		}
	}
	return append(list, soundCheck()), warnings
}

func findPractice(list []*resources.Practice, id string) *resources.Practice {
	for _, p := range list {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// practiceInfo is one line of `hearth practices --json`.
type practiceInfo struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Kind          string `json:"kind"`
	Category      string `json:"category"`
	Lengths       []int  `json:"lengths"`
	DefaultLength int    `json:"default_length"`
	Voice         string `json:"voice"` // "synthesised", "recorded", "text" or "none"
	Pack          string `json:"pack"`
	Problem       string `json:"problem,omitempty"`
}

func voiceOf(p *resources.Practice) string {
	if p.Kind != resources.KindGuided {
		return "none"
	}
	if p.Audio != "" {
		return "recorded"
	}
	for _, s := range p.Steps {
		if s.Clip != "" {
			if p.SynthesisedVoice {
				return "synthesised"
			}
			return "recorded"
		}
	}
	return "text"
}

// runPractices lists the practices and the lengths each can be played at.
func runPractices(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("practices", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: hearth practices [--json]\n\nLists the practices you can play or render, with the lengths (in minutes) each can play at.")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("practices takes no arguments")
	}
	list, warnings := e.practiceList()
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "hearth: %v\n", w)
	}
	infos := make([]practiceInfo, 0, len(list))
	for _, p := range list {
		if err := ctx.Err(); err != nil {
			return err
		}
		info := practiceInfo{ID: p.ID, Title: p.Title, Kind: string(p.Kind), Category: string(p.Category),
			DefaultLength: p.DefaultLength, Voice: voiceOf(p), Pack: p.PackID, Lengths: []int{}}
		lengths, err := audio.AvailableLengths(p, audio.Options{})
		if err != nil {
			info.Problem = err.Error()
		} else {
			info.Lengths = lengths
		}
		infos = append(infos, info)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(infos)
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tMINUTES\tKIND\tVOICE\tTITLE")
	for _, in := range infos {
		mins := strings.Trim(strings.ReplaceAll(fmt.Sprint(in.Lengths), " ", ","), "[]")
		if in.Problem != "" {
			mins = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", in.ID, mins, in.Kind, in.Voice, in.Title)
	}
	return tw.Flush()
}

// splitArgs lets the practice ID come before or after the flags.
func splitArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// runRender renders a practice to a WAV file.
func runRender(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	minutes := fs.Int("minutes", 0, "length in minutes (default: the practice's default length)")
	out := fs.String("out", "", "the WAV file to write (required)")
	bg := fs.String("background", "none", "background: none, pink, brown, rain or ocean")
	bell := fs.String("bell", "bowl", "bell at the start and end: bowl, chime or low")
	noBells := fs.Bool("no-bells", false, "leave out the start and end bells")
	interval := fs.Float64("interval", 0, "timer and pacer: ring a soft bell every this many minutes")
	bpm := fs.Float64("bpm", audio.DefaultPacer().BreathsPerMinute, "pacer: breaths per minute (4-7)")
	ratio := fs.Float64("ratio", audio.DefaultPacer().OutRatio, "pacer: out-breath length / in-breath length")
	hold := fs.Float64("hold", 0, "pacer: seconds to hold after each in- and out-breath")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: hearth render PRACTICE --minutes N --out FILE.wav [--background NAME]\n\nRenders a practice to a 16-bit 44.1 kHz stereo WAV file. Flags:")
		fs.PrintDefaults()
	}
	pos, err := splitArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError("%v", err)
	}
	if len(pos) != 1 {
		return usageError("render needs one practice ID (see \"hearth practices\")")
	}
	if *out == "" {
		return usageError("render needs --out FILE.wav")
	}
	o := audio.Options{NoBells: *noBells, IntervalBell: audio.BellChime}
	if o.Background, err = audio.ParseBackground(*bg); err != nil {
		return usageError("%v", err)
	}
	if o.Bell, err = audio.ParseBell(*bell); err != nil {
		return usageError("%v", err)
	}
	if *interval < 0 {
		return usageError("--interval cannot be negative")
	}
	o.Interval = time.Duration(*interval * float64(time.Minute))
	pacer := audio.Pacer{BreathsPerMinute: *bpm, OutRatio: *ratio,
		HoldIn: time.Duration(*hold * float64(time.Second)), HoldOut: time.Duration(*hold * float64(time.Second))}
	if err := pacer.Validate(); err != nil {
		return usageError("%v", err)
	}

	list, warnings := e.practiceList()
	p := findPractice(list, pos[0])
	if p == nil {
		for _, w := range warnings {
			fmt.Fprintf(e.stderr, "hearth: %v\n", w)
		}
		return usageError("there is no practice %q (see \"hearth practices\")", pos[0])
	}
	m := *minutes
	if m == 0 {
		m = p.DefaultLength
	}
	if m < 1 || m > 180 {
		return usageError("--minutes must be between 1 and 180")
	}
	if p.Kind == resources.KindGuided {
		avail, err := audio.AvailableLengths(p, o)
		if err != nil {
			return fmt.Errorf("practice %s cannot be played: %w", p.ID, err)
		}
		if p.Audio == "" && !slices.Contains(avail, m) {
			return usageError("%s plays at %v minutes, not %d", p.ID, avail, m)
		}
	}
	o.Length = time.Duration(m) * time.Minute
	s, err := audio.SessionForPractice(p, o, pacer)
	if err != nil {
		return err
	}
	for _, w := range s.Warnings() {
		fmt.Fprintf(e.stderr, "hearth: %v (shown as text instead)\n", w)
	}
	if err := renderFile(ctx, s, *out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %s: %s, %s, 44.1 kHz stereo.\n", *out, p.Title, s.Duration().Round(time.Second))
	return nil
}

// renderFile renders into a temporary file next to name and renames it into place, so
// an interrupted render never leaves a half-written file under the final name.
func renderFile(ctx context.Context, s *audio.Session, name string) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".hearth-render-*.wav")
	if err != nil {
		return fmt.Errorf("could not create the output file: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	rerr := audio.Render(ctx, s, f, audio.DefaultVolumes())
	if rerr != nil && !errors.Is(rerr, audio.ErrDecode) {
		f.Close()
		return fmt.Errorf("rendering: %w", rerr)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if rerr != nil {
		return fmt.Errorf("the file was written, but part of a recording was silent: %w", rerr)
	}
	return nil
}
