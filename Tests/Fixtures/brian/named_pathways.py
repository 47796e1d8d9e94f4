"""Named (multiple) synaptic pathways. (1) on_pre={'up': 'v_post += 1', 'down': 'v_post -= 0.5'} with a homogeneous
delay for 'up' (delay={'up': 1*ms} in the constructor) and per-synapse delays for 'down' (S.down.delay = [...]),
plus on_post 'nq += 1' (synaptic variable counting postsynaptic spikes). Sources: SpikeGeneratorGroup; targets spike once at step 15 (threshold on t). v trace per step
(StateMonitor when='end'). (2) Scheduling order of two pathways writing the same variable in a non-commuting way,
same delay (0): pathway objects run in the 'synapses' slot sorted by (order, name): all pre pathways have
order -1 and post pathways +1, ties are broken by the object name '<synapses>_<pathway>', so alphabetical order of
the pathway names decides, not the order of definition: {'a': 'v_post *= 2', 'b': 'v_post += 1'} vs
{'z': 'v_post *= 2', 'b': 'v_post += 1'}, v starts at 1 (a-first gives 3, b-first gives 4)."""
from brian2 import *
from fixture import setup, write

setup()
results = {}

# (1)
start_scope()
P = SpikeGeneratorGroup(2, [0, 1, 0], [0, 0.3, 1.0] * ms)
H = NeuronGroup(2, 'v : 1', threshold='abs(t - 1.5*ms) < 0.05*ms')
S = Synapses(P, H, 'nq : 1', on_pre={'up': 'v_post += 1', 'down': 'v_post -= 0.5'}, on_post='nq += 1',
             delay={'up': 1 * ms}, name='syn')
S.connect(i=[0, 0, 1], j=[0, 1, 1])
S.down.delay = [0.2, 0.5, 0.0] * ms
M = StateMonitor(H, 'v', record=True, when='end')
run(3 * ms)
results['p1_syn_i'] = [int(x) for x in S.i[:]]
results['p1_syn_j'] = [int(x) for x in S.j[:]]
results['p1_up_delay'] = [float(x) for x in np.asarray(S.up.delay[:]).reshape(-1)]
results['p1_down_delay'] = [float(x) for x in S.down.delay[:]]
results['p1_v0_trace'] = [float(x) for x in M.v[0]]
results['p1_v1_trace'] = [float(x) for x in M.v[1]]
results['p1_nq'] = [float(x) for x in S.nq[:]]
results['p1_pathway_names'] = ','.join(sorted(p.name for p in S._pathways))

# (2)
for key, on_pre in [('a_mul_b_add', {'a': 'v_post *= 2', 'b': 'v_post += 1'}),
                    ('z_mul_b_add', {'z': 'v_post *= 2', 'b': 'v_post += 1'}),
                    ('b_add_a_mul_defined_first', {'b': 'v_post += 1', 'a': 'v_post *= 2'})]:
    start_scope()
    P = SpikeGeneratorGroup(1, [0], [0] * ms)
    H = NeuronGroup(1, 'v : 1')
    H.v = 1
    S = Synapses(P, H, on_pre=on_pre, name='syn')
    S.connect()
    net = Network(P, H, S)
    net.run(0.5 * ms)
    results['p2_' + key + '_v'] = float(H.v[0])
    results['p2_' + key + '_order'] = ','.join(o.name for o in net.sorted_objects
                                               if o.name.startswith(S.name + '_') and 'push' not in o.name)

write(results, __doc__, __file__)
