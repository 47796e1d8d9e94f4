# The SwiftBrian gallery example pfc_action_control written for Brian 2.9, to compare the two
# simulators on the same model (docs/examples/pfc_action_control.md). Usage:
#   python pfc_action_control_brian.py CONDITIONS TARGET SESSIONS TRIALS SEED STOP_EVERY [-v]
# e.g. control numpy 6 8 1 4; -v prints population rates per trial.
import sys, time
import numpy as np
from brian2 import *
prefs.codegen.target = sys.argv[2] if len(sys.argv) > 2 else 'numpy'
conds = sys.argv[1].split(',') if len(sys.argv) > 1 else ['control']
sessions = int(sys.argv[3]) if len(sys.argv) > 3 else 4
trials = int(sys.argv[4]) if len(sys.argv) > 4 else 8
seed_value = int(sys.argv[5]) if len(sys.argv) > 5 else 1
stop_every = int(sys.argv[6]) if len(sys.argv) > 6 else 4
defaultclock.dt = 0.1*ms
rng = np.random.default_rng(seed_value)
nE, nMP, nI = 32, 12, 8
nA, nIa, nH = 16, 8, 8
NP = 2*(nE+nI); NA = 2*nA + nIa + 2*nH
R = len(conds)*sessions
trial_duration = 0.5*second
t_go = 0.1*second
t_light = 0.05*second
ns = dict(C=200*pF, gL=10*nS, EL=-70*mV, VT=-50*mV, Vr=-60*mV, Ee=0*mV, Ei=-80*mV, E_cl=-70*mV,
          E_chr2=0*mV, tau_e=5*ms, tau_i=10*ms, tau_go=250*ms, tau_stop=50*ms, sigma=3*mV, taum=20*ms, t_go=t_go,
          ka_c=1/ms, Gd_c=1/(11*ms), Gr_c=1/(5*second), E50_c=1*mwatt/mm2, p_c=0.8,
          ka_g=0.5/ms, tau_g=30*ms, E50_g=0.2*mwatt/mm2, w_dA=1.0*nS, b0=0.6)
steps = int(round(float(trial_duration/ms)))
tt = np.arange(steps)*1e-3
cont = np.where(tt >= float(t_light), 5.0, 0.0)
puls = np.where((tt >= float(t_light)) & (((tt - float(t_light))*1000) % 50 < 5), 5.0, 0.0)
ns['light_chr2'] = TimedArray(puls*mwatt/mm2, dt=1*ms)
ns['light_gtacr'] = TimedArray(cont*mwatt/mm2, dt=1*ms)
common = '''
dgo/dt = (int(t >= t_go) - go)/tau_go : 1
dstop/dt = (int(t >= t_stop) - stop)/tau_stop : 1
dge/dt = -ge/tau_e : siemens
dgi/dt = -gi/tau_i : siemens
I_base : amp (constant)
go_gain : amp (constant)
stop_gain : amp (constant)
t_stop : second
'''
pfc = NeuronGroup(R*NP, '''
dv/dt = (gL*(EL-v) + ge*(Ee-v) + gi*(Ei-v) + g_chr2*O_c*(E_chr2-v) + (g_gtacr*O_g + g_psam)*(E_cl-v)
         + I_base + go_gain*go + stop_gain*stop)/C + sigma*sqrt(2/taum)*xi : volt (unless refractory)
dO_c/dt = ka_c*x_c/(1 + x_c)*(1 - O_c - D_c) - Gd_c*O_c : 1
dD_c/dt = Gd_c*O_c - Gr_c*D_c : 1
x_c = light_chr2(t)/E50_c : 1
dO_g/dt = ka_g*x_g/(1 + x_g)*(1 - O_g) - O_g/tau_g : 1
x_g = light_gtacr(t)/E50_g : 1
g_chr2 : siemens (constant)
g_gtacr : siemens (constant)
g_psam : siemens (constant)
''' + common, threshold='v > VT', reset='v = Vr', refractory=2*ms, method='euler', namespace=ns, name='pfc')
act = NeuronGroup(R*NA, '''
dv/dt = (gL*(EL-v) + ge*(Ee-v) + gi*(Ei-v) + I_base + (go_gain + habit_gain*h)*go + stop_gain*stop)/C + sigma*sqrt(2/taum)*xi : volt (unless refractory)
habit_gain : amp (constant)
h : 1
q : 1
''' + common, threshold='v > VT', reset='v = Vr', refractory=2*ms, method='euler', namespace=ns, name='act')
# layout
def pidx(r, region, kind, k):  # kind 0 E, 1 I
    return r*NP + region*(nE+nI) + (0 if kind == 0 else nE) + k
A1, A2, IA, H1, H2 = 0, nA, 2*nA, 2*nA+nIa, 2*nA+nIa+nH
P = dict(I_base=np.zeros(R*NP), go_gain=np.zeros(R*NP), stop_gain=np.zeros(R*NP), g_chr2=np.zeros(R*NP),
         g_gtacr=np.zeros(R*NP), g_psam=np.zeros(R*NP))
