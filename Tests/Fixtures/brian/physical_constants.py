"""Physical constants of brian2.units.constants (value in SI base units and the dimension as str(dim) and
repr(dim)), plus a model using them: the Nernst potential E = k_B*T/(z*e)*log(co/ci) as a NeuronGroup
subexpression (volt) with T = zero_celsius + 37 K, z = 1, for three concentration ratios; and
E2 = R*T/(z*F)*log(co/ci) with the gas and Faraday constants (identical in exact arithmetic)."""
from brian2 import *
import brian2.units.constants as C
from fixture import setup, write

setup()
results = {}

for name in ['avogadro_constant', 'boltzmann_constant', 'electric_constant', 'electron_mass', 'elementary_charge',
             'faraday_constant', 'gas_constant', 'magnetic_constant', 'molar_mass_constant', 'zero_celsius']:
    q = getattr(C, name)
    results[name] = float(q)
    results[name + '_dim'] = str(get_dimensions(q))
    results[name + '_dim_repr'] = repr(get_dimensions(q))
    results[name + '_str'] = str(q)

start_scope()
G = NeuronGroup(3, '''co : mmolar (constant)
ci : mmolar (constant)
E = k_B*T/(z*e_charge)*log(co/ci) : volt
E2 = R_gas*T/(z*F_const)*log(co/ci) : volt''',
                namespace={'k_B': C.boltzmann_constant, 'e_charge': C.elementary_charge,
                           'R_gas': C.gas_constant, 'F_const': C.faraday_constant,
                           'T': C.zero_celsius + 37 * kelvin, 'z': 1})
G.co = [145, 5, 120] * mmolar
G.ci = [12, 140, 4] * mmolar
results['nernst_co'] = [float(x) for x in G.co[:]]
results['nernst_ci'] = [float(x) for x in G.ci[:]]
results['nernst_T'] = float(C.zero_celsius + 37 * kelvin)
results['nernst_E'] = [float(x) for x in G.E[:]]
results['nernst_E2'] = [float(x) for x in G.E2[:]]

write(results, __doc__, __file__)
