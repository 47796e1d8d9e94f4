"""User-defined function with a numpy implementation: f(x) = x**3 - 2*x + sin(x), declared with @check_units
(arg=[1], result=1) (Brian wraps it as a Function whose numpy implementation is the Python function itself) and
used in dv/dt = (f(v) - v)/ms, v(0) = 0.3, 2 ms, method euler (and rk4 for a second reference). Records v at the
end, the trace every step (StateMonitor when='start'), and f evaluated in a group for a few x (G.y = 'f(x)').
A pure-Python reimplementation of the euler loop is recorded as a self-check (max abs difference)."""
from brian2 import *
import math
from fixture import setup, write

setup()
results = {}


@check_units(x=1, result=1)
def f(x):
    return x ** 3 - 2 * x + np.sin(x)


for method in ('euler', 'rk4'):
    start_scope()
    G = NeuronGroup(1, 'dv/dt = (f(v) - v)/ms : 1', method=method)
    G.v = 0.3
    M = StateMonitor(G, 'v', record=0)
    run(2 * ms)
    results[method + '_v_final'] = float(G.v[0])
    results[method + '_v_trace'] = [float(x) for x in M.v[0]]

# pure-Python euler self-check
v = 0.3
trace = []
for n in range(20):
    trace.append(v)
    v = v + 0.1 * ((v ** 3 - 2 * v + math.sin(v)) - v)
results['python_euler_v_final'] = v
results['python_vs_brian_euler_max_abs_diff'] = float(np.max(np.abs(
    np.array(trace + [v]) - np.array(results['euler_v_trace'] + [results['euler_v_final']]))))

start_scope()
xs = [0.0, 0.3, -1.0, 2.5, 1e-10]
G = NeuronGroup(len(xs), 'x : 1\ny : 1')
G.x = xs
G.y = 'f(x)'
results['f_x'] = xs
results['f_values'] = [float(y) for y in G.y[:]]

write(results, __doc__, __file__)