Q = dict(I_base=np.zeros(R*NA), go_gain=np.zeros(R*NA), stop_gain=np.zeros(R*NA), habit_gain=np.zeros(R*NA))
pe_i, pe_j, pe_w, pi_i, pi_j, pi_w = [], [], [], [], [], []
da_i, da_j, vi_i, vi_j, vh_i, vh_j = [], [], [], [], [], []
ae_i, ae_j, ae_w, ai_i, ai_j, ai_w = [], [], [], [], [], []
def conn(src, dst, p, w, I, J, W=None):
    for a in src:
        for b in dst:
            if a != b and rng.random() < p:
                I.append(a); J.append(b)
                if W is not None: W.append(w)
for r in range(R):
    cond = conds[r // sessions]
    for region in (0, 1):
        E = [pidx(r, region, 0, k) for k in range(nE)]
        I = [pidx(r, region, 1, k) for k in range(nI)]
        MP = E[:nMP]
        for n in E: P['I_base'][n] = 175*1e-12
        for n in I: P['I_base'][n] = 170*1e-12
        if region == 0:
            for n in E: P['go_gain'][n] = 50e-12
            for n in MP: P['go_gain'][n] = 100e-12
        else:
            for n in E: P['stop_gain'][n] = 40e-12
            for n in MP: P['stop_gain'][n] = 150e-12
        conn(E, E + I, 0.2, 1.0e-9, pe_i, pe_j, pe_w)
        conn(I, E + I, 0.4, 2.0e-9, pi_i, pi_j, pi_w)
        target = ('dm' if region == 0 else 'vm') + '_'
        if cond.startswith(target):
            kind = cond[3:]
            for n in MP:
                if kind == 'stGtACR2': P['g_gtacr'][n] = 20e-9
                if kind == 'ChR2': P['g_chr2'][n] = 8e-9
                if kind == 'PSAM': P['g_psam'][n] = 10e-9
    base = r*NA
    a1 = [base+A1+k for k in range(nA)]; a2 = [base+A2+k for k in range(nA)]
    ia = [base+IA+k for k in range(nIa)]; h1 = [base+H1+k for k in range(nH)]; h2 = [base+H2+k for k in range(nH)]
    for n in a1+a2: Q['I_base'][n] = 160e-12; Q['go_gain'][n] = 90e-12
    for n in ia: Q['I_base'][n] = 150e-12; Q['stop_gain'][n] = 80e-12
    for n in h1+h2: Q['I_base'][n] = 150e-12; Q['habit_gain'][n] = 200e-12
    dmMP = [pidx(r, 0, 0, k) for k in range(nMP)]; vmMP = [pidx(r, 1, 0, k) for k in range(nMP)]
    conn(dmMP, a1 + a2, 0.5, None, da_i, da_j)
    conn(vmMP, ia, 0.5, None, vi_i, vi_j)
    conn(vmMP, h1 + h2, 0.5, None, vh_i, vh_j)
    conn(a1, a1, 0.3, 0.6e-9, ae_i, ae_j, ae_w); conn(a2, a2, 0.3, 0.6e-9, ae_i, ae_j, ae_w)
    conn(a1 + a2, ia, 0.5, 1.0e-9, ae_i, ae_j, ae_w)
    conn(h1, a1, 0.5, 1.0e-9, ae_i, ae_j, ae_w); conn(h2, a2, 0.5, 1.0e-9, ae_i, ae_j, ae_w)
    conn(ia, a1 + a2, 0.5, 2.0e-9, ai_i, ai_j, ai_w)
for k, v in P.items(): setattr(pfc, k, v*(amp if k.endswith(('base', 'gain')) else siemens))
for k, v in Q.items(): setattr(act, k, v*amp)
pfc.v = 'EL + rand()*(VT-EL)'; act.v = 'EL + rand()*(VT-EL)'

def syn(src, dst, I, J, W, target, name, on_pre=None):
    S = Synapses(src, dst, 'w : siemens' if W is not None else '', on_pre=on_pre or f'{target}_post += w', namespace=ns, name=name)
    S.connect(i=np.array(I, dtype=int), j=np.array(J, dtype=int))
    if W is not None: S.w = np.array(W)*siemens
    return S
S1 = syn(pfc, pfc, pe_i, pe_j, pe_w, 'ge', 'pfc_exc'); S2 = syn(pfc, pfc, pi_i, pi_j, pi_w, 'gi', 'pfc_inh')
S3 = syn(pfc, act, da_i, da_j, None, None, 'dm_to_action', on_pre='ge_post += w_dA*(b0 + q_post)')
S4 = syn(pfc, act, vi_i, vi_j, None, None, 'vm_to_stop', on_pre='ge_post += 1.5*nS')
S5 = syn(pfc, act, vh_i, vh_j, None, None, 'vm_to_habit', on_pre='gi_post += 6*nS')
S6 = syn(act, act, ae_i, ae_j, ae_w, 'ge', 'act_exc'); S7 = syn(act, act, ai_i, ai_j, ai_w, 'gi', 'act_inh')
mon = SpikeMonitor(act, name='spikes')
pmon = SpikeMonitor(pfc, name='pspikes')
net = Network(collect())
net.store()
# learning state
q = np.tile([0.9, 0.1], (R, 1)); hab = np.tile([0.8, 0.2], (R, 1))
reversal_at = 4
alpha_q, alpha_h = 0.6, 0.1
records = []
t0 = time.time()
for k in range(trials):
    net.restore()
    seed(seed_value*1000 + k)
    rewarded = 0 if k < reversal_at else 1
    is_stop = (k % stop_every == stop_every - 1)
    ssd = np.array([0.05 + 0.05*((r + k // stop_every) % 4) for r in range(R)])
    qq = np.zeros(R*NA); hh = np.zeros(R*NA)
    for r in range(R):
        qq[r*NA+A1:r*NA+A1+nA] = q[r, 0]; qq[r*NA+A2:r*NA+A2+nA] = q[r, 1]
        hh[r*NA+H1:r*NA+H1+nH] = hab[r, 0]; hh[r*NA+H2:r*NA+H2+nH] = hab[r, 1]
    act.q = qq; act.h = hh
    ts = np.repeat(float(t_go) + ssd if is_stop else np.full(R, 1e4), NP)
    pfc.t_stop = ts*second; act.t_stop = np.repeat(float(t_go) + ssd if is_stop else np.full(R, 1e4), NA)*second
    net.run(trial_duration)
    i = np.array(mon.i); t = np.array(mon.t)
    if '-v' in sys.argv:
        pi_ = np.array(pmon.i); pt_ = np.array(pmon.t)
        def rate(ii, tt, lo, hi, a, b):
            sel = (ii % (NP if ii is pi_ else NA) >= lo) & (ii % (NP if ii is pi_ else NA) < hi) & (tt >= a) & (tt < b)
            return sel.sum()/((hi-lo)*R*(b-a))
        for nm, lo, hi in [('dmMP', 0, nMP), ('dmE', nMP, nE), ('dmI', nE, nE+nI), ('vmMP', nE+nI, nE+nI+nMP), ('vmI', 2*nE+nI, NP)]:
            print(k, nm, 'pre %.1f post %.1f' % (rate(pi_, pt_, lo, hi, 0, 0.1), rate(pi_, pt_, lo, hi, 0.1, 0.5)))
        for nm, lo, hi in [('A1', A1, A2), ('A2', A2, IA), ('Ia', IA, H1), ('H1', H1, H2), ('H2', H2, NA)]:
            print(k, nm, 'pre %.1f post %.1f' % (rate(i, t, lo, hi, 0, 0.1), rate(i, t, lo, hi, 0.1, 0.5)))
    nb = int(round(float(trial_duration/ms))) // 5
    for r in range(R):
        rates = []
        for a0 in (A1, A2):
            sel = (i >= r*NA+a0) & (i < r*NA+a0+nA)
            c = np.bincount(np.minimum((t[sel]/0.005).astype(int), nb-1), minlength=nb)
            rr = np.convolve(c, np.ones(4), 'full')[:nb] / (nA*0.02)
            rates.append(rr)
        gob = int(round(float(t_go)/0.005))
        choice, lat = -1, np.nan
        for b in range(gob, nb):
            over = [rates[0][b] >= 40, rates[1][b] >= 40]
            if any(over):
                choice = 1 if rates[1][b] > rates[0][b] else 0
                lat = (b+1)*0.005 - float(t_go); break
        records.append((conds[r // sessions], r, k, is_stop, float(ssd[r]), choice, lat, rewarded))
        if not is_stop and choice >= 0:
            rew = 1.0 if choice == rewarded else 0.0
            q[r, choice] += alpha_q*(rew - q[r, choice])
            for a in (0, 1): hab[r, a] += alpha_h*((1.0 if a == choice else 0.0) - hab[r, a])
print('sim wall', time.time()-t0, file=sys.stderr)
import collections
for c in conds:
    rec = [x for x in records if x[0] == c]
    go = [x for x in rec if not x[3]]
    al = [x[6] for x in go if x[5] >= 0]
    stop = [x for x in rec if x[3]]
    presp = np.mean([x[5] >= 0 for x in stop]) if stop else np.nan
    goall = np.sort([x[6] if x[5] >= 0 else trial_duration/second - float(t_go) for x in go])
    ssrt = np.quantile(goall, presp) - np.mean([x[4] for x in stop]) if stop else np.nan
    post = [x for x in go if x[2] >= reversal_at]
    ra = np.mean([x[5] == 1 for x in post]) if post else np.nan
    pe = np.mean([x[5] == 0 for x in post]) if post else np.nan
    print(f'{c:14s} go {len(go)} resp {len(al)} AL {np.mean(al)*1000 if al else np.nan:.1f} ms sd {np.std(al)*1000 if al else np.nan:.1f} p_resp|stop {presp:.2f} SSRT {ssrt*1000:.1f} RA {ra:.2f} PE {pe:.2f}')
