# Brian 2.9: the functions timestep, expm1, log1p and poisson (issue 9, item 19).
# Prints the values BuiltinFunctionsTests compares with.
from brian2 import *
from fixture import setup

setup()
G = NeuronGroup(6, '''x : 1
                      step : 1
                      em : 1
                      l : 1''')
G.x = [0, 0.3, 2.25, 2.2999, -0.05, 1e-12]
G.step = 'timestep(x*ms, dt)'
G.em = 'expm1(x*1e-3)'
G.l = 'log1p(x*1e-3)'
print('timestep:', list(G.step[:]))
print('expm1:', [f'{v:.17g}' for v in G.em[:]])
print('log1p:', [f'{v:.17g}' for v in G.l[:]])
H = NeuronGroup(100000, 'k : 1')
for lam in [0.5, 4, 15, 300]:
    H.k = f'poisson({lam})'
    print(f'poisson({lam}): mean {mean(H.k[:]):.4f}, variance {var(H.k[:]):.4f}')
