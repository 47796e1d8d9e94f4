"""Linked variables ('x : 1 (linked)') with an index: G.x = linked_var(H, 'y', index=[0,0,1,1,2,2]) makes G's
element k read H.y[index[k]]; used in dv/dt = x/ms (euler, 1 ms, so v(1 ms) = x). Changing H.y
between runs is seen through the link. Second part: linking a 4-element group to a 1-element group without an
index (Brian 2.9 accepts this and broadcasts H1.y[0] to all elements; reading G2.x[:] then gives a scalar), with an explicit index=[0,0,0,0], and
linking to a group of a different size > 1 without index (error recorded). Also reading/writing the linked
variable through G (G.x[:] reads the source; writing G.x raises an error)."""
from brian2 import *
from fixture import err, fl, setup, write

setup()
results = {}

start_scope()
H = NeuronGroup(3, 'y : 1')
H.y = [10, 20, 30]
G = NeuronGroup(6, 'dv/dt = x/ms : 1\nx : 1 (linked)', method='euler')
G.x = linked_var(H, 'y', index=[0, 0, 1, 1, 2, 2])
run(1 * ms)
results['idx_x'] = fl(G.x[:])
results['idx_v_after_1ms'] = fl(G.v[:])
H.y = [1, 2, 3]
run(1 * ms)
results['idx_x_after_change'] = fl(G.x[:])
results['idx_v_after_2ms'] = fl(G.v[:])
try:
    G.x = 5
    results['idx_write_through_link_H_y'] = fl(H.y[:])
except Exception as e:
    results['error_idx_write_linked'] = err(e)

for key, kwds in [('broadcast_no_index', {}), ('broadcast_explicit_index', {'index': [0, 0, 0, 0]})]:
    start_scope()
    H1 = NeuronGroup(1, 'y : 1')
    H1.y = 7.5
    G2 = NeuronGroup(4, 'dv/dt = x/ms : 1\nx : 1 (linked)', method='euler')
    try:
        G2.x = linked_var(H1, 'y', **kwds)
        run(1 * ms)
        xr = G2.x[:]
        # with no index, reading G2.x[:] returns a single scalar (np.float64), not an array of 4 values
        results[key + '_x_read_shape'] = list(np.shape(xr))
        results[key + '_x'] = fl(np.atleast_1d(xr))
        results[key + '_v'] = fl(G2.v[:])
    except Exception as e:
        results['error_' + key] = err(e)

start_scope()
H3 = NeuronGroup(3, 'y : 1')
G3 = NeuronGroup(4, 'x : 1 (linked)')
try:
    G3.x = linked_var(H3, 'y')
    results['size_mismatch_x'] = fl(G3.x[:])
except Exception as e:
    results['error_size_mismatch_no_index'] = err(e)

write(results, __doc__, __file__)
