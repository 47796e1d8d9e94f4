"""Multiple synapses per (i, j) pair and multisynaptic_index: Synapses(G, H, 'w : 1', multisynaptic_index='k')
numbers the synapses that share the same (i, j) pair 0, 1, ... in creation order. (1) connect(i=[0,1], j=[0,1],
n=2); (2) connect(p=1, n=3) on 2x2 neurons: i, j, k arrays. (3) delays set by condition S.delay['k == 1'] = 1*ms,
S.delay['k == 2'] = 2*ms (k==0 stays 0), and a run where presynaptic neuron 0 spikes at t=0 and every synapse
adds 10**k to v_post: steps (StateMonitor when='end') at which v of each target changes and the final v."""
from brian2 import *
from fixture import ints, setup, write

setup()
results = {}

start_scope()
G = NeuronGroup(2, 'v : 1')
H = NeuronGroup(2, 'v : 1')
S = Synapses(G, H, 'w : 1', multisynaptic_index='k')
S.connect(i=[0, 1], j=[0, 1], n=2)
results['c1_i'] = ints(S.i[:])
results['c1_j'] = ints(S.j[:])
results['c1_k'] = ints(S.k[:])
S.connect(i=0, j=0)  # a third synapse for (0,0) created by a second connect call
results['c1b_i'] = ints(S.i[:])
results['c1b_j'] = ints(S.j[:])
results['c1b_k'] = ints(S.k[:])

start_scope()
P = SpikeGeneratorGroup(2, [0], [0] * ms)
H = NeuronGroup(2, 'v : 1')
S = Synapses(P, H, 'w : 1', on_pre='v_post += w', multisynaptic_index='k')
S.connect(p=1, n=3)
results['c2_i'] = ints(S.i[:])
results['c2_j'] = ints(S.j[:])
results['c2_k'] = ints(S.k[:])
S.w = '10**k'
S.delay['k == 1'] = 1 * ms
S.delay['k == 2'] = 2 * ms
results['c2_delay'] = [float(x) for x in S.delay[:]]
results['c2_w'] = [float(x) for x in S.w[:]]
M = StateMonitor(H, 'v', record=True, when='end')
run(3 * ms)
for jj in range(2):
    v = M.v[jj]
    results['c2_change_steps_target%d' % jj] = [n for n in range(len(v)) if v[n] != (v[n - 1] if n else 0.0)]
results['c2_v_final'] = [float(x) for x in H.v[:]]
results['c2_N_incoming_per_synapse'] = ints(S.N_incoming[:])

write(results, __doc__, __file__)
