package resources

import (
	"fmt"
	"strings"
)

// rawTheme is a prompts/<theme>.toml file as written.
type rawTheme struct {
	Theme       string      `toml:"theme"`
	Title       string      `toml:"title"`
	Description string      `toml:"description"`
	Prompts     []rawPrompt `toml:"prompts"`
}

type rawPrompt struct {
	ID       string `toml:"id"`
	Question string `toml:"question"`
	Nudge    string `toml:"nudge"`
}

func (l *loader) prompts() {
	for _, file := range l.files(dirPrompts, ".toml") {
		src, ok := l.read(file)
		if !ok {
			continue
		}
		var r rawTheme
		if !decodeStrict(src, file, 1, &r, l.add) {
			continue
		}
		loc := newLocator(src, 1)
		l.checkID(file, loc.line("theme"), "theme", r.Theme)
		l.checkFileName(file, loc.line("theme"), r.Theme, ".toml")
		l.oneLine(file, loc.line("title"), "title", r.Title, true)
		l.oneLine(file, loc.line("description"), "description", r.Description, true)
		if len(r.Prompts) == 0 {
			l.addf(file, 0, "a theme needs at least one [[prompts]]")
		}
		t := PromptTheme{ID: r.Theme, Title: r.Title, Description: r.Description, PackID: l.pack.Manifest.ID}
		for i, rp := range r.Prompts {
			l.checkID(file, loc.line("id", "prompts", i), fmt.Sprintf("prompt %d id", i+1), rp.ID)
			l.need(file, loc.line("question", "prompts", i), fmt.Sprintf("prompt %d question", i+1), rp.Question)
			l.oneLine(file, loc.line("nudge", "prompts", i), fmt.Sprintf("prompt %d nudge", i+1), rp.Nudge, false)
			t.Prompts = append(t.Prompts, Prompt{ID: rp.ID, Theme: r.Theme, Question: strings.TrimSpace(rp.Question),
				Nudge: strings.TrimSpace(rp.Nudge), PackID: l.pack.Manifest.ID})
		}
		l.pack.PromptThemes = append(l.pack.PromptThemes, t)
	}
}
