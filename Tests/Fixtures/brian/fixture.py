"""Small helper shared by the Brian semantic reference scripts: the common setup, Brian's errors as text,
monitor values as plain lists, and writing NAME.json next to the calling script (schema: README.md).

Nothing model-related lives here; every model is fully defined in its NAME.py. A script imports it with
`from fixture import ...` (Python puts the script's folder first on sys.path, so this works from any
working directory).
"""
import json
import os

import brian2

_dt = None


def setup():
    """numpy target, defaultclock.dt = 0.1 ms, only errors logged. Returns dt in seconds (float)."""
    global _dt
    brian2.prefs.codegen.target = 'numpy'
    brian2.defaultclock.dt = 0.1 * brian2.ms
    brian2.BrianLogger.log_level_error()
    _dt = float(brian2.defaultclock.dt)
    return _dt


def err(e):
    """An exception as 'Type: message'. BrianObjectException wraps the real error (its text contains local
    file paths), so the cause is recorded instead: 'BrianObjectException <- Type: message'."""
    if type(e).__name__ == 'BrianObjectException' and e.__cause__ is not None:
        return 'BrianObjectException <- ' + err(e.__cause__)
    return '%s: %s' % (type(e).__name__, e)


def steps(times):
    """Times (e.g. a monitor's t) as integer time steps of dt: int(round(t/dt))."""
    return [int(round(float(t) / _dt)) for t in times]


def ints(a):
    return [int(x) for x in a]


def fl(a):
    return [float(x) for x in a]


def numpy_and_cython(run_case, results, numpy_suffix, cython_suffix):
    """run_case(numpy_suffix) with the numpy target, then run_case(cython_suffix) with the cython target
    (results['error_cython'] when Cython cannot be imported)."""
    brian2.prefs.codegen.target = 'numpy'
    run_case(numpy_suffix)
    try:
        import Cython  # noqa
        brian2.prefs.codegen.target = 'cython'
        run_case(cython_suffix)
    except ImportError as e:
        results['error_cython'] = 'Cython not available: %s' % e


def python_spike_queue():
    """Patch in Brian's pure-Python SpikeQueue (what the runtime uses when the compiled queue cannot be
    imported) and select the numpy target."""
    from brian2.devices.device import RuntimeDevice
    from brian2.synapses.spikequeue import SpikeQueue as PySpikeQueue
    RuntimeDevice.spike_queue = lambda self, source_start, source_end: PySpikeQueue(source_start=source_start,
                                                                                       source_end=source_end)
    brian2.prefs.codegen.target = 'numpy'


def write(results, doc, script_file):
    """Writes NAME.json next to script_file: name, description (the docstring as one paragraph),
    brian2_version, dt, results. Prints one line per result (long lists shortened)."""
    name = os.path.splitext(os.path.basename(script_file))[0]
    path = os.path.join(os.path.dirname(os.path.abspath(script_file)), name + '.json')
    with open(path, 'w') as f:
        json.dump({'name': name, 'description': ' '.join(doc.split()), 'brian2_version': brian2.__version__,
                   'dt': _dt, 'results': results}, f, indent=1)
    for k, v in results.items():
        if isinstance(v, list) and len(v) > 12:
            print(k, repr(v[:12])[:-1] + ', ...] (%d values)' % len(v))
        else:
            print(k, repr(v))
