"""Assorted small semantics. (a) functions timestep(t, dt) (= int64((t + 1e-3*dt)/dt)), expm1, log1p, exprel
evaluated in a group; poisson(l) draws (mean/variance of many draws, seed(21), tolerance 4 standard errors from
Poisson theory). (b) generator-syntax connect: j='k for k in sample(N_post, size=3)' (exactly 3 targets per i),
j='k for k in range(N_post) if k > i', and j='i+1 if i%2==0' style conditional expressions (recorded
connectivity or error). (c) Synapses triggered by a custom event: on_event={'pre': 'my_event'} with the source
group's events={'my_event': 'x > 0.5'}. (d) StateMonitor(S, 'v_post', record=True) on a Synapses and reading
S.v_pre / S.v_post. (e) a linked variable pointing to a subexpression, and a linked variable declared inside
Synapses (errors recorded where Brian refuses). (f) xi in a subexpression (error recorded) and an OU process with xi
directly in the differential equation (euler-maruyama, statistics with theoretical tolerance). (g) two summed
variables targeting the same variable from non-overlapping subgroups (P -> G[:5] and P -> G[5:])."""
from brian2 import *
from fixture import err, fl, ints, setup, steps, write

dt = setup()
results = {}

# (a) functions
start_scope()
ts = [0.0, 0.05e-3, 0.0999e-3, 0.1e-3, 0.15e-3, 0.3e-3, 2.35e-3, 1.0]
G = NeuronGroup(len(ts), 'tt : second\nstep : integer')
G.tt = ts * second
G.step = 'timestep(tt, dt)'
results['a_timestep_t'] = ts
results['a_timestep'] = ints(G.step[:])
xs = [1e-10, -0.5, 3.0, 0.0, -1e-12, 1e-5]
G = NeuronGroup(len(xs), 'x : 1\nem1 : 1\nl1p : 1\nexr : 1')
G.x = xs
G.em1 = 'expm1(x)'
G.l1p = 'log1p(x)'
G.exr = 'exprel(x)'
results['a_x'] = xs
results['a_expm1'] = fl(G.em1[:])
results['a_log1p'] = fl(G.l1p[:])
results['a_exprel'] = fl(G.exr[:])
seed(21)
N = 20000
for lam in (0.5, 20.0):
    G = NeuronGroup(N, 'k : integer')
    G.k = 'poisson(%r)' % lam
    k = np.asarray(G.k[:], dtype=float)
    key = 'a_poisson_l%s' % ('%g' % lam).replace('.', 'p')
    results[key + '_mean'] = float(k.mean())
    results[key + '_var'] = float(k.var(ddof=1))
    results[key + '_expected_mean'] = lam
    results[key + '_expected_var'] = lam
    # SE(mean) = sqrt(lam/N); SE(sample variance) = sqrt((mu4 - sigma^4)/N), mu4 = lam*(1 + 3*lam)
    results[key + '_mean_tolerance'] = float(4 * np.sqrt(lam / N))
    results[key + '_var_tolerance'] = float(4 * np.sqrt((lam * (1 + 3 * lam) - lam ** 2) / N))
    results[key + '_all_nonneg_int'] = int(bool((k >= 0).all() and (k == np.round(k)).all()))
    results[key + '_n'] = N

# (b) generator syntax
for key, kwds in [('sample3', dict(j='k for k in sample(N_post, size=3)')),
                  ('range_gt_i', dict(j='k for k in range(N_post) if k > i')),
                  ('cond_expr_j', dict(j='i+1 if i%2==0')),
                  ('cond_expr_j_else', dict(j='i+1 if i%2==0 else i')),
                  ('gen_with_if_cond', dict(j='i+1 for _ in range(1) if i%2==0'))]:
    start_scope()
    seed(5)
    A = NeuronGroup(6, 'v : 1')
    B = NeuronGroup(8, 'v : 1')
    S = Synapses(A, B)
    try:
        S.connect(**kwds)
        results['b_%s_i' % key] = ints(S.i[:])
        results['b_%s_j' % key] = ints(S.j[:])
        if key == 'sample3':
            results['b_sample3_count_per_i'] = [int((S.i[:] == ii).sum()) for ii in range(6)]
            results['b_sample3_distinct_per_i'] = [len(set(S.j[:][S.i[:] == ii].tolist())) for ii in range(6)]
    except Exception as e:
        results['error_b_%s' % key] = err(e)

# (c) custom event triggering synapses
start_scope()
G = NeuronGroup(2, 'dx/dt = 1/ms : 1', events={'my_event': 'x > 0.5'}, method='euler')
G.x = [0, 0.35]
G.run_on_event('my_event', 'x = 0')
H = NeuronGroup(2, 'v : 1')
S = Synapses(G, H, on_pre='v_post += 1', on_event={'pre': 'my_event'})
S.connect(j='i')
M = EventMonitor(G, 'my_event')
run(2 * ms)
results['c_event_steps'] = steps(M.t)
results['c_event_i'] = ints(M.i)
results['c_v'] = fl(H.v[:])

# (d) recording _pre/_post through Synapses
start_scope()
A = NeuronGroup(2, 'dv/dt = 1/ms : 1', method='euler')
A.v = [0, 10]
B = NeuronGroup(3, 'dv/dt = -1/ms : 1', method='euler')
B.v = [100, 200, 300]
S = Synapses(A, B, 'w : 1')
S.connect(i=[0, 1, 1], j=[2, 0, 1])
M = StateMonitor(S, ['v_post', 'v_pre'], record=True)
run(0.3 * ms)
results['d_syn_i'] = ints(S.i[:])
results['d_syn_j'] = ints(S.j[:])
for s in range(3):
    results['d_v_post_trace_syn%d' % s] = fl(M.v_post[s])
    results['d_v_pre_trace_syn%d' % s] = fl(M.v_pre[s])
