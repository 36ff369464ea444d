package audio

import "fmt"

// Layer is one of the three mixed layers, each with its own volume.
type Layer int

// The layers of a session.
const (
	// LayerVoice is the guide's voice, a whole recording, or the pacer's breath tones.
	LayerVoice Layer = iota
	// LayerBackground is the background bed (noise or a texture).
	LayerBackground
	// LayerBells holds the start, interval and end bells.
	LayerBells
	numLayers
)

// String names the layer.
func (l Layer) String() string {
	switch l {
	case LayerVoice:
		return "voice"
	case LayerBackground:
		return "background"
	case LayerBells:
		return "bells"
	}
	return fmt.Sprintf("layer(%d)", int(l))
}

// Volumes holds a volume in percent (0..100) for each layer.
type Volumes [numLayers]int

// DefaultVolumes are gentle starting volumes: a clear voice, a quiet bed, soft bells.
func DefaultVolumes() Volumes {
	return Volumes{LayerVoice: 85, LayerBackground: 45, LayerBells: 70}
}

// Gain maps a volume in percent (clamped to 0..100) to a linear amplitude on a
// perceptual (cubic) curve: 100% is 1.0, 50% about -18 dB, 0% silence. The curve is
// the one common desktop mixers use, so equal slider steps sound like equal steps.
func Gain(percent int) float64 {
	p := float64(min(max(percent, 0), 100)) / 100
	return p * p * p
}
