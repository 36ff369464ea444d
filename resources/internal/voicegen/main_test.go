package main

import (
	"slices"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two!", []string{"One.", "Two!"}},
		{"Breathe in... and out. Good", []string{"Breathe in...", "and out.", "Good"}},
		{`He said "rest." Then we stopped.`, []string{`He said "rest."`, "Then we stopped."}},
		{"No end", []string{"No end"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		if got := splitSentences(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpeakable(t *testing.T) {
	tests := map[string]string{
		"it\u2019s fine":            "it's fine",
		"rest \u2014 then go":       "rest, then go",
		"5\u20136 breaths":          "5 to 6 breaths",
		"wait\u2026  now\nthen":     "wait... now then",
		"\u201cmay I be kind\u201d": `"may I be kind"`,
	}
	for in, want := range tests {
		if got := speakable(in); got != want {
			t.Errorf("speakable(%q) = %q, want %q", in, got, want)
		}
	}
}
