"""Rounding of synaptic delays to time steps. A SpikeGeneratorGroup fires once at t=0 into one target neuron per
delay (heterogeneous per-synapse delays in one Synapses, plus a second Synapses with a homogeneous delay=2.25*ms
keyword); on_pre 'v += 1'. For each delay the result is the time step at which v of the target first becomes 1
(StateMonitor when='end'). Run with the numpy target and the cython target; both use Brian's compiled C++ spike
queue (cythonspikequeue, shipped in the wheel), which rounds with (int)(delay/dt + 0.5) (half up). A third run
forces the pure-Python SpikeQueue (brian2.synapses.spikequeue, np.round = half to even) by patching
RuntimeDevice.spike_queue, to document where the two disagree. ratio_* is the float delay/dt that gets rounded."""
from brian2 import *
from fixture import numpy_and_cython, python_spike_queue, setup, write

dt = setup()
results = {}
DELAYS = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 2.25, 2.35]


def key(d):
    return ('%g' % d).replace('.', 'p') + 'ms'


def run_case(suffix):
    start_scope()
    defaultclock.dt = 0.1 * ms
    src = SpikeGeneratorGroup(1, [0], [0] * ms)
    tgt = NeuronGroup(len(DELAYS) + 1, 'v : 1')
    S = Synapses(src, tgt, on_pre='v += 1')
    S.connect(i=0, j=list(range(len(DELAYS))))
    S.delay = [d for d in DELAYS] * ms
    S2 = Synapses(src, tgt, on_pre='v += 1', delay=2.25 * ms)
    S2.connect(i=0, j=len(DELAYS))
    mon = StateMonitor(tgt, 'v', record=True, when='end')
    run(3 * ms)
    for k, d in enumerate(DELAYS):
        reached = [n for n in range(len(mon.t)) if mon.v[k][n] >= 1]
        results['step_%s_%s' % (key(d), suffix)] = int(reached[0]) if reached else -1
        if suffix == 'numpy':
            results['ratio_%s' % key(d)] = float(S.delay[k]) / dt
    reached = [n for n in range(len(mon.t)) if mon.v[len(DELAYS)][n] >= 1]
    results['step_homogeneous_2p25ms_%s' % suffix] = int(reached[0]) if reached else -1


numpy_and_cython(run_case, results, 'numpy', 'cython')

# Pure-Python spike queue (what the runtime uses when the compiled queue cannot be imported)
python_spike_queue()
run_case('pyqueue')

write(results, __doc__, __file__)
