package resources

// Practice returns the practice with that ID in this pack, or nil.
func (pk *Pack) Practice(id string) *Practice {
	for i := range pk.Practices {
		if pk.Practices[i].ID == id {
			return &pk.Practices[i]
		}
	}
	return nil
}

// Prompt returns the prompt with that ID in this pack, or nil.
func (pk *Pack) Prompt(id string) *Prompt {
	for i := range pk.PromptThemes {
		for j := range pk.PromptThemes[i].Prompts {
			if pk.PromptThemes[i].Prompts[j].ID == id {
				return &pk.PromptThemes[i].Prompts[j]
			}
		}
	}
	return nil
}

// Lesson returns the lesson with that ID in this pack, or nil.
func (pk *Pack) Lesson(id string) *Lesson {
	for i := range pk.Lessons {
		if pk.Lessons[i].ID == id {
			return &pk.Lessons[i]
		}
	}
	return nil
}

// Exercise returns the exercise with that ID in this pack, or nil.
func (pk *Pack) Exercise(id string) *Exercise {
	for i := range pk.Exercises {
		if pk.Exercises[i].ID == id {
			return &pk.Exercises[i]
		}
	}
	return nil
}

// Programme returns the programme with that ID in this pack, or nil.
func (pk *Pack) Programme(id string) *Programme {
	for i := range pk.Programmes {
		if pk.Programmes[i].ID == id {
			return &pk.Programmes[i]
		}
	}
	return nil
}

// Builtin returns the built-in pack (always Packs[0]).
func (l *Library) Builtin() *Pack { return l.Packs[0] }

// Pack returns the pack with that ID, or nil.
func (l *Library) Pack(id string) *Pack {
	for _, p := range l.Packs {
		if p.Manifest.ID == id {
			return p
		}
	}
	return nil
}

// Practice returns the practice with that ID from any pack, or nil.
func (l *Library) Practice(id string) *Practice {
	for _, p := range l.Practices {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Prompt returns the prompt with that ID from any pack, or nil.
func (l *Library) Prompt(id string) *Prompt {
	for _, p := range l.Prompts {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Lesson returns the lesson with that ID from any pack, or nil.
func (l *Library) Lesson(id string) *Lesson {
	for _, x := range l.Lessons {
		if x.ID == id {
			return x
		}
	}
	return nil
}

// Exercise returns the exercise with that ID from any pack, or nil.
func (l *Library) Exercise(id string) *Exercise {
	for _, x := range l.Exercises {
		if x.ID == id {
			return x
		}
	}
	return nil
}

// Programme returns the programme with that ID from any pack, or nil.
func (l *Library) Programme(id string) *Programme {
	for _, x := range l.Programmes {
		if x.ID == id {
			return x
		}
	}
	return nil
}