results['d_S_v_pre'] = fl(S.v_pre[:])
results['d_S_v_post'] = fl(S.v_post[:])

# (e) linked variable to a subexpression; linked variable inside Synapses
start_scope()
H = NeuronGroup(3, 'y : 1\nysq = y*y : 1')
H.y = [1, 2, 3]
G = NeuronGroup(3, 'x : 1 (linked)\nz : 1')
try:
    G.x = linked_var(H, 'ysq')
    G.z = 'x'
    results['e_linked_subexpression_z'] = fl(G.z[:])
except Exception as e:
    results['error_e_linked_subexpression'] = err(e)
start_scope()
H = NeuronGroup(3, 'y : 1')
H.y = [1, 2, 3]
P = SpikeGeneratorGroup(1, [0], [0] * ms)
try:
    S = Synapses(P, H, 'lx : 1 (linked)', on_pre='y_post += lx')
    S.connect()
    S.lx = linked_var(H, 'y', index=[2, 1, 0])
    run(0.2 * ms)
    results['e_linked_in_synapses_y'] = fl(H.y[:])
except Exception as e:
    results['error_e_linked_in_synapses_index_array'] = err(e)
# the error message suggests an index given as a variable name: use the synapse's postsynaptic index 'j'
for key, idx in [('index_j', 'j'), ('index_postsynaptic_idx', '_postsynaptic_idx')]:
    start_scope()
    H = NeuronGroup(3, 'y : 1\nv : 1')
    H.y = [1, 2, 3]
    P = SpikeGeneratorGroup(1, [0], [0] * ms)
    try:
        S = Synapses(P, H, 'lx : 1 (linked)', on_pre='v_post += 10*lx')
        S.connect(i=[0, 0], j=[2, 0])
        S.lx = linked_var(H, 'y', index=idx)
        run(0.2 * ms)
        results['e_linked_in_synapses_%s_v' % key] = fl(H.v[:])
        results['e_linked_in_synapses_%s_lx' % key] = fl(S.lx[:])
    except Exception as e:
        results['error_e_linked_in_synapses_%s' % key] = err(e)

# (f) xi in a subexpression; OU process with xi in the differential equation
start_scope()
try:
    G = NeuronGroup(1, 'dv/dt = (-v + I)/ms : 1\nI = 0.5*xi*sqrt(ms) : 1')
    run(1 * defaultclock.dt)
    results['f_xi_subexpression_v'] = float(G.v[0])
except Exception as e:
    results['error_f_xi_in_subexpression'] = err(e)
start_scope()
seed(31)
Nou = 4000
tau = 1 * ms
sigma = 0.5
G = NeuronGroup(Nou, 'dv/dt = -v/tau + sigma*xi/sqrt(tau) : 1', method='euler')
run(2 * ms)
v = np.asarray(G.v[:])
nsteps = 20
a = 1 - dt / float(tau)
# euler-maruyama: v_{n+1} = a*v_n + sigma*sqrt(dt/tau)*N(0,1); from v_0 = 0 exactly:
# Var[v_n] = sigma^2*(dt/tau)*(1 - a^(2n))/(1 - a^2), E[v_n] = 0
var_exp = sigma ** 2 * (dt / float(tau)) * (1 - a ** (2 * nsteps)) / (1 - a ** 2)
results['f_ou_n'] = Nou
results['f_ou_mean'] = float(v.mean())
results['f_ou_var'] = float(v.var(ddof=1))
results['f_ou_expected_mean'] = 0.0
results['f_ou_expected_var'] = float(var_exp)
# Gaussian samples: SE(mean) = sqrt(var/N), SE(sample variance) = var*sqrt(2/(N-1)); tolerance 4 SE
results['f_ou_mean_tolerance'] = float(4 * np.sqrt(var_exp / Nou))
results['f_ou_var_tolerance'] = float(4 * var_exp * np.sqrt(2 / (Nou - 1)))
results['f_ou_state_update_code'] = str(G.state_updater.abstract_code).strip()

# (g) two summed variables into one target variable from non-overlapping subgroups
start_scope()
P = NeuronGroup(3, 'x : 1')
P.x = [1, 2, 3]
G = NeuronGroup(10, 's : 1')
S1 = Synapses(P, G[:5], 'w : 1\ns_post = w*x_pre : 1 (summed)')
S1.connect(j='i')
S1.w = 1
S2 = Synapses(P, G[5:], 'w : 1\ns_post = w*x_pre : 1 (summed)')
S2.connect()
S2.w = 10
try:
    run(1 * defaultclock.dt)
    results['g_s'] = fl(G.s[:])
except Exception as e:
    results['error_g_two_summed_subgroups'] = err(e)
# overlapping subgroups for comparison
start_scope()
P = NeuronGroup(3, 'x : 1')
P.x = [1, 2, 3]
G = NeuronGroup(10, 's : 1', name='G')
S1 = Synapses(P, G[:6], 's_post = x_pre : 1 (summed)')
S1.connect(j='i')
S2 = Synapses(P, G[4:], 's_post = x_pre : 1 (summed)')
S2.connect(j='i')
try:
    run(1 * defaultclock.dt)
    results['g_overlap_s'] = fl(G.s[:])
except Exception as e:
    results['error_g_overlapping_summed_subgroups'] = err(e)

write(results, __doc__, __file__)
