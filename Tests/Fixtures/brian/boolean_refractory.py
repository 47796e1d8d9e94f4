"""Boolean (condition) refractoriness: refractory='<bool expr>' means a neuron that spiked stays refractory until the
condition becomes false (Brian computes not_refractory = not_refractory or not (cond) before each state update; the
threshold is ANDed with not_refractory; a spike sets not_refractory = False). (a) dv/dt=1/ms, threshold v>2,
refractory v>1, no reset, euler, 5 ms: a single spike. (b) x relaxes to 1.5 with threshold x>1, reset x=0;y+=1 and
refractory y>0.5 with dy/dt=-y/ms; b1 with x '(unless refractory)', b2 plain, b3 reset only 'y=1' (x stays above
threshold, so spikes are gated purely by the refractory condition). (c) as (a) with reset v=0 (condition turns
false, so the neuron spikes periodically)."""
from brian2 import *
from fixture import setup, steps, write

setup()
results = {}

# (a)
start_scope()
G = NeuronGroup(1, 'dv/dt = 1/ms : 1', threshold='v > 2', refractory='v > 1', method='euler')
M = SpikeMonitor(G)
run(5 * ms)
results['a_spike_steps'] = steps(M.t)
results['a_v_final'] = float(G.v[0])
results['a_not_refractory_final'] = int(G.not_refractory[0])
results['a_lastspike_final'] = float(G.lastspike[0])

# (b)
for key, eqs, reset in [
    ('b1', 'dx/dt = (1.5 - x)/(2*ms) : 1 (unless refractory)\ndy/dt = -y/ms : 1', 'x = 0; y += 1'),
    ('b2', 'dx/dt = (1.5 - x)/(2*ms) : 1\ndy/dt = -y/ms : 1', 'x = 0; y += 1'),
    ('b3', 'dx/dt = (1.5 - x)/(2*ms) : 1\ndy/dt = -y/ms : 1', 'y = 1'),
]:
    start_scope()
    G = NeuronGroup(1, eqs, threshold='x > 1', reset=reset, refractory='y > 0.5', method='euler')
    M = SpikeMonitor(G)
    run(20 * ms)
    s = steps(M.t)
    results[key + '_spike_steps_first50'] = s[:50]
    results[key + '_spike_count'] = len(s)
    results[key + '_x_final'] = float(G.x[0])
    results[key + '_y_final'] = float(G.y[0])

# (c)
start_scope()
G = NeuronGroup(1, 'dv/dt = 1/ms : 1', threshold='v > 2', reset='v = 0', refractory='v > 1', method='euler')
M = SpikeMonitor(G)
run(5 * ms)
results['c_spike_steps'] = steps(M.t)
results['c_v_final'] = float(G.v[0])

write(results, __doc__, __file__)
