"""Exponential Euler on conditionally linear equations: each equation is written as dx/dt = A + B*x with A, B
free of x (they may depend on other variables) and updated as x <- -A/B + (x + A/B)*exp(B*dt), using the values
of all variables at the start of the step. (1) dv/dt = (tanh(v) - 2*v + 1)/ms, v(0)=0, 1 ms: Brian ACCEPTS this
(tanh(v) is not polynomial in v; sympy's collect leaves it in A, evaluated at the current v): the generated
abstract code is recorded. (2) dv/dt = (sin(t*100/second) - v*(1+w))/ms with
dw/dt = -w/(5*ms), w(0)=1, v(0)=0. (3) HH-like gate dm/dt = alpha*(1-m) - beta*m with alpha, beta functions of a
per-neuron constant u (3 neurons) and (3b) of a relaxing voltage u. (4) the error for dv/dt = v**2/ms. Traces are
recorded with StateMonitor(when='start') at every step (values before the step's update) plus final values."""
from brian2 import *
from fixture import err, setup, write

setup()
results = {}

# (1)
start_scope()
G = NeuronGroup(1, 'dv/dt = (tanh(v) - 2*v + 1)/ms : 1', method='exponential_euler')
M = StateMonitor(G, 'v', record=0)
run(1 * ms)
results['eq1_v_final'] = float(G.v[0])
results['eq1_v_trace'] = [float(x) for x in M.v[0]]
results['eq1_state_update_code'] = str(G.state_updater.abstract_code).strip()

# (2)
start_scope()
G = NeuronGroup(1, '''dv/dt = (sin(t*100/second) - v*(1+w))/ms : 1
                      dw/dt = -w/(5*ms) : 1''', method='exponential_euler')
G.w = 1
M = StateMonitor(G, ['v', 'w'], record=0)
run(2 * ms)
results['eq2_state_update_code'] = str(G.state_updater.abstract_code).strip()
results['eq2_v_final'] = float(G.v[0])
results['eq2_w_final'] = float(G.w[0])
results['eq2_v_trace'] = [float(x) for x in M.v[0]]
results['eq2_w_trace'] = [float(x) for x in M.w[0]]

# (3) HH sodium activation gate, constant voltage per neuron
gate = '''dm/dt = alpha*(1-m) - beta*m : 1
alpha = 0.1/mV*(u + 40*mV)/(1 - exp(-(u + 40*mV)/(10*mV)))/ms : Hz
beta = 4*exp(-(u + 65*mV)/(18*mV))/ms : Hz
'''
start_scope()
G = NeuronGroup(3, gate + 'u : volt (constant)', method='exponential_euler')
G.u = [-65, -50, -30] * mV
G.m = 0.05
M = StateMonitor(G, 'm', record=True)
run(1 * ms)
results['eq3_state_update_code'] = str(G.state_updater.abstract_code).strip()
results['eq3_u'] = [float(x) for x in G.u[:]]
results['eq3_m_final'] = [float(x) for x in G.m[:]]
for k in range(3):
    results['eq3_m_trace_%d' % k] = [float(x) for x in M.m[k]]

start_scope()
G = NeuronGroup(1, gate + 'du/dt = (-20*mV - u)/(2*ms) : volt', method='exponential_euler')
G.u = -65 * mV
G.m = 0.05
M = StateMonitor(G, ['m', 'u'], record=0)
run(1 * ms)
results['eq3b_m_final'] = float(G.m[0])
results['eq3b_u_final'] = float(G.u[0])
results['eq3b_m_trace'] = [float(x) for x in M.m[0]]
results['eq3b_u_trace'] = [float(x) for x in M.u[0]]

# (4)
start_scope()
try:
    G = NeuronGroup(1, 'dv/dt = v**2/ms : 1', method='exponential_euler')
    run(1 * defaultclock.dt)
    results['eq4_v'] = float(G.v[0])
except Exception as e:
    results['error_eq4_nonlinear'] = err(e)

write(results, __doc__, __file__)
