"""Brian 2.9 version of the gallery example `hh_parameter_exploration` (Brian 2 paper, appendix 4,
brian2_paper_examples/example_appendix_parameter_exploration.ipynb): Hodgkin-Huxley neurons
(Traub & Miles' rate functions) on a grid of sodium conductances g_na x injected currents I.
Prints the spike count of each neuron of a grid of N_GNA x N_I points spanning the original's
ranges (g_na 10-100 mS/cm2, I 0-20 pA), simulated for DURATION seconds.

python hh_parameter_exploration.py N_GNA N_I DURATION
"""
import sys

import numpy as np
from brian2 import *

n_g_na, n_I, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
prefs.codegen.target = 'cython'
area = 20000*umetre**2
Cm = (1*ufarad*cm**-2) * area
gl = (5e-5*siemens*cm**-2) * area
El = -60*mV
EK = -90*mV
ENa = 50*mV
g_kd = (30*msiemens*cm**-2) * area
VT = -63*mV
g_na_values = np.linspace(10, 100, num=n_g_na)*msiemens*cm**-2 * area
I_values = np.linspace(0, 20, num=n_I)*pA
eqs = Equations('''
dv/dt = (gl*(El-v)-
         g_na*(m*m*m)*h*(v-ENa)-
         g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
dm/dt = alpha_m*(1-m)-beta_m*m : 1
dn/dt = alpha_n*(1-n)-beta_n*n : 1
dh/dt = alpha_h*(1-h)-beta_h*h : 1
alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/
         (exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz
beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/
        (exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz
alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/
         (exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz
beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
I : amp (constant)
g_na : siemens (constant)
''')
neuron = NeuronGroup(len(g_na_values)*len(I_values), eqs, method='exponential_euler',
                     threshold='v>-20*mV', refractory='v>-20*mV')
neuron.v = El
spike_mon = SpikeMonitor(neuron)
all_g_na_values, all_I_values = np.meshgrid(g_na_values, I_values)
neuron.g_na = all_g_na_values.flat[:]
neuron.I = all_I_values.flat[:]
run(duration*second)
for k in range(len(neuron)):
    print('g_na %.4f mS/cm2  I %.4f pA  count %d' % (neuron.g_na[k]/(msiemens*cm**-2*area),
                                                   neuron.I[k]/pA, spike_mon.count[k]))
