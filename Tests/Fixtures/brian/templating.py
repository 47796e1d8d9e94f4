# Brian 2.9: Equations templating (issue 9, item 18): renaming, values substituted, '+'.
# Prints the text and the values EquationsTemplatingTests compares with.
from brian2 import *
from fixture import setup

setup()
template = Equations('dv/dt = (E - v)/tau : volt\ndge/dt = -ge/tau : siemens', tau='tau_e', v='V', E=-70*mV)
print(repr(str(template)))
synapse = Equations('dg/dt = -g/tau : 1')
eqs = (Equations('dv/dt = (E - v)/tau_m + I : volt', E=-65*mV)
       + Equations('I = w*g_e/ms : volt/second')
       + synapse.substitute(g='g_e', tau='tau_e'))
print(repr(str(eqs)))
G = NeuronGroup(1, eqs, namespace={'tau_m': 10*ms, 'tau_e': 5*ms, 'w': 2*mV}, method='euler')
G.v = -65*mV
G.g_e = 1
run(5*ms)
print(f'v = {G.v[0]:.17g}, g_e = {G.g_e[0]:.17g}')
