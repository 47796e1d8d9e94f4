"""Dendrify 2.2.0 (Brian 2.9.0): the models that the four reference cases do not exercise, for
SwiftBrian's model-equivalence test (no simulation). Writes dendrify_api_extras_neuron.json and
dendrify_api_extras_point.json, each {"dendrify": {"model": ...}} as in the reference cases.

neuron: an 'adaptiveIF' soma (20 x 20 um) with add_params, a dendrite 'a' (120 x 2 um) with AMPA
and GABA synapses with rise and decay (AMPA with scale_g), noise (tau 10 ms, sigma 5 pA, mean 1
pA), a dendrite 'c' (80 x 1 um, scale_factor 1.5, spine_factor 2) with Ca dSpikes given in full to
dspikes() (reversal_rise 'E_Ca', reversal_fall -90 mV, durations 2.25 ms -> 22 steps, 7 ms, offset
1.05 ms -> 10 steps, refractory 20 ms); soma-a coupled by 'cylinder_a', a-c by half cylinders;
NeuronModel(cm=1 uF/cm2, gl=40 uS/cm2, r_axial=150 ohm cm, v_rest=-68 mV, spine_factor=1.5)
(which resets c's scale_factor to 1 and its spine_factor to 1.5, and leaves the soma's spine
factor alone), add_equations and add_params on the model.

point: a 'leakyIF' PointNeuronModel from geometry (30 x 30 um, 1 uF/cm2, 50 uS/cm2, -70 mV) with a
rise-decay NMDA synapse and the default noise."""
import json
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from brian2.units import cm, ms, mV, nS, ohm, pA, uF, um, uS
from dendrify import Dendrite, NeuronModel, PointNeuronModel, Soma
import refcase

soma = Soma('soma', model='adaptiveIF', length=20*um, diameter=20*um)
a = Dendrite('a', length=120*um, diameter=2*um)
c = Dendrite('c', length=80*um, diameter=1*um, scale_factor=1.5, spine_factor=2)
a.synapse('AMPA', tag='p', g=2*nS, t_rise=0.5*ms, t_decay=3*ms, scale_g=True)
a.synapse('GABA', tag='q', g=1*nS, t_rise=1*ms, t_decay=10*ms)
a.noise(tau=10*ms, sigma=5*pA, mean=1*pA)
c.dspikes('Ca', threshold=-30*mV, g_rise=5*nS, g_fall=3*nS, duration_rise=2.25*ms, duration_fall=7*ms,
          reversal_rise='E_Ca', reversal_fall=-90*mV, offset_fall=1.05*ms, refractory=20*ms)
soma.add_params({'a_soma': 2*nS, 'tauw_soma': 100*ms})
neuron = NeuronModel([(soma, a, 'cylinder_a'), (a, c)], cm=1*uF/cm**2, gl=40*uS/cm**2,
                     r_axial=150*ohm*cm, v_rest=-68*mV, spine_factor=1.5)
neuron.add_equations('dz/dt = -z/(5*ms) : 1')
neuron.add_params({'zz': 3*mV})

point = PointNeuronModel(model='leakyIF', length=30*um, diameter=30*um, cm=1*uF/cm**2, gl=50*uS/cm**2,
                         v_rest=-70*mV)
point.synapse('NMDA', tag='e', g=1*nS, t_rise=2*ms, t_decay=80*ms)
point.noise()

here = os.path.dirname(os.path.abspath(__file__))
for name, model in (('neuron', neuron), ('point', point)):
    with open(os.path.join(here, f'dendrify_api_extras_{name}.json'), 'w') as f:
        json.dump({"dendrify": {"model": refcase.dendrify_model(model)}}, f, separators=(",", ":"))
