"""Writes Sources/SwiftBrianModels/Resources/notes.wav, the sound of the gallery example
`auditory_pitch`: four ascending harmonic tones (G3, A3, B3, C4 of equal temperament: 196.00,
220.00, 246.94, 261.63 Hz), 0.3 s each, every tone the sum of its first five harmonics with
amplitudes 1/k**2 (a smooth wave with one peak per period), raised-cosine onsets and offsets of 10 ms; mono, 16-bit PCM, 44.1 kHz.

Run with any Python that has numpy: python scripts/make_notes_wav.py
"""
import os
import struct

import numpy as np

RATE = 44100
NOTES = [196.00, 220.00, 246.94, 261.63]  # Hz
NOTE_DURATION = 0.3  # s
RAMP = 0.01  # s

t = np.arange(int(round(NOTE_DURATION * RATE))) / RATE
ramp = np.ones_like(t)
n_ramp = int(round(RAMP * RATE))
ramp[:n_ramp] = 0.5 - 0.5 * np.cos(np.pi * np.arange(n_ramp) / n_ramp)
ramp[-n_ramp:] = ramp[:n_ramp][::-1]
tones = [ramp * sum(np.sin(2 * np.pi * k * f0 * t) / k**2 for k in range(1, 6)) for f0 in NOTES]
signal = np.concatenate(tones)
signal *= 0.8 / np.max(np.abs(signal))
samples = np.round(signal * 32767).astype('<i2')

path = os.path.join(os.path.dirname(__file__), '..', 'Sources', 'SwiftBrianModels', 'Resources', 'notes.wav')
data = samples.tobytes()
with open(path, 'wb') as f:
    f.write(b'RIFF' + struct.pack('<I', 36 + len(data)) + b'WAVE')
    f.write(b'fmt ' + struct.pack('<IHHIIHH', 16, 1, 1, RATE, RATE * 2, 2, 16))
    f.write(b'data' + struct.pack('<I', len(data)) + data)
