package main

// The critic command: gently mark phrases that sound like the inner critic.
//
//	hearth critic [--json] [--lang en]   < text
//
// It reads text on standard input and, line by line, prints the phrases that sound like
// the inner critic, what kind each is, and a compassionate question to consider:
//
//	3: "always" (absolute) — Is it truly always, or does it feel that way right now?
//
// Line numbers start at 1. Each kind's questions are offered in turn, so a text with
// several phrases of one kind gets different questions. If nothing is marked, it says so.
//
// With --json it prints JSON Lines instead: one compact object per input line that has
// at least one mark (lines without marks are left out), in order:
//
//	{"line": 3, "marks": [{"start": 2, "end": 8, "kind": "absolute",
//	  "text": "always", "question": "Is it truly always, …?"}]}
//
// start and end are byte offsets into that line (without its line ending), so
// line[start:end] == text. The marked phrases are the user's own words: they go to
// standard output only, never to standard error.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hearth-app/hearth/resources/critic"
)

// maxCriticInput is the most text critic reads from standard input.
const maxCriticInput = 16 << 20

// criticMark is one mark in the --json output.
type criticMark struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Kind     string `json:"kind"`
	Text     string `json:"text"`
	Question string `json:"question"`
}

// criticLine is one line of the --json output.
type criticLine struct {
	Line  int          `json:"line"`
	Marks []criticMark `json:"marks"`
}

func runCritic(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "critic", "[--json] [--lang CODE]  < text")
	asJSON := f.Bool("json", false, "print JSON Lines: one object per input line that has marks")
	lang := f.String("lang", "en", "language of the text ("+strings.Join(critic.Languages(), ", ")+")")
	pos, err := f.parse(args)
	if err != nil {
		return quietHelp(err)
	}
	if err := noArgs("critic", pos, ": give it text on standard input, like: hearth critic < FILE"); err != nil {
		return err
	}
	s, err := critic.New(*lang)
	if errors.Is(err, critic.ErrUnknownLanguage) {
		return usageError("--lang must be one of: %s", strings.Join(critic.Languages(), ", "))
	}
	if err != nil {
		return fmt.Errorf("critic: %w", err)
	}
	if e.prompt != nil {
		fmt.Fprintln(e.stderr, "Type or paste your text, then press Ctrl-D (on Windows, Ctrl-Z then Enter).")
	}

	out := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	asked := make(map[critic.Kind]int) // how many questions of each kind were offered
	question := func(k critic.Kind) string {
		qs := s.Questions(k)
		if len(qs) == 0 {
			return ""
		}
		q := qs[asked[k]%len(qs)]
		asked[k]++
		return q
	}

	in := bufio.NewReader(io.LimitReader(e.stdin, maxCriticInput+1))
	read, marked := 0, false
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, rerr := in.ReadString('\n')
		read += len(line)
		if read > maxCriticInput {
			return usageError("the text on standard input is larger than %d MiB; try a smaller part", maxCriticInput>>20)
		}
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return fmt.Errorf("reading standard input: %w", rerr)
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if marks := s.Find(line); len(marks) > 0 {
			marked = true
			if err := writeCriticLine(out, enc, *asJSON, n, line, marks, question); err != nil {
				return err
			}
		}
		if rerr != nil { // io.EOF
			break
		}
	}
	if !marked && !*asJSON {
		fmt.Fprintln(out, "Nothing here sounds like the inner critic.")
	}
	return out.Flush()
}

// writeCriticLine prints the marks of line n, as text or as one JSON object.
func writeCriticLine(w io.Writer, enc *json.Encoder, asJSON bool, n int, line string, marks []critic.Mark, question func(critic.Kind) string) error {
	if asJSON {
		cl := criticLine{Line: n, Marks: make([]criticMark, len(marks))}
		for i, m := range marks {
			cl.Marks[i] = criticMark{Start: m.Start, End: m.End, Kind: string(m.Kind),
				Text: line[m.Start:m.End], Question: question(m.Kind)}
		}
		return enc.Encode(cl)
	}
	for _, m := range marks {
		if _, err := fmt.Fprintf(w, "%d: \"%s\" (%s) — %s\n", n, line[m.Start:m.End], m.Kind, question(m.Kind)); err != nil {
			return err
		}
	}
	return nil
}
