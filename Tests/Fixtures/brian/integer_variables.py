"""Integer state variables ('x : integer', int32). Setting with a string expression that yields a float
(G.x = 'i + 0.5', G.x = '-i - 0.5'), array assignment of a float (G.x = 2.7, G.x = [..floats..]), and abstract code
assigning floats in run_regularly ('x = 7.9', 'x += 1.5', 'x = -7.9', 'x = x/2'). Records the stored values or
Brian's error text. Keys without suffix: numpy target; keys with suffix _cython: cython target (C semantics; the numpy
target executes 'x += 1.5' as an in-place numpy operation, which numpy refuses for an int32 array). With Cython 3.x the cython target fails to compile float->integer
assignments in abstract code; Brian swallows the CompileError and skips the code (recorded as error_*_cython)."""
from brian2 import *
from fixture import err, ints, numpy_and_cython, setup, write

setup()
results = {}


def run_all(sfx):
    start_scope()
    G = NeuronGroup(5, 'x : integer')
    results['dtype' + sfx] = str(G.x[:].dtype)
    for key, expr in [('str_i_plus_half', 'i + 0.5'), ('str_minus_i_minus_half', '-i - 0.5'),
                      ('str_int_division', 'i/2'), ('str_floor_division', 'i//2'), ('str_int_of_float', 'int(i*1.5)'),
                      ('str_2p7', '2.7')]:
        try:
            G.x = expr
            results[key + sfx] = ints(G.x[:])
        except Exception as e:
            results['error_' + key + sfx] = err(e)
    for key, val in [('array_scalar_2p7', 2.7), ('array_scalar_minus_2p7', -2.7),
                     ('array_list_floats', [0.5, 1.5, -1.5, 2.9, -2.9])]:
        try:
            G.x = val
            results[key + sfx] = ints(G.x[:])
        except Exception as e:
            results['error_' + key + sfx] = err(e)

    for key, code in [('rr_assign_7p9', 'x = 7.9'), ('rr_plus_1p5', 'x += 1.5'), ('rr_assign_minus_7p9', 'x = -7.9'),
                      ('rr_divide', 'x = x/2'), ('rr_int_divide', 'x = x//2'), ('rr_int_call', 'x = int(7.9)'),
                      ('rr_plus_1', 'x += 1')]:
        start_scope()
        G = NeuronGroup(5, 'x : integer')
        G.x = 'i - 2'
        op = G.run_regularly(code, dt=defaultclock.dt)
        try:
            run(1 * defaultclock.dt)
            if sfx == '_cython' and op.codeobj.compiled_code.get('run') is None:
                # Brian's CythonExtensionManager swallows Cython CompileError and the code object then
                # silently does nothing (state unchanged): record that instead of the unchanged values
                results['error_' + key + sfx] = ('Cython CompileError (Cannot assign type double to int32_t); '
                                                 'Brian silently skips the code, x unchanged: %s' % ints(G.x[:]))
                continue
            results[key + sfx] = ints(G.x[:])
        except Exception as e:
            results['error_' + key + sfx] = err(e)


numpy_and_cython(run_all, results, '', '_cython')

write(results, __doc__, __file__)
