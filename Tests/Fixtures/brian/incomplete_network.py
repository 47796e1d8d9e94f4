"""Running a Network that contains a Synapses object but not its source group: G, H NeuronGroups,
S = Synapses(G, H, on_pre='v_post += 1'), Network(H, S).run(1*ms). Brian raises an error when the network is
prepared (objects referenced by S must be part of the network); the exception type and text are recorded, for
the BrianObjectException wrapper and its cause. Also: the same with the target group missing, Network(G, S), and
the complete Network(G, H, S) running normally."""
from brian2 import *
import re
from fixture import setup, write

setup()
results = {}


def strip_paths(s):
    # remove the "Object was created here" lines (they contain local file paths)
    return re.sub(r"\nObject was created here.*?\n\n", "\n", s, flags=re.S)


for key, objs in [('missing_source', 'HS'), ('missing_target', 'GS'), ('complete', 'GHS')]:
    start_scope()
    G = NeuronGroup(2, 'v : 1', threshold='v > 1', name='G')
    H = NeuronGroup(2, 'v : 1', name='H')
    S = Synapses(G, H, on_pre='v_post += 1', name='S')
    S.connect(j='i')
    G.v = [2, 0]
    net = Network(*[{'G': G, 'H': H, 'S': S}[c] for c in objs])
    try:
        net.run(1 * ms)
        results[key + '_H_v'] = [float(x) for x in H.v[:]]
    except Exception as e:
        results['error_' + key] = '%s: %s' % (type(e).__name__, strip_paths(str(e)))
        if e.__cause__ is not None:
            results['error_' + key + '_cause'] = '%s: %s' % (type(e.__cause__).__name__, e.__cause__)

write(results, __doc__, __file__)
