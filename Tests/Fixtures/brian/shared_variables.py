"""Shared (scalar, per-group) variables: '(shared)' flag. (a) run_regularly 'gain = gain*0.9 + 0.2' on a shared
gain (scalar code, executed once per call) after 1 and 5 steps. (b) two run_regularly operations in the same slot
('s += 1' then 'v += s'; ties in the schedule are broken by object name, run_regularly before run_regularly_1).
(c) reset code 'count += 1' on a shared counter when several neurons spike in one step (Brian rejects writing a
shared variable from per-neuron code: error recorded). (d) Synapses with 'wsh : 1 (shared)' used in on_pre
'v_post += wsh'. (e) setting a per-neuron variable with a string referring to a shared variable (G.v = 'gain*i')
and setting a shared variable by string (G.gain = 'gain*2'). (f) the error raised when per-element code writes a
shared variable ('gain = v' in run_regularly), plus a few related errors (array assignment of a shared variable
with several values)."""
from brian2 import *
from fixture import err, setup, write

setup()
results = {}

# (a)
for n in (1, 5):
    start_scope()
    G = NeuronGroup(10, 'gain : 1 (shared)')
    G.gain = 1
    G.run_regularly('gain = gain*0.9 + 0.2', dt=defaultclock.dt)
    run(n * defaultclock.dt)
    results['a_gain_after_%d_steps' % n] = float(G.gain[:])
    results['a_gain_len_after_%d_steps' % n] = int(len(G.gain[:].reshape(-1)))

# (b)
start_scope()
G = NeuronGroup(3, 'v : 1\ns : 1 (shared)')
G.v = 'i'
op1 = G.run_regularly('s += 1', dt=defaultclock.dt)
op2 = G.run_regularly('v += s', dt=defaultclock.dt)
results['b_op_names'] = '%s,%s' % (op1.name, op2.name)
run(3 * defaultclock.dt)
results['b_s'] = float(G.s[:])
results['b_v'] = [float(x) for x in G.v[:]]

# (c)
start_scope()
G = NeuronGroup(4, 'v : 1\ncount : 1 (shared)', threshold='v > 0', reset='count += 1')
G.v = [1, 1, 0, 1]
try:
    run(2 * defaultclock.dt)
    results['c_count'] = float(G.count[:])
except Exception as e:
    results['error_c_shared_in_reset'] = err(e)

# (d)
start_scope()
P = SpikeGeneratorGroup(2, [0, 1, 0], [0, 0, 0.5] * ms)
H = NeuronGroup(2, 'v : 1')
S = Synapses(P, H, 'wsh : 1 (shared)', on_pre='v_post += wsh')
S.connect(i=[0, 1, 1], j=[0, 0, 1])
S.wsh = 0.25
run(1 * ms)
results['d_v'] = [float(x) for x in H.v[:]]
results['d_wsh'] = float(S.wsh[:])

# (e)
start_scope()
G = NeuronGroup(4, 'v : 1\ngain : 1 (shared)')
G.gain = 1.5
G.v = 'gain*i'
results['e_v_gain_times_i'] = [float(x) for x in G.v[:]]
G.gain = 'gain*2'
results['e_gain_after_string_set'] = float(G.gain[:])
G.gain = '1 + 0.5'
results['e_gain_after_const_string'] = float(G.gain[:])
try:
    G.gain = 'v'
    results['e_gain_set_to_v'] = float(G.gain[:])
except Exception as e:
    results['error_e_set_shared_from_vector'] = err(e)
try:
    G.gain = [1, 2, 3, 4]
    results['e_gain_set_array'] = [float(x) for x in G.gain[:]]
except Exception as e:
    results['error_e_set_shared_array'] = err(e)

# (f)
start_scope()
G = NeuronGroup(3, 'v : 1\ngain : 1 (shared)')
G.v = 'i'
G.run_regularly('gain = v', dt=defaultclock.dt)
try:
    run(1 * defaultclock.dt)
    results['f_gain'] = float(G.gain[:])
except Exception as e:
    results['error_f_write_shared_from_vector'] = err(e)

write(results, __doc__, __file__)
