"""Brian 2.9 version of the gallery example `auditory_pitch` (Brian 2 paper, case study 4,
brian2_paper_examples/example_4_microphone.py, reading a sound file): the sound of
Sources/SwiftBrianModels/Resources/notes.wav (four harmonic tones, 196.00, 220.00, 246.94 and
261.63 Hz, 0.3 s each) drives one receptor neuron with an adaptive threshold, whose spikes reach
300 noisy coincidence detectors twice, once directly and once delayed by the period of the
detector's preferred frequency (multisynaptic_index k). The original reads the file sample by
sample in a C++ function; here the samples are a TimedArray at the sampling rate (the same value
at every step). For each note, the preferred frequency of the detector that fires most (spikes
from 50 ms after the note's onset to its end) is printed, as a fraction f0/n of the true pitch f0,
and the pitch estimate of Licklider's autocorrelation (the shortest lag at which the input coincides
with itself): the counts averaged over 5 neighbouring detectors; the band of detectors below the
highest one whose average reaches half the maximum, as long as all reach it; its centre on a log
scale (weighted by the averages), with its error in semitones.

python auditory_pitch.py SEED [NOTE_DURATION_S]
"""
import sys
import wave

import numpy as np
from brian2 import *

seed_value = int(sys.argv[1]) if len(sys.argv) > 1 else 1
seed(seed_value)
path = __file__.rsplit('/', 3)[0] + '/../Sources/SwiftBrianModels/Resources/notes.wav'
with wave.open(path) as w:
    rate = w.getframerate()
    samples = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2') / 32767.0
notes = [196.00, 220.00, 246.94, 261.63]
note_duration = 0.3
defaultclock.dt = 1 / (rate * Hz)
runtime = len(samples) / rate * second

tau_ear = 1*ms
tau_th = 5*ms
min_freq = 50*Hz
max_freq = 1000*Hz
num_neurons = 300
tau = 1*ms
sigma = .1
get_sample = TimedArray(samples, dt=defaultclock.dt)

eqs_ear = '''
dx/dt = (sound - x)/tau_ear: 1 (unless refractory)
dth/dt = (0.1*x - th)/tau_th : 1
sound = clip(get_sample(t), 0, inf) : 1 (constant over dt)
'''
receptors = NeuronGroup(1, eqs_ear, threshold='x>th', reset='x=0; th = th*2.5 + 0.01',
                        refractory=2*ms, method='exact')
receptors.th = 1
eqs_neurons = '''
dv/dt = -v/tau+sigma*(2./tau)**.5*xi : 1
freq : Hz (constant)
'''
neurons = NeuronGroup(num_neurons, eqs_neurons, threshold='v>1', reset='v=0', method='euler')
neurons.freq = 'exp(log(min_freq/Hz)+(i*1.0/(num_neurons-1))*log(max_freq/min_freq))*Hz'
synapses = Synapses(receptors, neurons, on_pre='v += 0.5', multisynaptic_index='k')
synapses.connect(n=2)
synapses.delay['k == 1'] = '1/freq_post'
spikes = SpikeMonitor(neurons)
ear_spikes = SpikeMonitor(receptors)
run(runtime)

i, t = spikes.i[:], spikes.t[:] / second
freq = neurons.freq[:] / Hz
print('seed', seed_value, 'detector spikes', len(i), 'receptor spikes', ear_spikes.num_spikes)
for n, f0 in enumerate(notes):
    start, end = n * note_duration + 0.05, (n + 1) * note_duration
    counts = np.bincount(i[(t >= start) & (t < end)], minlength=num_neurons)
    best = np.argmax(counts)
    # Licklider's readout: the shortest lag (highest preferred frequency) at which the smoothed
    # counts (5 neighbouring detectors) reach half their maximum.
    smooth = np.convolve(counts, np.ones(5) / 5, mode='same')
    half = 0.5 * smooth.max()
    top = np.nonzero(smooth >= half)[0].max()
    bottom = top
    while bottom > 0 and smooth[bottom - 1] >= half:
        bottom -= 1
    w = smooth[bottom:top + 1]
    estimate = np.exp(np.sum(w * np.log(freq[bottom:top + 1])) / np.sum(w))
    print('note %d: %.2f Hz, most spikes at %.2f Hz (f0/%.2f), estimate %.2f Hz (%.3f semitones), best count %d'
          % (n, f0, freq[best], f0 / freq[best], estimate, 12 * np.log2(estimate / f0), counts[best]))
