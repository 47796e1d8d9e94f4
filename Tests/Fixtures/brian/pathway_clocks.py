"""Synaptic pathways run on the clock of the group whose events trigger them, not on the Synapses' clock
(Brian's SynapticPathway uses source.clock; delays become whole steps of that clock; Synapses default to the
default clock). (a) A source with dt 0.05 ms spiking at odd steps into a Synapses and target on the 0.1 ms
default clock: every spike is delivered (target x counts them), recorded every 0.1 ms. (b) The same source
with a delay of 0.125 ms: 2.5 source steps, rounded up to 3 (0.15 ms), recorded every 0.05 ms at 'end'.
(c) A Synapses with dt 0.3 ms whose source spikes at 0.2 and 0.5 ms (0.1 ms clock) with an event-driven
variable: `t` in the pathway code is the Synapses clock's time, which between its ticks already holds the
next tick (0.3 ms at the first spike, 0.6 ms at the second), so lastupdate ends at 0.6 ms. (d) A Synapses
with dt 0.3 ms and a clock-driven variable summed into a target on the 0.1 ms clock: the pathway delivers
each spike at once, the decay is integrated every 0.3 ms (euler), the sum updated every 0.1 ms. (e) A Synapses
without dt from a source with dt 0.05 ms: its clock-driven decay is integrated on the default clock (every 0.1 ms),
its spikes delivered every 0.05 ms."""
from brian2 import *
from fixture import fl, setup, steps, write

setup()
results = {}

# (a)
A = NeuronGroup(1, 'dv/dt = 1/(0.33*ms) : 1', threshold='v > 1', reset='v = 0', method='euler', dt=0.05*ms)
B = NeuronGroup(1, 'x : 1')
S = Synapses(A, B, on_pre='x_post += 1')
S.connect()
SM = SpikeMonitor(A)
M = StateMonitor(B, 'x', record=True)
run(2*ms)
results['a_spike_times'] = fl(SM.t)
results['a_x'] = fl(M.x[0])

# (b)
start_scope()
A = NeuronGroup(1, 'dv/dt = 1/(0.33*ms) : 1', threshold='v > 1', reset='v = 0', method='euler', dt=0.05*ms)
B = NeuronGroup(1, 'x : 1')
S = Synapses(A, B, on_pre='x_post += 1', delay=0.125*ms)
S.connect()
M = StateMonitor(B, 'x', record=True, dt=0.05*ms, when='end')
run(1*ms)
results['b_x'] = fl(M.x[0])

# (c)
start_scope()
A = SpikeGeneratorGroup(1, [0, 0], [0.2, 0.5]*ms)
B = NeuronGroup(1, 'x : 1')
S = Synapses(A, B, 'dy/dt = -y/ms : 1 (event-driven)', on_pre='y += 1\nx_post = y', dt=0.3*ms)
S.connect()
run(1*ms)
results['c_x'] = float(B.x[0])
results['c_lastupdate'] = float(S.lastupdate[0])

# (d)
start_scope()
A = NeuronGroup(2, 'dv/dt = 1/(0.73*ms) : 1', threshold='v > 1', reset='v = 0', method='euler')
B = NeuronGroup(2, 'I : 1')
S = Synapses(A, B, 'dg/dt = -g/(1.7*ms) : 1 (clock-driven)\nI_post = g : 1 (summed)', on_pre='g += 1',
             method='euler', dt=0.3*ms)
S.connect(j='i')
M = StateMonitor(B, 'I', record=True)
run(3*ms)
results['d_I'] = fl(M.I[0])
results['d_g'] = fl(S.g[:])

# (e)
start_scope()
A = NeuronGroup(1, 'dv/dt = 1/(0.33*ms) : 1', threshold='v > 1', reset='v = 0', method='euler', dt=0.05*ms)
B = NeuronGroup(1, 'x : 1')
S = Synapses(A, B, 'dg/dt = -g/(1.7*ms) : 1 (clock-driven)', on_pre='g += 1', method='euler')
S.connect()
M = StateMonitor(S, 'g', record=True)
run(1*ms)
results['e_g'] = fl(M.g[0])
results['e_monitor_times'] = fl(M.t)

write(results, __doc__, __file__)
