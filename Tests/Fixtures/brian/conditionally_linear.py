# Brian 2.9: exponential_euler on conditionally linear equations (issue 9, item 5).
# Prints the values ConditionallyLinearTests compares with.
from brian2 import *
from fixture import setup

setup()
for model in ['dv/dt = (tanh(v) - 2*v + 1)/ms : 1',   # tanh(v) goes into B
              'dv/dt = (1 - v*exp(v))/ms : 1']:       # exp(v) is A
    G = NeuronGroup(1, model, method='exponential_euler')
    net = Network(G)
    net.run(1*ms)
    print(f'{model}: v = {G.v[0]:.17g}')
