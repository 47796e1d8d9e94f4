import Foundation

// The physical constants of Brian's `brian2.units.constants`, with Brian's values (CODATA 2014),
// named in Swift's style. As in Brian, model code does not know them by default: put them in a
// namespace under the name the equations use, as a Brian script imports them
// (`from brian2.units.constants import faraday_constant as F`):
//
//     let bodyTemperature = try zeroCelsius + 37 * kelvin
//     let namespace: Namespace = ["R": gasConstant, "F": faradayConstant, "T": bodyTemperature]

/// The Avogadro constant N_A, 6.022140857e23 mol^-1 (Brian's `avogadro_constant`).
public let avogadroConstant = 6.022140857e23 / mole
/// The Boltzmann constant k, 1.38064852e-23 J K^-1 (Brian's `boltzmann_constant`).
public let boltzmannConstant = 1.38064852e-23 * joule / kelvin
/// The electric constant ε0, 8.854187817e-12 F m^-1 (Brian's `electric_constant`).
public let electricConstant = 8.854187817e-12 * farad / meter
/// The electron mass m_e, 9.10938356e-31 kg (Brian's `electron_mass`).
public let electronMass = 9.10938356e-31 * kilogram
/// The elementary charge e, 1.6021766208e-19 C (Brian's `elementary_charge`).
public let elementaryCharge = 1.6021766208e-19 * coulomb
/// The Faraday constant F, 96485.33289 C mol^-1 (Brian's `faraday_constant`).
public let faradayConstant = 96485.33289 * coulomb / mole
/// The gas constant R, 8.3144598 J mol^-1 K^-1 (Brian's `gas_constant`).
public let gasConstant = 8.3144598 * joule / mole / kelvin
/// The magnetic constant μ0, 4π·10^-7 N A^-2 (Brian's `magnetic_constant`).
public let magneticConstant = 4 * Double.pi * 1e-7 * newton / (amp * amp)
/// The molar mass constant M_u, 1 g mol^-1 (Brian's `molar_mass_constant`).
public let molarMassConstant = 1 * gram / mole
/// 0 °C as a temperature, 273.15 K (Brian's `zero_celsius`).
public let zeroCelsius = 273.15 * kelvin
