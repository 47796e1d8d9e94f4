"""Brian 2's side of the multicompartment benchmarks (issue 11), timed like brian2_bench.py.

Usage: python scripts/brian2_spatial_bench.py MODEL N TARGET [--duration SECONDS]
  MODEL     rallpack3 | ball_and_stick
  N         rallpack3: compartments of the axon (Brian's test uses 1000);
            ball_and_stick: number of cells (each a SpatialNeuron of 51 compartments)
  TARGET    cython | cpp_standalone (numpy works too, slowly)
  --duration  simulated seconds (defaults below)
Prints one line, as shared/reference/brian2_bench.py does:
  brian2 MODEL N=.. target=.. spikes=.. synapses=0 compartments=.. bytes_per_compartment=..
         v_mean_mV=.. compile_s=.. run_s=.. rate_hz=..
Every target runs 1 ms first and then the timed duration (as SwiftBrian's bench does), so the end
states agree (brian2_timing.py). run_s is the wall time of the second run, compilation excluded as brian2_bench.py
excludes it (cython: the first run compiled everything; cpp_standalone: the time the standalone
program measures for its last run). compile_s is the first run (cython: compilation or loading
from Brian's cache, plus 1 ms of simulation) or device.build() (cpp_standalone: code generation and
compilation with Brian's flags, always cold: each run builds in a fresh temporary directory, removed
at the end). bytes_per_compartment is the size of every
array of the neurons and of the objects they contain (state updaters, the cable solver,
thresholder), divided by the number of compartments. v_mean_mV is the mean membrane potential of
all compartments at the end: the same model run anywhere must give (nearly) the same number.

rallpack3 is the setup of Brian's test_rallpack3 (test_spatialneuron.py): Cylinder 1 um x 1 mm in
N compartments, Hodgkin-Huxley (exponential_euler), 0.1 nA at compartment 0, dt = 1 us. The test
runs 250 ms (about 2.5 minutes); the default here is 20 ms (20,000 steps), which keeps a run well
under a minute on one core: the far end fires at 4.1 ms and 18.7 ms (then every 14.6 ms), so the
timed window (1 to 21 ms) holds 2 spikes. Spikes are counted at the far end (threshold 'v > 0*mV'
at the last compartment, refractory while v > 0 mV: one spike per action potential; only those
of the timed run, after the first ms); that SpikeMonitor is the only monitor.

ball_and_stick is the cell of shared/reference/compartments/spatial_ball_and_stick.py (Soma 30 um
+ dendrite Cylinder(n=50, 500 um, 2 um), passive, gL = 1e-4 S/cm2, EL = -70 mV, Cm = 1 uF/cm2,
Ri = 150 ohm*cm, dt = 10 us), with a constant point current of 0.1 nA*(k+1)/N at the dendrite's end
of cell k, so no two cells are alike. Brian has no multi-cell SpatialNeuron, so the population is N
SpatialNeuron objects in one network; default duration 20 ms (2,000 steps). No monitor (passive
cells do not spike; v_mean_mV checks the result).
"""
import argparse
import shutil
import sys

import numpy as np
from brian2 import (Cylinder, Network, SpatialNeuron, Soma, SpikeMonitor, cm, defaultclock,
                    mm, mV, ms, msiemens, nA, ohm, prefs, second, set_device, siemens, uF, um, us)
from brian2.core.variables import ArrayVariable
from brian2_timing import timed_run

parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
parser.add_argument('model', choices=['rallpack3', 'ball_and_stick'])
parser.add_argument('N', type=int)
parser.add_argument('target', choices=['cython', 'cpp_standalone', 'numpy'])
parser.add_argument('--duration', type=float, help='simulated seconds (default 0.02)')
args = parser.parse_args()
model, N, target = args.model, args.N, args.target
if N < 1:
    sys.exit('N must be positive')
duration = (args.duration if args.duration is not None else 0.02) * second

if target == 'cpp_standalone':
    set_device('cpp_standalone', build_on_run=False)
else:
    prefs.codegen.target = target

