"""Dendrify 2.2's side of the dendritic-network benchmark (issue 12), timed like brian2_bench.py.

Usage: python scripts/dendrify_bench.py N TARGET [--duration SECONDS]
  N         total number of neurons: an excitatory population (the first N//2) and an
            inhibitory one (the other N - N//2); the benchmark's size is N = 4000, 2 x 2,000
  TARGET    cython | cpp_standalone (numpy works too, slowly)
  --duration  simulated seconds of the timed run (default 1)
Prints one line, as shared/reference/brian2_bench.py and scripts/brian2_spatial_bench.py do:
  brian2 dendrify_network N=.. target=.. spikes=.. dspikes=.. synapses=.. compile_s=.. run_s=..
         rate_hz=.. rate_e_hz=.. rate_i_hz=..
Every target runs 1 ms first and then the timed duration (as SwiftBrian's bench does;
brian2_timing.py). run_s is the wall time of the timed run, compilation excluded (cython: the
first run compiled everything or loaded it from Brian's cache; cpp_standalone: the time the
standalone program measures for its last run); compile_s is that first run (cython) or
device.build() (cpp_standalone, always cold, in a fresh temporary directory removed at the end).
compile_s + run_s is the time with compilation.
spikes and dspikes count the somatic spikes and the dendritic (Na) spike events of the timed run;
rate_hz is spikes per neuron and second, rate_e_hz/rate_i_hz per population.

The neuron is that of shared/reference/compartments/dendrify/dendrify_network_small.py, unchanged:
a Dendrify NeuronModel with a 'leakyIF' soma (150 pF, 10 nS), an 'apical' dendrite (50 pF, 2.5 nS,
12 nS coupling) with AMPA 'ext' (6 nS, 2.5 ms), NMDA 'ext' with rise and decay (4 nS, 5/60 ms,
scale_g) and Na dSpikes (25/12 nS; threshold -40 mV, rise 1 ms, fall 2 ms after 0.3 ms, refractory
4 ms), and a 'basal' dendrite (40 pF, 2 nS, 10 nS coupling) with AMPA 'rec' (8 nS, 3 ms) and GABA
'inh' (5 nS, 8 ms); v_rest -65 mV, euler, threshold V_soma > -50 mV, reset V_soma = 40 mV, second
reset V_soma = -60 mV after 0.6 ms, refractory 3 ms. One group of N such neurons, made by
make_neurongroup, holds both populations as subgroups (as brian2_bench.py's COBAHH does), so
there is one second-reset Synapses, one SpikeMonitor and one EventMonitor of the dSpikes.

Nothing in the network is random, so Brian's targets and SwiftBrian simulate the same network
with the same inputs (they could differ by rounding, which a recurrent network amplifies; in
practice all give the same spikes, see below):
- Drive: N input units, unit k an oscillator `dphase/dt = rate` (euler) firing when phase >= 1
  (reset phase -= 1), rate = 5 Hz * (0.5 + ((37 k) mod 101)/100), initial phase ((61 k) mod
  97)/97. Each unit makes K_IN = 5 synapses onto the apical dendrites of each population
  (s_AMPA_ext_apical += 1; s_NMDA_ext_apical += 1): 10 inputs per neuron, 50 Hz in all.
- Recurrent connections onto the basal dendrites, with 2 ms delay: every neuron of a source
  population makes K_REC = 40 synapses onto each population, E -> E with s_AMPA_rec_basal +=
  0.25, E -> I with s_AMPA_rec_basal += 0.5, I -> E and I -> I with s_GABA_inh_basal += 0.5.
- Targets by a formula, j = (A i + B k + c) mod M for k in range(K) (i and j indices within the
  subgroups), M the target size, A = 7919 and B = 104729 primes coprime to M for the sizes used
  (M = 2000), c = 0, 1, ..., 5 for the six projections (inputs->E, inputs->I, EE, EI, IE, II):
  every target gets the same number of inputs and no pair repeats; pseudo-random, fixed in- and
  out-degree, the same in every simulator. 360,000 synapses at N = 4000.
At N = 4000 and 1 s, Brian 2.9's numpy, cython and cpp_standalone targets and SwiftBrian (exact
and fast math) all give 31,110 spikes (E 3.83 Hz, I 11.72 Hz, 7.78 Hz in all; the NMDA
conductance builds up over the first few hundred ms) and 114,574 dSpikes.
"""
import argparse
import shutil
import sys

import numpy as np
from brian2 import (EventMonitor, NeuronGroup, Network, SpikeMonitor, Synapses, defaultclock,
                    ms, mV, nS, pF, prefs, second, set_device)
from brian2_timing import timed_run
from dendrify import Dendrite, NeuronModel, Soma

parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
parser.add_argument('N', type=int)
parser.add_argument('target', choices=['cython', 'cpp_standalone', 'numpy'])
parser.add_argument('--duration', type=float, help='simulated seconds (default 1)')
args = parser.parse_args()
N, target = args.N, args.target
if N < 2:
    sys.exit('N must be at least 2 (one neuron per population)')
duration = (args.duration if args.duration is not None else 1.0) * second

if target == 'cpp_standalone':
    set_device('cpp_standalone', build_on_run=False)
else:
    prefs.codegen.target = target
defaultclock.dt = 0.1 * ms

