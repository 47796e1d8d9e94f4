"""The 'active' attribute of BrianObjects across several runs. (1) StateMonitor (record v) and SpikeMonitor with
.active = False during the middle of three 1 ms runs: number of samples, sample steps, spike steps. Model:
dv/dt = 1/ms, threshold v > 0.25, reset v = 0 (euler; 2 neurons, v0 = [0, 0.15], each spikes every 3 steps).
(2) the NeuronGroup itself set active=False during the middle run (its StateUpdater, Thresholder and Resetter
are contained objects and are deactivated too, so v is frozen): v trace recorded by an always-active StateMonitor,
spikes by an always-active SpikeMonitor. Variant g_spiking_at_deactivation has a spike in the last step before
deactivation (step 9): no phantom spikes are recorded while the group is inactive (the thresholder's after-run
code clears the spikespace at the end of each run)."""
from brian2 import *
from fixture import setup, steps, write

setup()
results = {}

model = 'dv/dt = 1/ms : 1'
# (1)
start_scope()
G = NeuronGroup(2, model, threshold='v > 0.25', reset='v = 0', method='euler')
G.v = [0, 0.15]
SM = StateMonitor(G, 'v', record=True)
SP = SpikeMonitor(G)
run(1 * ms)
SM.active = False
SP.active = False
run(1 * ms)
SM.active = True
SP.active = True
run(1 * ms)
results['m_state_n_samples'] = int(len(SM.t))
results['m_state_sample_steps'] = steps(SM.t)
results['m_state_v0'] = [float(x) for x in SM.v[0]]
results['m_spike_count'] = int(SP.num_spikes)
results['m_spike_steps'] = steps(SP.t)
results['m_spike_i'] = [int(x) for x in SP.i]
results['m_spike_count_per_neuron'] = [int(x) for x in SP.count[:]]

# (2)
for key, v0 in [('g', [0, 0.15]), ('g_spiking_at_deactivation', [0.2, 0.15])]:
    start_scope()
    G = NeuronGroup(2, model, threshold='v > 0.25', reset='v = 0', method='euler')
    G.v = v0
    SM = StateMonitor(G, 'v', record=True)
    SP = SpikeMonitor(G)
    run(1 * ms)
    results[key + '_contained_objects'] = ','.join(sorted(type(o).__name__ for o in G.contained_objects))
    G.active = False
    results[key + '_contained_active_after_deactivate'] = [int(o.active) for o in G.contained_objects]
    run(1 * ms)
    G.active = True
    run(1 * ms)
    results[key + '_v0_trace'] = [float(x) for x in SM.v[0]]
    results[key + '_v1_trace'] = [float(x) for x in SM.v[1]]
    results[key + '_spike_steps'] = steps(SP.t)
    results[key + '_spike_i'] = [int(x) for x in SP.i]

write(results, __doc__, __file__)
