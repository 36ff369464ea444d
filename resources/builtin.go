package resources

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

//go:generate go run ./internal/voicegen

// content is the bundled content, in the same folders as a practice pack.
//
//go:embed all:content
var content embed.FS

// voice holds the generated voice clips of the built-in practices and their manifest.
//
//go:embed voice
var voice embed.FS

// VoiceManifestFile is the path of the voice manifest inside the built-in pack's FS
// (resources/voice/manifest.json in the source tree).
const VoiceManifestFile = "voice/manifest.json"

// VoiceManifest describes the generated voice clips of the built-in practices.
type VoiceManifest struct {
	// Voice names the synthesiser and voice, e.g. "festival cmu_us_slt_arctic_hts".
	Voice string `json:"voice"`
	// Synthesised is true: the built-in voice is text-to-speech, and the app says so.
	Synthesised bool `json:"synthesised"`
	// Pipeline describes the processing; when it changes every clip is regenerated.
	Pipeline string      `json:"pipeline"`
	Clips    []VoiceClip `json:"clips"`
}

// VoiceClip is one generated clip: the voice of one step of one practice.
type VoiceClip struct {
	Practice   string  `json:"practice"`
	Step       int     `json:"step"`        // 1-based step number
	File       string  `json:"file"`        // path in the built-in pack: voice/<practice>/<NN>.ogg
	Seconds    float64 `json:"seconds"`     // length of the clip
	TextSHA256 string  `json:"text_sha256"` // TextHash of the step text it speaks
}

// TextHash is the hex SHA-256 of a step's text, as stored in the voice manifest, so a
// clip whose text changed is known to be stale.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// ClipFile is the path of the generated clip for step (1-based) of a built-in practice.
func ClipFile(practiceID string, step int) string {
	return fmt.Sprintf("voice/%s/%02d.ogg", practiceID, step)
}

// builtinManifest is the manifest of Hearth's own content.
func builtinManifest() Manifest {
	return Manifest{Schema: SchemaVersion, ID: BuiltinID, Title: "Hearth", Version: "1",
		Facilitator: "The Hearth authors", Licence: "See resources/CREDITS.md", MinHearthVersion: "0.1.0"}
}

// Builtin loads the content bundled with Hearth as the pack "builtin", through the same
// loader and checks as any practice pack, and attaches the generated voice clip of every
// spoken step whose clip is present and up to date (a step without one is shown on
// screen). Each call parses the content afresh; callers keep the result.
func Builtin() (*Pack, error) {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		return nil, fmt.Errorf("built-in content: %w", err)
	}
	fsys := builtinFS{content: sub, voice: voice}
	pk, err := load(fsys, builtinManifest(), nil)
	if err != nil {
		return nil, fmt.Errorf("built-in content: %w", err)
	}
	vm, err := readVoiceManifest(fsys)
	if err != nil {
		return nil, err
	}
	attachVoice(pk, vm)
	return pk, nil
}

// BuiltinVoice returns the manifest of the built-in voice clips.
func BuiltinVoice() (*VoiceManifest, error) {
	return readVoiceManifest(voice)
}

func readVoiceManifest(fsys fs.FS) (*VoiceManifest, error) {
	data, err := fs.ReadFile(fsys, VoiceManifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return &VoiceManifest{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("voice manifest: %w", err)
	}
	var vm VoiceManifest
	if err := json.Unmarshal(data, &vm); err != nil {
		return nil, fmt.Errorf("voice manifest: %w", err)
	}
	return &vm, nil
}

// attachVoice sets Clip on every spoken step that has an up-to-date clip in vm.
func attachVoice(pk *Pack, vm *VoiceManifest) {
	type key struct {
		practice string
		step     int
	}
	clips := make(map[key]VoiceClip, len(vm.Clips))
	for _, c := range vm.Clips {
		clips[key{c.Practice, c.Step}] = c
	}
	for i := range pk.Practices {
		p := &pk.Practices[i]
		for j := range p.Steps {
			s := &p.Steps[j]
			c, ok := clips[key{p.ID, j + 1}]
			if !ok || !s.Speak || c.TextSHA256 != TextHash(s.Text) {
				continue
			}
			if _, err := fs.Stat(pk.FS, c.File); err != nil {
				continue
			}
			s.Clip, s.ClipSeconds = c.File, c.Seconds
			p.SynthesisedVoice = vm.Synthesised
		}
	}
}

// builtinFS joins the content folders and the voice folder into one pack FS.
type builtinFS struct {
	content fs.FS // practices/, prompts/, ... at its root
	voice   fs.FS // voice/ at its root
}

func (b builtinFS) Open(name string) (fs.File, error) {
	if name == "voice" || strings.HasPrefix(name, "voice/") {
		return b.voice.Open(name)
	}
	return b.content.Open(name)
}