# Inputs per unit and population, recurrent synapses per neuron and population, the primes of the
# connection formula, the mean input rate (Hz) and the weights E->E, E->I, I->E, I->I.
K_IN, K_REC, A, B = 5, 40, 7919, 104729
F_IN = 5
W = [0.25, 0.5, 0.5, 0.5]

# The neuron model of dendrify_network_small.py.
soma = Soma('soma', model='leakyIF', cm_abs=150 * pF, gl_abs=10 * nS)
apical = Dendrite('apical', cm_abs=50 * pF, gl_abs=2.5 * nS)
basal = Dendrite('basal', cm_abs=40 * pF, gl_abs=2 * nS)
apical.synapse('AMPA', tag='ext', g=6 * nS, t_decay=2.5 * ms)
apical.synapse('NMDA', tag='ext', g=4 * nS, t_rise=5 * ms, t_decay=60 * ms, scale_g=True)
apical.dspikes('Na', g_rise=25 * nS, g_fall=12 * nS)
basal.synapse('AMPA', tag='rec', g=8 * nS, t_decay=3 * ms)
basal.synapse('GABA', tag='inh', g=5 * nS, t_decay=8 * ms)
model = NeuronModel([(soma, apical, 12 * nS), (soma, basal, 10 * nS)], v_rest=-65 * mV)
model.config_dspikes('Na', threshold=-40 * mV, duration_rise=1 * ms, duration_fall=2 * ms,
                     offset_fall=0.3 * ms, refractory=4 * ms,
                     reversal_rise='E_Na', reversal_fall='E_K')


def make_group(size):
    """The neurons, with Dendrify's second reset. Dendrify 2.2's make_neurongroup ends with
    `(group, ap_reset) if ap_reset else group`, whose truth test asks for len(ap_reset), which the
    cpp_standalone device cannot give before the run; there the second reset is made as Dendrify
    makes it (neuronmodel.py, make_neurongroup), after a group without one."""
    options = dict(method='euler', threshold='V_soma > -50*mV', reset='V_soma = 40*mV',
                   refractory=3 * ms, name='neurons')
    if target != 'cpp_standalone':
        return model.make_neurongroup(size, second_reset='V_soma = -60*mV', spike_width=0.6 * ms, **options)
    group = model.make_neurongroup(size, **options)
    second_reset = Synapses(group, group, on_pre='V_soma = -60*mV', delay=0.6 * ms,
                            namespace=model.parameters)
    second_reset.connect(j='i')
    return group, second_reset


neurons, second_reset = make_group(N)
E, I = neurons[:N // 2], neurons[N // 2:]
inputs = NeuronGroup(N, 'dphase/dt = rate : 1\nrate : Hz (constant)', threshold='phase >= 1',
                     reset='phase -= 1', method='euler', name='inputs')
inputs.rate = f'{F_IN}*Hz*(0.5 + ((37*i) % 101)/100.0)'
inputs.phase = '((61*i) % 97)/97.0'


def connect(source, target, on_pre, count, name, delay=None, offset=0):
    synapses = Synapses(source, target, on_pre=on_pre, delay=delay, name=name)
    synapses.connect(j=f'({A}*i + {B}*k + {offset}) % N_post for k in range({count})')
    return synapses


synapses = [
    connect(inputs, E, 's_AMPA_ext_apical += 1.0; s_NMDA_ext_apical += 1.0', K_IN, 'input_E'),
    connect(inputs, I, 's_AMPA_ext_apical += 1.0; s_NMDA_ext_apical += 1.0', K_IN, 'input_I', offset=1),
    connect(E, E, f's_AMPA_rec_basal += {W[0]}', K_REC, 'EE', 2 * ms, 2),
    connect(E, I, f's_AMPA_rec_basal += {W[1]}', K_REC, 'EI', 2 * ms, 3),
    connect(I, E, f's_GABA_inh_basal += {W[2]}', K_REC, 'IE', 2 * ms, 4),
    connect(I, I, f's_GABA_inh_basal += {W[3]}', K_REC, 'II', 2 * ms, 5),
]
spike_monitor = SpikeMonitor(neurons, name='spikes')
dspike_monitor = EventMonitor(neurons, 'spike_Na_apical', name='dspikes')
net = Network(neurons, second_reset, inputs, *synapses, spike_monitor, dspike_monitor)

# Both targets simulate 1 ms and then the timed duration.
compile_s, wall, build_directory = timed_run(net, duration, target)


def timed(monitor):
    """The neuron indices of the events of the timed run (after the first millisecond)."""
    return np.asarray(monitor.i[:])[np.asarray(monitor.t[:] / ms) >= 1 - 1e-9]


spiking = timed(spike_monitor)
spikes_e, spikes_i = int(np.sum(spiking < N // 2)), int(np.sum(spiking >= N // 2))
dspikes = len(timed(dspike_monitor))
n_synapses = sum(len(s) for s in synapses)
seconds = float(duration)
print(f"brian2 dendrify_network N={N} target={target} spikes={spikes_e + spikes_i} dspikes={dspikes} "
      f"synapses={n_synapses} compile_s={compile_s:.3f} run_s={wall:.3f} "
      f"rate_hz={(spikes_e + spikes_i) / (N * seconds):.2f} rate_e_hz={spikes_e / ((N // 2) * seconds):.2f} "
      f"rate_i_hz={spikes_i / ((N - N // 2) * seconds):.2f}")
if build_directory is not None:
    shutil.rmtree(build_directory, ignore_errors=True)
