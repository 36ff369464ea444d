package critic

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func newEN(t testing.TB) *Spotter {
	t.Helper()
	s, err := New("en")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// marked renders the marks of text as "phrase=kind" strings, for readable tables.
func marked(text string, marks []Mark) []string {
	var out []string
	for _, m := range marks {
		out = append(out, text[m.Start:m.End]+"="+string(m.Kind))
	}
	return out
}

func TestFindTricky(t *testing.T) {
	s := newEN(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain label", "I'm useless.", []string{"I'm useless=label"}},
		{"negated label", "I'm not useless.", nil},
		{"negated by a cue before", "I don't think I'm useless.", nil},
		{"cue with a gap word", "It isn't true that nobody likes me.", nil},
		{"a cue in another sentence does not count", "I don't think so. I'm useless.", []string{"I'm useless=label"}},
		{"a cue across a comma does not count", "Not really, I'm useless.", []string{"I'm useless=label"}},
		{"never with a kind verb", "I never give up on my friends.", nil},
		{"never with a critic verb marks only the absolute", "I never get anything right.", []string{"never=absolute"}},
		{"curly apostrophe", "I’m so stupid", []string{"I’m so stupid=label"}},
		{"left single quote as apostrophe", "I‘m so stupid", []string{"I‘m so stupid=label"}},
		{"capitals", "I'M SO USELESS", []string{"I'M SO USELESS=label"}},
		{"no apostrophe", "im such a failure", []string{"im such a failure=label"}},
		{"past tense", "I was such an idiot.", []string{"I was such an idiot=label"}},
		{"reported speech before", "My dad always said I was useless.", nil},
		{"reported speech after", `"You're useless," he shouted.`, nil},
		{"reported speech in another sentence does not count", "He said hello. I'm useless.", []string{"I'm useless=label"}},
		{"second-person critic", "You idiot. You always ruin everything.", []string{"You idiot=label", "always=absolute", "ruin everything=catastrophising"}},
		{"question that is a critic", "Why am I so stupid?", []string{"Why am I so stupid=label"}},
		{"question that is not", "Does everyone feel this way?", nil},
		{"plan, not a should", "I should call my mum.", nil},
		{"deduction, not a should", "I must have left my keys at work.", nil},
		{"harsh should", "I should have known better.", []string{"I should have known better=should"}},
		{"mind-reading takes the label with it", "They think I'm stupid.", []string{"They think I'm stupid=mind-reading"}},
		{"kind mind-reading is not marked", "She thinks I'm funny.", nil},
		{"can see marks only the guess", "The whole room could see my hands shaking.", []string{"The whole room could see=mind-reading"}},
		{"comparison", "Everyone else manages just fine.", []string{"Everyone else manages=comparison"}},
		{"catastrophe", "It'll be a disaster.", []string{"It'll be a disaster=catastrophising"}},
		{"a disaster of a cake is a description", "It was a disaster of a cake.", nil},
		{"two in one line", "I always mess up, I'm such an idiot.", []string{"always=absolute", "I'm such an idiot=label"}},
		{"phrases do not run across commas", "I'm, useless", nil},
		{"quotes inside a phrase are fine", `I'm "useless"`, []string{`I'm "useless=label`}},
		{"a sentence about dying is left unmarked", "Nobody would care if I disappeared.", nil},
		{"only that sentence", "I'm useless. Nobody would care if I died. I'm useless", []string{"I'm useless=label", "I'm useless=label"}},
		{"empty", "", nil},
		{"only punctuation", "...!?", nil},
		{"non-Latin text", "Я бесполезен. 我很好。", nil},
		{"emoji between words breaks a phrase", "I'm 🙂 useless", nil},
		{"hyphenated label", "I'm good-for-nothing", []string{"I'm good-for-nothing=label"}},
		{"a word is not part of a longer word", "I'm uselessness", nil},
		{"combining accent stays in the word", "I'm useless\u0301", nil},
		{"invalid UTF-8 is punctuation", "I'm\xffuseless", nil},
		{"invalid UTF-8 around a phrase", "\xffI'm useless\xfe", []string{"I'm useless=label"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := marked(tt.text, s.Find(tt.text))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindOffsetsAreBytes(t *testing.T) {
	s := newEN(t)
	text := "Ünïcödé first — then: I’m useless."
	marks := s.Find(text)
	if len(marks) != 1 {
		t.Fatalf("Find(%q) = %v, want one mark", text, marks)
	}
	m := marks[0]
	want := strings.Index(text, "I’m")
	if m.Start != want || text[m.Start:m.End] != "I’m useless" {
		t.Errorf("mark = %+v (%q), want start %d and %q", m, text[m.Start:m.End], want, "I’m useless")
	}
}

func TestNew(t *testing.T) {
	if got := Languages(); !slices.Contains(got, "en") {
		t.Fatalf("Languages() = %v, want it to include en", got)
	}
	for _, lang := range []string{"xx", "", "../en", "EN", "en.toml"} {
		_, err := New(lang)
		if !errors.Is(err, ErrUnknownLanguage) {
			t.Errorf("New(%q) error = %v, want ErrUnknownLanguage", lang, err)
		}
	}
	s := newEN(t)
	if s.Language() != "en" || s.Name() != "English" {
		t.Errorf("Language() = %q, Name() = %q", s.Language(), s.Name())
	}
}

// TestEveryLanguageFile checks what every bundled language must offer.
func TestEveryLanguageFile(t *testing.T) {
	for _, lang := range Languages() {
		s, err := New(lang)
		if err != nil {
			t.Fatalf("New(%q): %v", lang, err)
		}
		for _, k := range Kinds() {
			qs := s.Questions(k)
			if len(qs) < 3 {
				t.Errorf("%s: kind %s has %d questions, want at least 3", lang, k, len(qs))
			}
			for _, q := range qs {
				if !strings.HasSuffix(q, "?") {
					t.Errorf("%s: %s question %q does not end with a question mark", lang, k, q)
				}
			}
			if s.Title(k) == string(k) {
				t.Errorf("%s: kind %s has no title", lang, k)
			}
		}
	}
}

func TestQuestionsIsACopy(t *testing.T) {
	s := newEN(t)
	q := s.Questions(KindLabel)
	q[0] = "changed"
	if s.Questions(KindLabel)[0] == "changed" {
		t.Error("Questions returned the Spotter's own slice")
	}
	if s.Questions("no-such-kind") != nil {
		t.Error("Questions of an unknown kind is not nil")
	}
	if s.Title("no-such-kind") != "no-such-kind" {
		t.Error("Title of an unknown kind is not the kind itself")
	}
}

func TestParseRejects(t *testing.T) {
	const head = "language = \"xx\"\n[lists]\nl = [\"a b\"]\n"
	kind := func(pattern string) string {
		return head + fmt.Sprintf("[[kind]]\nkind = \"label\"\nquestions = [\"Why?\"]\npatterns = [%q]\n", pattern)
	}
	tests := []struct {
		name, src, want string
	}{
		{"bad TOML", "language = ", "toml"},
		{"unknown key", "language = \"xx\"\ncolour = \"red\"\n", "unknown key"},
		{"wrong language", "language = \"en\"\n", "want \"xx\""},
		{"unknown kind", head + "[[kind]]\nkind = \"grumpy\"\nquestions = [\"Why?\"]\n", "unknown kind"},
		{"no questions", head + "[[kind]]\nkind = \"label\"\n", "no questions"},
		{"kind twice", kind("a") + "[[kind]]\nkind = \"label\"\nquestions = [\"Why?\"]\n", "twice"},
		{"unclosed group", kind("(a|b"), "( without )"},
		{"unclosed focus", kind("[a"), "[ without ]"},
		{"stray bracket", kind("a]"), "] without ["},
		{"two focus parts", kind("[a] [b]"), "only one"},
		{"empty focus", kind("a [] b"), "empty"},
		{"optional-only focus", kind("a [b?]"), "no words"},
		{"unknown list", kind("@nope"), "no list"},
		{"nested group", kind("(a (b|c))"), "nested"},
		{"empty alternative", kind("(a||b)"), "empty alternative"},
		{"leading look-ahead", kind("!a b"), "look-ahead"},
		{"optional look-ahead", kind("a !b?"), "optional"},
		{"detached apostrophe", kind("i 've"), "apostrophe"},
		{"empty pattern", kind(" "), "empty"},
		{"bad window", head + "[cues]\nreported_window = 99\n", "reported_window"},
		{"empty cue", head + "[cues]\nnegation = [\" \"]\n", "empty phrase"},
		{"empty list entry", "language = \"xx\"\n[lists]\nl = [\"\"]\n", "empty entry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse("xx", []byte(tt.src))
			if !errors.Is(err, ErrBadPatterns) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parse error = %v, want ErrBadPatterns mentioning %q", err, tt.want)
			}
		})
	}
}

// TestPatternSyntax checks the small pattern language on a file of its own.
func TestPatternSyntax(t *testing.T) {
	src := `language = "xx"
[cues]
negation = ["not"]
gap_words = ["that"]
reported_before = ["said"]
reported_after = ["she said"]
reported_window = 2
[lists]
bad = ["awful", "very bad"]
[[kind]]
kind = "label"
questions = ["Really?"]
patterns = [
  "i am (so|really)? @bad",
  "you are [@bad] (today|now)",
  "it is odd !(looking|socks)",
]
`
	s, err := parse("xx", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"I am awful", []string{"I am awful=label"}},
		{"I am so very bad", []string{"I am so very bad=label"}},
		{"I am very good", nil},
		{"you are awful today", []string{"awful=label"}},
		{"you are awful", nil},
		{"it is odd", []string{"it is odd=label"}},
		{"it is odd socks", nil},
		{"it is odd, socks", []string{"it is odd=label"}},
		{"not I am awful", nil},
		{"not that I am awful", nil},
		{"not so, I am awful", []string{"I am awful=label"}},
		{"he said I am awful", nil},
		{"he said it, then later: I am awful", []string{"I am awful=label"}},
		{"I am awful, she said", nil},
		{"I am awful, and then later she said", []string{"I am awful=label"}},
	}
	for _, tt := range tests {
		got := marked(tt.text, s.Find(tt.text))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	text := "“I’m  good-for-nothing,” she's -- sure... ok\xffI‘M-"
	v := make(vocab)
	for _, w := range []string{"i'm", "good-for-nothing", "ok"} {
		v.intern(w)
	}
	var got []string
	for _, tk := range tokenize(text, v) {
		got = append(got, fmt.Sprintf("%s/%d/%d", text[tk.start:tk.end], tk.gap, tk.id))
		if !utf8.ValidString(text[tk.start:tk.end]) {
			t.Errorf("token %q is not on rune boundaries", text[tk.start:tk.end])
		}
	}
	want := []string{"I’m/2/0", "good-for-nothing/0/1", "she's/1/-1", "sure/1/-1", "ok/2/2", "I‘M/1/0"}
	if !slices.Equal(got, want) {
		t.Errorf("tokenize = %q, want %q", got, want)
	}
}

// checkMarks fails unless marks are sorted, non-overlapping, non-empty, within text and
// on rune boundaries (the places where decoding text rune by rune stops, so an invalid
// byte is a rune of its own).
func checkMarks(t *testing.T, text string, marks []Mark) {
	t.Helper()
	bounds := map[int]bool{len(text): true}
	for i := 0; i < len(text); {
		bounds[i] = true
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	prev := 0
	for _, m := range marks {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad mark %+v after %d in %d bytes", m, prev, len(text))
		}
		if !bounds[m.Start] || !bounds[m.End] {
			t.Fatalf("mark %+v is not on rune boundaries", m)
		}
		if !slices.Contains(Kinds(), m.Kind) {
			t.Fatalf("mark %+v has an unknown kind", m)
		}
		if !utf8.ValidString(text[m.Start:m.End]) {
			t.Fatalf("mark %+v covers invalid UTF-8", m)
		}
		prev = m.End
	}
}

func FuzzFind(f *testing.F) {
	for _, seed := range []string{
		"I'm useless.", "I’m not useless", "I never give up", "You idiot. You always ruin everything.",
		"They think I'm stupid and it'll be a disaster.", "\xffI'm useless\xfe", "I'm 🙂 useless",
		"ÜBER I’M SO STUPID", "Everyone else manages, I should have known.", "",
	} {
		f.Add(seed)
	}
	s := newEN(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkMarks(t, text, s.Find(text))
	})
}
