"""Changing synaptic delays between runs while spikes are in flight. Source spikes at 0, 0.5 and 1.5 ms; delay 2 ms;
run 1 ms (spikes from 0 and 0.5 ms are queued, due at steps 20 and 25); then the delay is set to 0.5 ms and the
simulation continues for 4 ms. Homogeneous case: Synapses(..., delay=2*ms) then S.delay = 0.5*ms; heterogeneous
case: per-synapse delays (no delay keyword) S.delay = [2, 2]*ms then [0.5, 0.5]*ms (two synapses from the same
source to two targets). Each effect adds 1 to v_post; the result is the list of steps at which v of each target
increases (StateMonitor when='end', one entry per unit increase). Spikes already in the queue keep the delay
they were queued with (the queue stores offsets in steps); only new spikes use the new delay, so the arrivals are
[20 (0 ms + 2 ms), 20 (1.5 ms + 0.5 ms), 25 (0.5 ms + 2 ms)]. Runs with the numpy
target (C++ spike queue), the cython target, and the pure-Python SpikeQueue (patched in)."""
from brian2 import *
from fixture import numpy_and_cython, python_spike_queue, setup, write

setup()
results = {}


def arrivals(v):
    out = []
    prev = 0.0
    for n, x in enumerate(v):
        out += [n] * int(round(x - prev))
        prev = x
    return out


def run_case(sfx):
    start_scope()
    defaultclock.dt = 0.1 * ms
    src = SpikeGeneratorGroup(1, [0, 0, 0], [0, 0.5, 1.5] * ms)
    tgt = NeuronGroup(3, 'v : 1')
    Shom = Synapses(src, tgt, on_pre='v_post += 1', delay=2 * ms)
    Shom.connect(i=0, j=0)
    Shet = Synapses(src, tgt, on_pre='v_post += 1')
    Shet.connect(i=0, j=[1, 2])
    Shet.delay = [2, 2] * ms
    mon = StateMonitor(tgt, 'v', record=True, when='end')
    net = Network(src, tgt, Shom, Shet, mon)
    net.run(1 * ms)
    Shom.delay = 0.5 * ms
    Shet.delay = [0.5, 0.5] * ms
    net.run(4 * ms)
    results['homogeneous_steps' + sfx] = arrivals(mon.v[0])
    results['heterogeneous_steps_target1' + sfx] = arrivals(mon.v[1])
    results['heterogeneous_steps_target2' + sfx] = arrivals(mon.v[2])


numpy_and_cython(run_case, results, '_numpy', '_cython')

python_spike_queue()
run_case('_pyqueue')

write(results, __doc__, __file__)
