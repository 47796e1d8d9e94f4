"""Summed variables and clocks: the SummedVariableUpdater runs on the TARGET group's clock (slot 'groups',
order target.order - 1, i.e. just before the target's state update), whatever the Synapses' own dt. Target
NeuronGroup (dt 0.1 ms): dv/dt = -v/(10*ms) + (s1 + s2)/ms, s1, s2 : 1. Presynaptic group P (dt 0.1 ms): x = t/ms
via dx/dt = 1/ms. Synapses with dt = 1 ms, model 'w0 : 1', 'du/dt = 1/ms : 1 (clock-driven)',
's1_post = w0*x_pre : 1 (summed)', 's2_post = u : 1 (summed)'; 2 presynaptic neurons -> 1 target, w0 = [1, 2].
Traces of v, s1, s2 (recorded when='end', every 0.1 ms) over 3 ms: s1 follows x_pre every 0.1 ms while s2
follows the synaptic clock-driven u, which only changes every 1 ms. Reverse case: Synapses dt 0.1 ms, target
dt 1 ms: s is updated only on target steps (every 1 ms), recorded by a 0.1 ms StateMonitor."""
from brian2 import *
from fixture import fl, setup, steps, write

setup()
results = {}
syn_model = '''w0 : 1
du/dt = 1/ms : 1 (clock-driven)
s1_post = w0*x_pre : 1 (summed)
s2_post = u : 1 (summed)'''
tgt_model = 'dv/dt = -v/(10*ms) + (s1 + s2)/ms : 1\ns1 : 1\ns2 : 1'


for key, syn_dt, tgt_dt in [('slow_synapses', 1 * ms, 0.1 * ms), ('fast_synapses', 0.1 * ms, 1 * ms)]:
    start_scope()
    P = NeuronGroup(2, 'dx/dt = 1/ms : 1', method='euler', dt=0.1 * ms)
    T = NeuronGroup(1, tgt_model, method='euler', dt=tgt_dt)
    S = Synapses(P, T, syn_model, method='euler', dt=syn_dt)
    S.connect()
    S.w0 = [1, 2]
    M = StateMonitor(T, ['v', 's1', 's2'], record=0, when='end', dt=0.1 * ms)
    MS = StateMonitor(S, 'u', record=0, when='end', dt=0.1 * ms)
    run(3 * ms)
    results[key + '_t_steps'] = steps(M.t)
    results[key + '_v'] = fl(M.v[0])
    results[key + '_s1'] = fl(M.s1[0])
    results[key + '_s2'] = fl(M.s2[0])
    results[key + '_u_syn0'] = fl(MS.u[0])
    results[key + '_v_final'] = float(T.v[0])

write(results, __doc__, __file__)
