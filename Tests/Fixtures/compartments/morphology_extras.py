"""Extra Brian 2.9 numbers for SwiftBrian's Morphology tests (MorphologyTests.swift), written to
morphology_extras.json next to this file. Nothing is simulated; the flat arrays are Brian's
FlatMorphology (the compartment numbering a SpatialNeuron uses), in SI units (NaN -> null).

- topology: str(morpho.topology()) of code-built trees and of the shipped SWC cell.
- generated: generate_coordinates() (deterministic: no randomness) of a tree without
  coordinates and of a tree whose axon alone has none; midpoint and end coordinates.
- swc_names: every name under which each SWC section is registered at its parent (given name
  first, then the automatic '1', '2', ... and 'L'/'R'/'1', '2', ... names).
- points_*: Morphology.from_points for a 3-point soma and for a file without soma.
Run with a Brian 2.9 Python: python morphology_extras.py"""
import json
import math
import os

import numpy as np
from brian2 import *
from brian2.spatialneuron.spatialneuron import FlatMorphology

here = os.path.dirname(os.path.abspath(__file__))


def floats(values):
    return [None if math.isnan(v) else float(v) for v in np.asarray(values, dtype=float).ravel()]


def flat(morpho):
    f = FlatMorphology(morpho)
    out = {key: floats(getattr(f, key)) for key in
           ('area', 'volume', 'length', 'distance', 'diameter', 'r_length_1', 'r_length_2')}
    if f.x is not None:
        for key in ('start_x', 'start_y', 'start_z', 'x', 'y', 'z', 'end_x', 'end_y', 'end_z'):
            out[key] = floats(getattr(f, key))
    out['starts'] = [int(v) for v in f.starts]
    out['ends'] = [int(v) for v in f.ends]
    out['end_distance'] = floats(f.end_distance)
    return out


def tree():
    t = Soma(diameter=25*um)
    t.trunk = Cylinder(n=4, length=80*um, diameter=3*um)
    t.trunk.L = Section(n=3, diameter=[2, 1.6, 1.3, 1]*um, length=[15, 20, 25]*um)
    t.trunk.R = Cylinder(n=2, length=40*um, diameter=1*um)
    t.trunk.L.tip = Cylinder(n=2, length=10*um, diameter=0.5*um)
    t.axon = Cylinder(n=3, length=60*um, diameter=1*um)
    return t


def tree_coords():
    t = Soma(diameter=20*um, x=5*um, y=0*um, z=0*um)
    t.dend = Cylinder(n=3, diameter=2*um, x=[10, 70]*um, y=[0, 0]*um, z=[0, 0]*um)
    t.dend.L = Section(n=2, diameter=[2, 1.5, 1]*um, x=[0, 20, 30]*um, y=[0, 20, 40]*um)
    t.dend.R = Cylinder(n=2, diameter=1*um, x=[0, 20]*um, y=[0, -20]*um, z=[0, 10]*um)
    return t


swc = Morphology.from_file(os.path.join(here, 'mp_ma_40984_gc2.CNG.swc'))
chain = Cylinder(n=3, diameter=1*um, length=30*um)
chain.a = Cylinder(n=2, diameter=1*um, length=10*um)
chain.b = Cylinder(n=1, diameter=1*um, length=10*um)
chain.c = Cylinder(n=12, diameter=1*um, length=10*um)
chain.c.deep = Section(n=1, diameter=[1, 1]*um, length=[5]*um)
soma_chain = Soma(diameter=10*um)
soma_chain.chain = chain
# Brian 2.9's Cylinder.copy_section fails for a cylinder with coordinates, so the tree with
# existing coordinates uses a Soma and Sections only.
mixed = Soma(diameter=20*um, x=5*um, y=0*um, z=0*um)
mixed.dend = Section(n=2, diameter=[2, 1.5, 1]*um, x=[10, 30, 40]*um, y=[0, 20, 40]*um)
mixed.dend.tip = Cylinder(n=2, diameter=0.5*um, length=10*um)
mixed.axon = Cylinder(n=2, diameter=1*um, length=20*um)
out = {
    "topology": {
        "soma": str(Soma(diameter=20*um).topology()),
        "cylinder": str(Cylinder(diameter=2*um, n=5, length=100*um).topology()),
        "tree": str(tree().topology()),
        "tree_coords": str(tree_coords().topology()),
        "chain": str(chain.topology()),
        "swc": str(swc.topology()),
    },
    "generated": {
        "tree": flat(tree().generate_coordinates()),
        "mixed": flat(mixed.generate_coordinates()),
        # Brian 2.9 divides by zero for a root section without coordinates that is no Soma,
        # so the chain hangs from a soma here.
        "soma_chain": flat(soma_chain.generate_coordinates()),
        "mixed_flat": flat(mixed),
    },
}

names = []
def walk(sec, path):
    for child in sec.children:
        aliases = [k for k, v in sec.children._named_children.items() if v is child]
        names.append({"path": path + "." + sec.children.name(child), "names": aliases})
        walk(child, path + "." + sec.children.name(child))
walk(swc, "morpho")
out["swc_names"] = names
out["swc_flat"] = flat(swc)

three_point = [
    (1, 'soma', 0.0, 0.0, 0.0, 10.0, -1),
    (2, 'soma', 0.0, 5.0, 0.0, 10.0, 1),
    (3, 'soma', 0.0, -5.0, 0.0, 10.0, 1),
    (4, 'dend', 5.0, 0.0, 0.0, 2.0, 1),
    (5, 'dend', 15.0, 0.0, 0.0, 1.5, 4),
    (6, 'dend', 20.0, 5.0, 0.0, 1.0, 5),
    (7, 'dend', 20.0, -5.0, 0.0, 1.0, 5),
    (8, 'axon', -5.0, 0.0, 0.0, 1.0, 1),
    (9, 'axon', -25.0, 0.0, 1.0, 0.8, 8),
]
no_soma = [
    (1, 'dend', 0.0, 0.0, 0.0, 3.0, -1),
    (2, 'dend', 10.0, 0.0, 0.0, 2.5, 1),
    (3, 'dend', 20.0, 0.0, 0.0, 2.0, 2),
    (4, None, 30.0, 5.0, 0.0, 1.0, 3),
    (5, 'apic', 30.0, -5.0, 0.0, 1.0, 3),
    (6, 'apic', 40.0, -5.0, 0.0, 1.0, 5),
]
for key, points in (("points_three_point_soma", three_point), ("points_no_soma", no_soma)):
    m = Morphology.from_points(points)
    entry = flat(m)
    entry["points"] = [list(p) for p in points]
    entry["topology"] = str(m.topology())
    entry["total_sections"] = int(m.total_sections)
    out[key] = entry

with open(os.path.join(here, 'morphology_extras.json'), 'w') as f:
    json.dump(out, f, indent=1)
    f.write("\n")
