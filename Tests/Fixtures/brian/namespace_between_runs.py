"""External constants are resolved from the namespace at the start of EACH run: changing a Python variable between
runs changes the simulation. (1) dv/dt = eta/ms with eta = 0 for 1 ms, then eta = 1e-2 for 1 ms (euler).
(2) Vogels-style plasticity on_pre 'w += eta' with eta changed between runs (presynaptic spikes every 0.5 ms).
(3) run(duration, namespace={...}) with an explicit namespace overriding the script's variables (and the error
when an identifier is missing from the explicit namespace). (4) a group-level namespace (NeuronGroup(...,
namespace=...)) takes precedence over the run namespace."""
from brian2 import *
from fixture import err, setup, write

setup()
results = {}

# (1)
start_scope()
G = NeuronGroup(1, 'dv/dt = eta/ms : 1', method='euler')
eta = 0
run(1 * ms)
results['eq1_v_after_run1_eta0'] = float(G.v[0])
eta = 1e-2
run(1 * ms)
results['eq1_v_after_run2_eta0p01'] = float(G.v[0])

# (2)
start_scope()
P = SpikeGeneratorGroup(1, [0] * 4, [0, 0.5, 1.0, 1.5] * ms)
H = NeuronGroup(1, 'v : 1')
S = Synapses(P, H, 'w : 1', on_pre='w += eta\nv_post += w')
S.connect()
S.w = 1
eta = 0.1
run(1 * ms)
results['eq2_w_after_run1'] = float(S.w[0])
results['eq2_v_after_run1'] = float(H.v[0])
eta = -0.25
run(1 * ms)
results['eq2_w_after_run2'] = float(S.w[0])
results['eq2_v_after_run2'] = float(H.v[0])

# (3)
start_scope()
G = NeuronGroup(1, 'dv/dt = eta/ms : 1', method='euler')
eta = 5.0  # ignored: explicit namespace wins
run(1 * ms, namespace={'eta': 0.5})
results['eq3_v_after_explicit_namespace_0p5'] = float(G.v[0])
run(1 * ms, namespace={'eta': -1.0})
results['eq3_v_after_explicit_namespace_minus1'] = float(G.v[0])
try:
    run(1 * ms, namespace={})
    results['eq3_v_after_empty_namespace'] = float(G.v[0])
except Exception as e:
    results['error_eq3_empty_namespace'] = err(e)

# (4)
start_scope()
G = NeuronGroup(1, 'dv/dt = eta/ms : 1', method='euler', namespace={'eta': 2.0})
eta = 7.0
run(1 * ms)
results['eq4_v_group_namespace'] = float(G.v[0])
try:
    run(1 * ms, namespace={'eta': 3.0})
    results['eq4_v_group_namespace_plus_run_namespace'] = float(G.v[0])
except Exception as e:
    results['error_eq4_run_namespace'] = err(e)

write(results, __doc__, __file__)
