"""Equations templating: Equations(string, **kwds) replaces identifiers by other names (tau='tau_e') or
substitutes values (E=-70*mV, inserted as a constant into the expression), and Equations objects combine with
'+'. Records str(eqs) of each object (Brian's canonical formatting) and short simulations (euler, 5 ms) using
them: v after 5 ms for dv/dt = -v/tau_e (tau_e = 10 ms, v0 = 1 mV), for dv/dt = (E - v)/tau with
E=-70*mV substituted (tau = 10 ms, v0 = 0), and for the combined system (v and w, tau_w = 2 ms). str() of a substituted quantity is Brian's Quantity repr, e.g. (-70. * mvolt)."""
from brian2 import *
from fixture import err, setup, write

setup()
results = {}

eq_renamed = Equations('dv/dt = -v/tau : volt', tau='tau_e')
results['str_renamed'] = str(eq_renamed)
eq_other = Equations('dw/dt = (v - w)/tau_w : volt')
eq_sum = eq_renamed + eq_other
results['str_sum'] = str(eq_sum)
eq_value = Equations('dv/dt = (E - v)/tau : volt', E=-70 * mV)
results['str_value'] = str(eq_value)
eq_rename_var = Equations('dx/dt = -x/tau : volt', x='v_dend', tau='tau_d')
results['str_rename_variable'] = str(eq_rename_var)
eq_value_plain = Equations('dv/dt = (E - v)/tau : volt', E=-0.07 * volt, tau=10 * ms)
results['str_two_values'] = str(eq_value_plain)
results['identifiers_sum'] = ','.join(sorted(eq_sum.identifiers))
results['names_sum'] = ','.join(sorted(eq_sum.names))
try:
    bad = Equations('dv/dt = -v/tau : volt') + Equations('dv/dt = -v/tau2 : volt')
    results['str_duplicate_sum'] = str(bad)
except Exception as e:
    results['error_duplicate_variable_sum'] = err(e)

tau_e = 10 * ms
tau_w = 2 * ms
tau = 10 * ms
start_scope()
G = NeuronGroup(1, eq_renamed, method='euler')
G.v = 1 * mV
run(5 * ms)
results['sim_renamed_v'] = float(G.v[0])
start_scope()
G = NeuronGroup(1, eq_sum, method='euler')
G.v = 1 * mV
run(5 * ms)
results['sim_sum_v'] = float(G.v[0])
results['sim_sum_w'] = float(G.w[0])
start_scope()
G = NeuronGroup(1, eq_value, method='euler')
run(5 * ms)
results['sim_value_v'] = float(G.v[0])
start_scope()
G = NeuronGroup(1, eq_value_plain, method='euler')
run(5 * ms)
results['sim_two_values_v'] = float(G.v[0])

write(results, __doc__, __file__)
