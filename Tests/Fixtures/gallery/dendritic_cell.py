"""The gallery example dendritic_cell (Sources/SwiftBrianModels/Gallery/DendriticCell.swift) in
Brian 2.9: Brian's SWC cell with a Hodgkin-Huxley soma (squid currents shifted to rest at -65 mV,
the squid leak at the soma) and passive dendrites; conductance synapses (point currents) at the
tips of the 13 branches of morpho.dend2. One input to the first tip at 10 ms, then 20 inputs at
400 Hz to every tip from 40 ms; spikes detected at the soma. Prints the example's statistics,
computed as the example computes them from v sampled every 0.1 ms. Run with a Brian 2.9 Python
(numpy target, needs scipy): python dendritic_cell.py"""
import os
from brian2 import *
import numpy as np

prefs.codegen.target = 'numpy'
defaultclock.dt = 25*us
test_time, burst_start, burst_spikes, burst_rate = 10*ms, 40*ms, 20, 400*Hz
morpho = Morphology.from_file(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                           '../compartments/mp_ma_40984_gc2.CNG.swc'))
eqs = '''
Im = gL*(EL - v) + gNa*m**3*h*(ENa - v) + gK*n**4*(EK - v) : amp/meter**2
Is = gs*(Es - v) : amp (point current)
dgs/dt = -gs/taus : siemens
gL : siemens/meter**2
EL : volt
gNa : siemens/meter**2
gK : siemens/meter**2
dm/dt = alpham*(1 - m) - betam*m : 1
dn/dt = alphan*(1 - n) - betan*n : 1
dh/dt = alphah*(1 - h) - betah*h : 1
alpham = (0.1/mV)*(-v + 25*mV + VT)/(exp((-v + 25*mV + VT)/(10*mV)) - 1)/ms : Hz
betam = 4*exp(-(v - VT)/(18*mV))/ms : Hz
alphah = 0.07*exp(-(v - VT)/(20*mV))/ms : Hz
betah = 1/(exp((-v + 30*mV + VT)/(10*mV)) + 1)/ms : Hz
alphan = (0.01/mV)*(-v + 10*mV + VT)/(exp((-v + 10*mV + VT)/(10*mV)) - 1)/ms : Hz
betan = 0.125*exp(-(v - VT)/(80*mV))/ms : Hz
'''
neuron = SpatialNeuron(morphology=morpho, model=eqs, threshold='v > -20*mV', threshold_location=0,
                       refractory=3*ms, Cm=1*uF/cm**2, Ri=100*ohm*cm, method='exponential_euler',
                       namespace=dict(ENa=50*mV, EK=-77*mV, Es=0*mV, VT=-65*mV, taus=2*ms), name='neuron')
neuron.v = -65*mV
neuron.gL = 1e-4*siemens/cm**2
neuron.EL = -65*mV
neuron.main.gL = 0.3*msiemens/cm**2
neuron.main.EL = (10.613 - 65)*mV
neuron.main.gNa = 120*msiemens/cm**2
neuron.main.gK = 36*msiemens/cm**2
neuron.m = 'alpham/(alpham + betam)'
neuron.n = 'alphan/(alphan + betan)'
neuron.h = 'alphah/(alphah + betah)'

def tips(section):
    return [section] if len(section.children) == 0 else [t for c in section.children for t in tips(c)]
targets = [int(s.indices[-1]) for s in tips(morpho.dend2)]
indices = [0] + [site for k in range(burst_spikes) for site in range(len(targets))]
times = [float(test_time)] + [float(burst_start) + k/float(burst_rate)
                              for k in range(burst_spikes) for site in range(len(targets))]
inputs = SpikeGeneratorGroup(len(targets), indices, times*second, name='inputs')
S = Synapses(inputs, neuron, 'w : siemens', on_pre='gs += w', name='synapses')
S.connect(i=list(range(len(targets))), j=targets)
S.w = 2*nS
spikes = SpikeMonitor(neuron, name='soma')
M = StateMonitor(neuron, 'v', record=[0, targets[0]], dt=0.1*ms, name='trace')
run(100*ms)

t = M.t_[:]
local, soma = M.v_[1], M.v_[0]
before = np.nonzero(t < float(test_time))[0][-1]
window = np.nonzero((t >= float(test_time)) & (t < float(burst_start)))[0]
peak = window[np.argmax(local[window])]
epsp_dendrite = (local[peak] - local[before])/1e-3
epsp_soma = (soma[window].max() - soma[before])/1e-3
print(f"targets {targets}")
print(f"soma_spikes {spikes.num_spikes} at {[float(t) for t in spikes.t_[:]]} s")
print(f"epsp_dendrite {float(epsp_dendrite)!r} mV (peak at {float(t[peak])!r} s)")
print(f"epsp_soma {float(epsp_soma)!r} mV")
print(f"attenuation {float(epsp_dendrite/epsp_soma)!r}")
