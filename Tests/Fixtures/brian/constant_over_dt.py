"""Subexpressions flagged '(constant over dt)': they are stored as state variables and evaluated once per time step
by a SubexpressionUpdater in slot 'before_start' (also once at the start of each run before the first step), so all
integration substeps of that step use the same value. (1) dv/dt = (c - v)/ms with c = 2 (constant over dt), euler,
1 ms (v = 2*(1 - 0.9**10) = 1.30264312). (2) c = sin(2*pi*t/(3*ms)) (constant over dt), euler, 3 ms: traces of c
and v recorded with StateMonitor when='start' (c already updated for this step, v before this step's update).
(3) same with rk4, compared with a plain (not constant over dt) subexpression that RK4 evaluates at t, t+dt/2, t+dt.
(4) c = rand() (constant over dt), seed(11): trace of c and v (only the generic statistics are reproducible across
implementations: c is uniform on [0,1) and v follows the low-pass filter of c; mean of c over N steps has
expected value 0.5 and standard error sqrt(1/12/N))."""
from brian2 import *
from fixture import setup, write

setup()
results = {}

# (1)
start_scope()
G = NeuronGroup(1, 'dv/dt = (c - v)/ms : 1\nc = 2 : 1 (constant over dt)', method='euler')
run(1 * ms)
results['eq1_v_final'] = float(G.v[0])
results['eq1_c_final'] = float(G.c[0])

# (2) and (3)
for key, method, flag in [('eq2_euler', 'euler', ' (constant over dt)'),
                          ('eq3_rk4_constant', 'rk4', ' (constant over dt)'),
                          ('eq3_rk4_plain', 'rk4', '')]:
    start_scope()
    G = NeuronGroup(1, 'dv/dt = (c - v)/ms : 1\nc = sin(2*pi*t/(3*ms)) : 1' + flag, method=method)
    M = StateMonitor(G, ['v', 'c'], record=0, when='start')
    run(3 * ms)
    results[key + '_v_final'] = float(G.v[0])
    results[key + '_c_final'] = float(np.asarray(G.c[:]).reshape(-1)[0])
    results[key + '_v_trace'] = [float(x) for x in M.v[0]]
    if flag:
        results[key + '_c_trace'] = [float(x) for x in M.c[0]]

# (4)
start_scope()
seed(11)
G = NeuronGroup(1, 'dv/dt = (c - v)/ms : 1\nc = rand() : 1 (constant over dt)', method='euler')
M = StateMonitor(G, ['v', 'c'], record=0, when='start')
run(20 * ms)
c = M.c[0]
N = len(c)
results['eq4_seed11_c_trace_first20'] = [float(x) for x in c[:20]]
results['eq4_seed11_v_trace_first20'] = [float(x) for x in M.v[0][:20]]
results['eq4_c_mean'] = float(c.mean())
results['eq4_c_mean_expected'] = 0.5
# standard error of the mean of N iid U(0,1) samples, tolerance = 4 standard errors
results['eq4_c_mean_tolerance'] = float(4 * (1 / 12 / N) ** 0.5)
results['eq4_c_all_in_0_1'] = int(bool((c >= 0).all() and (c < 1).all()))
results['eq4_c_distinct_values'] = int(len(set(c.tolist())))
results['eq4_n_samples'] = int(N)

write(results, __doc__, __file__)
