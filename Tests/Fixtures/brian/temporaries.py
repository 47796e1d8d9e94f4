"""Temporary variables in abstract code: assigning to a name that is not a model variable creates a local
temporary (per element in vector code) that later lines of the same code block can use. Checked in: Synapses
on_pre ('r = 2*w' then 'v_post += r' with w=1.5 -> v_post = 3), NeuronGroup reset ('tmp = v*2; v = tmp - 5'),
run_on_event code of a custom event, run_regularly code, and Synapses on_post. A temporary is also used twice in
one block and reassigned ('q = v + 1; z = q*q; q = q*10; u = q')."""
from brian2 import *
from fixture import setup, write

setup()
results = {}

# on_pre and on_post
# make H spike (for on_post) by giving it a threshold driven from post_drive
start_scope()
pre = SpikeGeneratorGroup(1, [0], [0] * ms)
H = NeuronGroup(2, 'v : 1\nu : 1\nfire : 1', threshold='fire > 0', reset='fire = 0')
drive = SpikeGeneratorGroup(2, [0, 1], [0.2, 0.2] * ms)
D = Synapses(drive, H, on_pre='fire_post = 1')
D.connect(j='i')
S = Synapses(pre, H, 'w : 1', on_pre='r = 2*w\nv_post += r', on_post='r = 0.5*w + i\nw += r\nu_post += r + j')
S.connect(i=0, j=[0, 1])
S.w = [1.5, 4.0]
run(1 * ms)
results['on_pre_v_post'] = [float(x) for x in H.v[:]]
results['on_post_w'] = [float(x) for x in S.w[:]]
results['on_post_u_post'] = [float(x) for x in H.u[:]]

# reset
start_scope()
G = NeuronGroup(3, 'v : 1', threshold='v > 2', reset='tmp = v*2\nv = tmp - 5')
G.v = [3, 1, 2.5]
run(1 * defaultclock.dt)
results['reset_v'] = [float(x) for x in G.v[:]]

# custom event with run_on_event
start_scope()
G = NeuronGroup(3, 'x : 1\ny : 1', events={'ev': 'x > 0.5'})
G.x = [0.2, 0.7, 1.0]
G.run_on_event('ev', 'tmp2 = x + 1\ny = tmp2*3\nx = tmp2 - 2')
run(2 * defaultclock.dt)
results['event_x'] = [float(v) for v in G.x[:]]
results['event_y'] = [float(v) for v in G.y[:]]

# run_regularly
start_scope()
G = NeuronGroup(3, 'v : 1\nz : 1\nu : 1')
G.v = 'i'
G.run_regularly('q = v + 1\nz = q*q\nq = q*10\nu = q', dt=defaultclock.dt)
run(1 * defaultclock.dt)
results['run_regularly_z'] = [float(v) for v in G.z[:]]
results['run_regularly_u'] = [float(v) for v in G.u[:]]

write(results, __doc__, __file__)
