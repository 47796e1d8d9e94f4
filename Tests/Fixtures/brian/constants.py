# Brian 2.9: the physical constants of brian2.units.constants and a Nernst potential (issue 9,
# item 17). Prints the values PhysicalConstantsTests compares with.
from brian2 import *
from brian2.units.constants import (avogadro_constant, boltzmann_constant, electric_constant, electron_mass,
                                    elementary_charge, faraday_constant, gas_constant, magnetic_constant,
                                    molar_mass_constant, zero_celsius)
from fixture import setup

setup()
for name in ['avogadro_constant', 'boltzmann_constant', 'electric_constant', 'electron_mass', 'elementary_charge',
             'faraday_constant', 'gas_constant', 'magnetic_constant', 'molar_mass_constant', 'zero_celsius']:
    value = globals()[name]
    print(f'{name}: {float(value):.17g} {value.dim}')
# Nernst potentials of K+ (z = 1) and Ca2+ (z = 2) at 37 degrees Celsius, in a model.
G = NeuronGroup(2, '''E = R*T/(z*F)*log(c_out/c_in) : volt
                      z : 1 (constant)
                      c_out : mmolar (constant)
                      c_in : mmolar (constant)''',
                namespace={'R': gas_constant, 'F': faraday_constant, 'T': zero_celsius + 37*kelvin})
G.z = [1, 2]
G.c_out = [5, 2] * mmolar
G.c_in = [140, 1e-4] * mmolar
print('Nernst E:', [f'{v:.17g}' for v in G.E[:]])