spike_monitor = None
if model == 'rallpack3':
    defaultclock.dt = 1 * us
    gl = 1.0 / (40000 * ohm * cm**2); El = -65 * mV
    ENa = 50 * mV; EK = -77 * mV; gNa = 120 * msiemens / cm**2; gK = 36 * msiemens / cm**2
    eqs = '''
    Im = gl * (El-v) + gNa * m**3 * h * (ENa-v) + gK * n**4 * (EK-v) : amp/meter**2
    dm/dt = alpham * (1-m) - betam * m : 1
    dn/dt = alphan * (1-n) - betan * n : 1
    dh/dt = alphah * (1-h) - betah * h : 1
    v_shifted = v - El : volt
    alpham = (0.1/mV) * (-v_shifted+25*mV) / (exp((-v_shifted+25*mV) / (10*mV)) - 1)/ms : Hz
    betam = 4 * exp(-v_shifted/(18*mV))/ms : Hz
    alphah = 0.07 * exp(-v_shifted/(20*mV))/ms : Hz
    betah = 1/(exp((-v_shifted+30*mV) / (10*mV)) + 1)/ms : Hz
    alphan = (0.01/mV) * (-v_shifted+10*mV) / (exp((-v_shifted+10*mV) / (10*mV)) - 1)/ms : Hz
    betan = 0.125*exp(-v_shifted/(80*mV))/ms : Hz
    I : amp (point current, constant)
    '''
    axon = SpatialNeuron(morphology=Cylinder(diameter=1 * um, length=1 * mm, n=N),
                         model=eqs, Cm=1 * uF / cm**2, Ri=100 * ohm * cm, method='exponential_euler',
                         threshold='v > 0*mV', threshold_location=N - 1, refractory='v > 0*mV',
                         name='axon')
    axon.v = El
    axon.m = 0.0529324852572
    axon.n = 0.317676914061
    axon.h = 0.596120753508
    axon.I[0] = 0.1 * nA
    neurons = [axon]
    spike_monitor = SpikeMonitor(axon)
    objects = neurons + [spike_monitor]
else:
    defaultclock.dt = 10 * us
    gL = 1e-4 * siemens / cm**2; EL = -70 * mV
    eqs = '''
    Im = gL*(EL - v) : amp/meter**2
    I : amp (point current)
    '''
    morpho = Soma(diameter=30 * um)
    morpho.dend = Cylinder(n=50, length=500 * um, diameter=2 * um)
    end = int(morpho.dend.indices[-1])
    neurons = []
    for k in range(N):
        cell = SpatialNeuron(morphology=morpho, model=eqs, Cm=1 * uF / cm**2, Ri=150 * ohm * cm,
                             name=f'cell{k}')
        cell.v = EL
        cell.I[end] = 0.1 * nA * (k + 1) / N
        neurons.append(cell)
    objects = neurons

net = Network(objects)
# Both targets simulate 1 ms and then the timed duration, so their end states agree.
compile_s, wall, build_directory = timed_run(net, duration, target)


def array_bytes(group):
    """Bytes of the arrays a group and the objects it contains own (each array counted once)."""
    seen = {}
    for obj in [group] + list(group.contained_objects):
        for var in getattr(obj, 'variables', {}).values():
            if isinstance(var, ArrayVariable) and var.owner is not None and var.owner.name == obj.name:
                seen[(obj.name, var.name)] = var.size * np.dtype(var.dtype).itemsize
    return sum(seen.values())


compartments = sum(len(g) for g in neurons)
per_compartment = sum(array_bytes(g) for g in neurons) / compartments
v_mean = float(np.mean(np.concatenate([np.asarray(g.v[:] / mV) for g in neurons])))
# Spikes of the timed run only (after the first millisecond).
spikes = int(np.sum(np.asarray(spike_monitor.t[:] / ms) >= 1 - 1e-9)) if spike_monitor is not None else 0
rate = spikes / float(duration)
print(f"brian2 {model} N={N} target={target} spikes={spikes} synapses=0 compartments={compartments} "
      f"bytes_per_compartment={per_compartment:.0f} v_mean_mV={v_mean:.4f} compile_s={compile_s:.3f} "
      f"run_s={wall:.3f} rate_hz={rate:.2f}")
if build_directory is not None:
    shutil.rmtree(build_directory, ignore_errors=True)
