package ui

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/hearth-app/hearth/journal"
)

func TestEstimateStrength(t *testing.T) {
	tests := []struct {
		pass string
		want Strength
	}{
		{"", StrengthTooShort},
		{"abc", StrengthTooShort},
		{"seven77", StrengthTooShort},
		{"ÅÄÖåäöü", StrengthTooShort}, // 7 runes, more bytes
		{"password", StrengthWeak},
		{"aaaaaaaaaaaaaaaaaaaa", StrengthWeak}, // long but one character
		{"abababababababab", StrengthWeak},
		{"Password1", StrengthFair},
		{"Tr0ub4dor&3", StrengthGood},
		{"quiet river morning light", StrengthStrong},
		{"correct horse battery staple", StrengthStrong},
	}
	for _, tt := range tests {
		got, bits := EstimateStrength(tt.pass)
		if got != tt.want {
			t.Errorf("EstimateStrength(%q) = %d (%.0f bits), want %d", tt.pass, got, bits, tt.want)
		}
	}
}

func TestParseTags(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" , ,", nil},
		{"calm", []string{"calm"}},
		{"calm, gratitude", []string{"calm", "gratitude"}},
		{"Calm,calm , CALM", []string{"Calm"}},
		{"  self   kindness ,work", []string{"self kindness", "work"}},
		{strings.Repeat("x", 50), []string{strings.Repeat("x", maxTagRunes)}},
	}
	for _, tt := range tests {
		if got := ParseTags(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("ParseTags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := FormatTags([]string{"a", "b c"}); got != "a, b c" {
		t.Errorf("FormatTags = %q", got)
	}
}

func FuzzParseTags(f *testing.F) {
	for _, s := range []string{"", "calm, gratitude", ",,,", "a,A", " x ,\ty\n", "ünïcödé, 日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tags := ParseTags(s)
		seen := map[string]bool{}
		for _, tag := range tags {
			if tag == "" || strings.Contains(tag, ",") || tag != strings.TrimSpace(tag) {
				t.Fatalf("bad tag %q from %q", tag, s)
			}
			if utf8.ValidString(s) && utf8.RuneCountInString(tag) > maxTagRunes {
				t.Fatalf("tag %q longer than %d runes", tag, maxTagRunes)
			}
			if seen[strings.ToLower(tag)] {
				t.Fatalf("duplicate tag %q from %q", tag, s)
			}
			seen[strings.ToLower(tag)] = true
		}
		// Formatting and parsing again changes nothing.
		if again := ParseTags(FormatTags(tags)); !slices.Equal(again, tags) {
			t.Fatalf("round trip %q -> %q", tags, again)
		}
	})
}

func TestDisplayRecoveryCode(t *testing.T) {
	code := strings.Repeat("ABCD", 8)
	want := "ABCD  ABCD  ABCD  ABCD\nABCD  ABCD  ABCD  ABCD"
	if got := displayRecoveryCode(code); got != want {
		t.Errorf("displayRecoveryCode = %q, want %q", got, want)
	}
	if n, err := journal.NormalizeRecoveryCode(displayRecoveryCode(code)); err != nil || n != code {
		t.Errorf("the displayed code does not read back: %q, %v", n, err)
	}
}

func TestEntryTitle(t *testing.T) {
	tests := []struct {
		r    journal.Record
		want string
	}{
		{journal.Record{Title: "  Evening  "}, "Evening"},
		{journal.Record{Title: "A\tslow   day"}, "A slow day"},
		{journal.Record{Body: "\n\n  First line\nsecond"}, "First line"},
		{journal.Record{}, "Untitled"},
		{journal.Record{Body: strings.Repeat("ö", 500)}, strings.Repeat("ö", maxRowTitle)},
	}
	for _, tt := range tests {
		if got := entryTitle(tt.r); got != tt.want {
			t.Errorf("entryTitle(%+v) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestFormatShortDate(t *testing.T) {
	now := time.Date(2026, 11, 25, 18, 0, 0, 0, time.Local)
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 11, 25, 9, 5, 0, 0, time.Local), "Today, 09:05"},
		{time.Date(2026, 11, 24, 23, 59, 0, 0, time.Local), "Yesterday, 23:59"},
		{time.Date(2026, 11, 2, 12, 0, 0, 0, time.Local), "Mon 2 Nov"},
		{time.Date(2025, 12, 31, 12, 0, 0, 0, time.Local), "31 Dec 2025"},
	}
	for _, tt := range tests {
		if got := formatShortDate(tt.t, now); got != tt.want {
			t.Errorf("formatShortDate(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestThemeColoursAndSizes(t *testing.T) {
	test.NewTempApp(t)
	light, dark := NewTheme(AppearanceLight, 1), NewTheme(AppearanceDark, 1)
	system := NewTheme(AppearanceSystem, 1)
	for _, tt := range []struct {
		th      *Theme
		variant string
		want    string
	}{
		{light, "dark", "#faf6f0"},
		{dark, "light", "#1d2022"},
		{system, "light", "#faf6f0"},
		{system, "dark", "#1d2022"},
	} {
		v := theme.VariantLight
		if tt.variant == "dark" {
			v = theme.VariantDark
		}
		if got := hex(tt.th.Color(theme.ColorNameBackground, v)); got != tt.want {
			t.Errorf("background (%s asked) = %s, want %s", tt.variant, got, tt.want)
		}
	}
	if got := hex(light.Color(theme.ColorNamePrimary, theme.VariantLight)); got != "#4a7a6c" {
		t.Errorf("light primary = %s", got)
	}
	if got := light.Size(theme.SizeNameText); got != baseTextSize {
		t.Errorf("text size = %v, want %v", got, baseTextSize)
	}
	if got := NewTheme(AppearanceLight, 1.2).Size(theme.SizeNameText); got != baseTextSize*1.2 {
		t.Errorf("scaled text size = %v", got)
	}
	if got := NewTheme(AppearanceLight, 9).Size(theme.SizeNameText); got != baseTextSize*1.6 {
		t.Errorf("text scale is not clamped: %v", got)
	}
}

func hex(c interface{ RGBA() (r, g, b, a uint32) }) string {
	r, g, b, _ := c.RGBA()
	const digits = "0123456789abcdef"
	out := []byte{'#'}
	for _, v := range []uint32{r >> 8, g >> 8, b >> 8} {
		out = append(out, digits[v>>4], digits[v&15])
	}
	return string(out)
}

func FuzzEstimateStrength(f *testing.F) {
	for _, s := range []string{"", "password", "quiet river morning light", "ÅÄÖåäöü!", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		s, bits := EstimateStrength(p)
		if s < StrengthTooShort || s > StrengthStrong || bits < 0 {
			t.Fatalf("EstimateStrength(%q) = %d, %v", p, s, bits)
		}
		if (utf8.RuneCountInString(p) < minPassphraseRune) != (s == StrengthTooShort) {
			t.Fatalf("EstimateStrength(%q) = %d: the 8-character rule is not what decides too short", p, s)
		}
		// Repeating a passphrase never makes it weaker.
		if s2, _ := EstimateStrength(p + p); s2 < s {
			t.Fatalf("%q rates %d but doubled rates %d", p, s, s2)
		}
	})
}
