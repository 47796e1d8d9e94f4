"""A ball-and-stick cell with an active (HH) soma and a passive dendrite whose leak grows with
distance (set by a location expression), driven by excitatory synapses onto two dendritic
compartments (`morpho.dend[100*um]` and `morpho.dend[395*um]`) from a SpikeGeneratorGroup.
The post-synaptic conductance `gs` is a per-compartment variable in Im; synapses add `w` to the
target compartment's `gs`. Spikes are detected at the soma only (`threshold_location=0`), with a
reset of a dendritic marker and a refractory period. Checks: synaptic targeting of compartments,
threshold_location (SpikeMonitor's i is the compartment index 0), per-compartment parameters set
by `where`-style string expressions with `distance`, the HH soma integrated with the default
method choice (exponential_euler) and the soma–dendrite junction.
Tolerance (chosen as in README.md): Gaussian noise of 1e-12 V added to v after every step (the
size of the drift a float64 solver makes at a soma, see README) moves v by up to 1.9e-9 V on the
spikes' upstrokes (1e-13 V: 1.9e-11 V; dt*(1 + 1e-12): 6.7e-11 V); atol 2e-8 V leaves a 10x
margin. gs does not depend on v (1e-9 S/m**2). Spike steps never changed.
Run with a Brian 2.9 Python: python spatial_synapses.py"""
from brian2 import *
import numpy as np
import refcase

prefs.codegen.target = 'numpy'
defaultclock.dt = 25*us
duration = 60*ms

morpho = Soma(diameter=20*um)
morpho.dend = Cylinder(n=40, length=400*um, diameter=1.5*um)
eqs = '''
Im = gL*(EL - v) + gNa*m**3*h*(ENa - v) + gK*n**4*(EK - v) + gs*(Es - v) : amp/meter**2
dgs/dt = -gs/taus : siemens/meter**2
gNa : siemens/meter**2
gK : siemens/meter**2
gL : siemens/meter**2
dm/dt = alpham*(1 - m) - betam*m : 1
dn/dt = alphan*(1 - n) - betan*n : 1
dh/dt = alphah*(1 - h) - betah*h : 1
alpham = (0.1/mV)*(-v + 25*mV + VT)/(exp((-v + 25*mV + VT)/(10*mV)) - 1)/ms : Hz
betam = 4*exp(-(v - VT)/(18*mV))/ms : Hz
alphah = 0.07*exp(-(v - VT)/(20*mV))/ms : Hz
betah = 1/(exp((-v + 30*mV + VT)/(10*mV)) + 1)/ms : Hz
alphan = (0.01/mV)*(-v + 10*mV + VT)/(exp((-v + 10*mV + VT)/(10*mV)) - 1)/ms : Hz
betan = 0.125*exp(-(v - VT)/(80*mV))/ms : Hz
marker : 1
'''
ns = {'EL': -65*mV, 'ENa': 50*mV, 'EK': -77*mV, 'Es': 0*mV, 'VT': -65*mV, 'taus': 2*ms}
neuron = SpatialNeuron(morphology=morpho, model=eqs, threshold='v > -20*mV', threshold_location=0,
                       refractory=3*ms, reset='marker += 1', Cm=1*uF/cm**2, Ri=100*ohm*cm,
                       method='exponential_euler',
                       namespace=ns, name='neuron')
neuron.v = -65*mV
neuron.gL = '(1 + distance/(200*um))*1e-4*siemens/cm**2'
neuron.main.gNa = 120*msiemens/cm**2
neuron.main.gK = 36*msiemens/cm**2
neuron.m = 'alpham/(alpham + betam)'
neuron.n = 'alphan/(alphan + betan)'
neuron.h = 'alphah/(alphah + betah)'
near = int(morpho.dend.indices[100*um])
far = int(morpho.dend.indices[395*um])
inputs = SpikeGeneratorGroup(2, [0, 1, 0, 1, 0, 0, 0, 1, 1, 1],
                             [5, 5, 20, 20, 30, 30.5, 31, 40, 40.5, 41]*ms, name='inputs')
S = Synapses(inputs, neuron, 'w : siemens/meter**2', on_pre='gs += w', name='synapses')
S.connect(i=0, j=near)
S.connect(i=1, j=far)
S.w = [30, 60]*msiemens/cm**2
spikes = SpikeMonitor(neuron, name='spikes')
M = StateMonitor(neuron, ['v', 'gs'], record=[0, near, far], dt=100*us, name='M')
run(duration)
print(f"{spikes.num_spikes} spikes at {spikes.t[:]}, i = {spikes.i[:]}, near {near}, far {far}")
refcase.write(__file__, __doc__, defaultclock.dt, duration,
              tolerance={"rtol": 1e-8, "atol": 2e-8, "spike_time_steps": 0,
                         "per_key": {"neuron.gs": {"rtol": 1e-8, "atol": 1e-9}}},
              spikes={"neuron": refcase.spikes(spikes)},
              traces={"neuron.v": refcase.trace(M, 'v'), "neuron.gs": refcase.trace(M, 'gs')},
              final_state={"neuron." + var: refcase.final(neuron, var)
                           for var in ('v', 'm', 'n', 'h', 'gL', 'marker')},
              connectivity={"synapses": refcase.connectivity(S)},
              morphology={"neuron": refcase.morphology(
                  morpho, named={"near": ("morpho.dend[100*um]", near), "far": ("morpho.dend[395*um]", far)},
                  neuron=neuron)})
