#!/bin/sh
# Regenerates the decoder fixtures in this folder. Needs sox, oggenc (vorbis-tools),
# lame and flac (Debian: apt-get install sox vorbis-tools lame flac).
# Every fixture is a short 440 Hz tone (0.5 s, amplitude 0.5) unless named otherwise.
set -eu
cd "$(dirname "$0")"

# Sources (WAV is also a fixture in its own right).
sox -D -n -r 22050 -c 1 -b 16 tone-22k-mono.wav synth 0.5 sine 440 vol 0.5
sox -D -n -r 44100 -c 2 -b 16 tone-44k-stereo.wav synth 0.5 sine 440 vol 0.5
sox -D -n -r 48000 -c 2 -b 24 tone-48k-24bit.wav synth 0.5 sine 440 vol 0.5
sox -D -n -r 16000 -c 1 -b 8 tone-16k-8bit.wav synth 0.5 sine 440 vol 0.5

# Compressed formats.
oggenc -Q -q 0 --serial 1 -o tone-22k-mono.ogg tone-22k-mono.wav
lame --quiet --noreplaygain -b 64 tone-44k-stereo.wav tone-44k-stereo.mp3
flac -s -f --no-seektable -o tone-22k-mono.flac tone-22k-mono.wav

# A one-second silence, for exact-length checks.
sox -D -n -r 8000 -c 1 -b 16 silence-1s.wav trim 0 1

# Broken files.
head -c 2000 tone-22k-mono.ogg > truncated.ogg
head -c 3000 tone-44k-stereo.mp3 > truncated.mp3
head -c 4000 tone-22k-mono.flac > truncated.flac
head -c 10000 tone-44k-stereo.wav > truncated.wav
head -c 30 tone-44k-stereo.wav > header-only.wav
printf 'This is not audio, just words in a file.\n' > not-audio.txt
: > empty.bin
# Valid headers, garbage after them (deterministic bytes, no randomness).
{ head -c 200 tone-22k-mono.ogg; yes 'garbage' | head -c 3000; } > corrupt.ogg
{ head -c 100 tone-22k-mono.flac; yes 'garbage' | head -c 3000; } > corrupt.flac
{ printf 'ID3\003\000\000\000\000\000\000'; yes 'garbage' | head -c 3000; } > corrupt.mp3

# The test pack's recordings are copies of two fixtures.
mkdir -p pack/audio
cp tone-22k-mono.ogg pack/audio/step.ogg
cp tone-44k-stereo.mp3 pack/audio/whole.mp3
