// The unit names most models use, as Swift constants, so that code reads like Brian:
// `-65 * mV`, `20 * ms`, `5.6 * nS`, `1 * uF / cm2`. Every other name Brian defines is
// available through `UnitRegistry.named(_:)`. Each constant is the unit's value in SI base units.

// MARK: - second and its prefixed forms

/// The second, SI unit of time.
public let second = UnitFamily.second.unit()
/// One yoctosecond, 10^-24 second.
public let ysecond = UnitFamily.second.unit(.yocto)
/// One zeptosecond, 10^-21 second.
public let zsecond = UnitFamily.second.unit(.zepto)
/// One attosecond, 10^-18 second.
public let asecond = UnitFamily.second.unit(.atto)
/// One femtosecond, 10^-15 second.
public let fsecond = UnitFamily.second.unit(.femto)
/// One picosecond, 10^-12 second.
public let psecond = UnitFamily.second.unit(.pico)
/// One nanosecond, 10^-9 second.
public let nsecond = UnitFamily.second.unit(.nano)
/// One microsecond, 10^-6 second.
public let usecond = UnitFamily.second.unit(.micro)
/// One millisecond, 10^-3 second.
public let msecond = UnitFamily.second.unit(.milli)
/// One centisecond, 10^-2 second.
public let csecond = UnitFamily.second.unit(.centi)
/// One decisecond, 10^-1 second.
public let dsecond = UnitFamily.second.unit(.deci)
/// One decasecond, 10^1 second.
public let dasecond = UnitFamily.second.unit(.deca)
/// One hectosecond, 10^2 second.
public let hsecond = UnitFamily.second.unit(.hecto)
/// One kilosecond, 10^3 second.
public let ksecond = UnitFamily.second.unit(.kilo)
/// One megasecond, 10^6 second.
public let Msecond = UnitFamily.second.unit(.mega)
/// One gigasecond, 10^9 second.
public let Gsecond = UnitFamily.second.unit(.giga)
/// One terasecond, 10^12 second.
public let Tsecond = UnitFamily.second.unit(.tera)
/// One petasecond, 10^15 second.
public let Psecond = UnitFamily.second.unit(.peta)
/// One exasecond, 10^18 second.
public let Esecond = UnitFamily.second.unit(.exa)
/// One zettasecond, 10^21 second.
public let Zsecond = UnitFamily.second.unit(.zetta)
/// One yottasecond, 10^24 second.
public let Ysecond = UnitFamily.second.unit(.yotta)

// MARK: - volt and its prefixed forms

/// The volt, SI unit of electric potential.
public let volt = UnitFamily.volt.unit()
/// One yoctovolt, 10^-24 volt.
public let yvolt = UnitFamily.volt.unit(.yocto)
/// One zeptovolt, 10^-21 volt.
public let zvolt = UnitFamily.volt.unit(.zepto)
/// One attovolt, 10^-18 volt.
public let avolt = UnitFamily.volt.unit(.atto)
/// One femtovolt, 10^-15 volt.
public let fvolt = UnitFamily.volt.unit(.femto)
/// One picovolt, 10^-12 volt.
public let pvolt = UnitFamily.volt.unit(.pico)
/// One nanovolt, 10^-9 volt.
public let nvolt = UnitFamily.volt.unit(.nano)
/// One microvolt, 10^-6 volt.
public let uvolt = UnitFamily.volt.unit(.micro)
/// One millivolt, 10^-3 volt.
public let mvolt = UnitFamily.volt.unit(.milli)
/// One centivolt, 10^-2 volt.
public let cvolt = UnitFamily.volt.unit(.centi)
/// One decivolt, 10^-1 volt.
public let dvolt = UnitFamily.volt.unit(.deci)
/// One decavolt, 10^1 volt.
public let davolt = UnitFamily.volt.unit(.deca)
/// One hectovolt, 10^2 volt.
public let hvolt = UnitFamily.volt.unit(.hecto)
/// One kilovolt, 10^3 volt.
public let kvolt = UnitFamily.volt.unit(.kilo)
/// One megavolt, 10^6 volt.
public let Mvolt = UnitFamily.volt.unit(.mega)
/// One gigavolt, 10^9 volt.
public let Gvolt = UnitFamily.volt.unit(.giga)
/// One teravolt, 10^12 volt.
public let Tvolt = UnitFamily.volt.unit(.tera)
/// One petavolt, 10^15 volt.
public let Pvolt = UnitFamily.volt.unit(.peta)
/// One exavolt, 10^18 volt.
public let Evolt = UnitFamily.volt.unit(.exa)
/// One zettavolt, 10^21 volt.
public let Zvolt = UnitFamily.volt.unit(.zetta)
/// One yottavolt, 10^24 volt.
public let Yvolt = UnitFamily.volt.unit(.yotta)

// MARK: - amp and its prefixed forms

/// The amp, SI unit of electric current.
public let amp = UnitFamily.amp.unit()
/// One yoctoamp, 10^-24 amp.
public let yamp = UnitFamily.amp.unit(.yocto)
/// One zeptoamp, 10^-21 amp.
public let zamp = UnitFamily.amp.unit(.zepto)
/// One attoamp, 10^-18 amp.
public let aamp = UnitFamily.amp.unit(.atto)
/// One femtoamp, 10^-15 amp.
public let famp = UnitFamily.amp.unit(.femto)
/// One picoamp, 10^-12 amp.
public let pamp = UnitFamily.amp.unit(.pico)
/// One nanoamp, 10^-9 amp.
public let namp = UnitFamily.amp.unit(.nano)
/// One microamp, 10^-6 amp.
public let uamp = UnitFamily.amp.unit(.micro)
/// One milliamp, 10^-3 amp.
public let mamp = UnitFamily.amp.unit(.milli)
/// One centiamp, 10^-2 amp.
public let camp = UnitFamily.amp.unit(.centi)
/// One deciamp, 10^-1 amp.
public let damp = UnitFamily.amp.unit(.deci)
/// One decaamp, 10^1 amp.
public let daamp = UnitFamily.amp.unit(.deca)
/// One hectoamp, 10^2 amp.
public let hamp = UnitFamily.amp.unit(.hecto)
/// One kiloamp, 10^3 amp.
public let kamp = UnitFamily.amp.unit(.kilo)
/// One megaamp, 10^6 amp.
public let Mamp = UnitFamily.amp.unit(.mega)
/// One gigaamp, 10^9 amp.
public let Gamp = UnitFamily.amp.unit(.giga)
/// One teraamp, 10^12 amp.
public let Tamp = UnitFamily.amp.unit(.tera)
/// One petaamp, 10^15 amp.
public let Pamp = UnitFamily.amp.unit(.peta)
/// One exaamp, 10^18 amp.
public let Eamp = UnitFamily.amp.unit(.exa)
/// One zettaamp, 10^21 amp.
public let Zamp = UnitFamily.amp.unit(.zetta)
/// One yottaamp, 10^24 amp.
public let Yamp = UnitFamily.amp.unit(.yotta)

// MARK: - siemens and its prefixed forms

/// The siemens, SI unit of electric conductance.
public let siemens = UnitFamily.siemens.unit()
/// One yoctosiemens, 10^-24 siemens.
public let ysiemens = UnitFamily.siemens.unit(.yocto)
/// One zeptosiemens, 10^-21 siemens.
public let zsiemens = UnitFamily.siemens.unit(.zepto)
/// One attosiemens, 10^-18 siemens.
public let asiemens = UnitFamily.siemens.unit(.atto)
/// One femtosiemens, 10^-15 siemens.
public let fsiemens = UnitFamily.siemens.unit(.femto)
/// One picosiemens, 10^-12 siemens.
public let psiemens = UnitFamily.siemens.unit(.pico)
/// One nanosiemens, 10^-9 siemens.
public let nsiemens = UnitFamily.siemens.unit(.nano)
/// One microsiemens, 10^-6 siemens.
public let usiemens = UnitFamily.siemens.unit(.micro)
/// One millisiemens, 10^-3 siemens.
public let msiemens = UnitFamily.siemens.unit(.milli)
/// One centisiemens, 10^-2 siemens.
public let csiemens = UnitFamily.siemens.unit(.centi)
/// One decisiemens, 10^-1 siemens.
public let dsiemens = UnitFamily.siemens.unit(.deci)
/// One decasiemens, 10^1 siemens.
public let dasiemens = UnitFamily.siemens.unit(.deca)
/// One hectosiemens, 10^2 siemens.
public let hsiemens = UnitFamily.siemens.unit(.hecto)
/// One kilosiemens, 10^3 siemens.
public let ksiemens = UnitFamily.siemens.unit(.kilo)
/// One megasiemens, 10^6 siemens.
public let Msiemens = UnitFamily.siemens.unit(.mega)
/// One gigasiemens, 10^9 siemens.
public let Gsiemens = UnitFamily.siemens.unit(.giga)
/// One terasiemens, 10^12 siemens.
public let Tsiemens = UnitFamily.siemens.unit(.tera)
/// One petasiemens, 10^15 siemens.
public let Psiemens = UnitFamily.siemens.unit(.peta)
/// One exasiemens, 10^18 siemens.
public let Esiemens = UnitFamily.siemens.unit(.exa)
/// One zettasiemens, 10^21 siemens.
public let Zsiemens = UnitFamily.siemens.unit(.zetta)
/// One yottasiemens, 10^24 siemens.
public let Ysiemens = UnitFamily.siemens.unit(.yotta)

// MARK: - farad and its prefixed forms

/// The farad, SI unit of capacitance.
public let farad = UnitFamily.farad.unit()
/// One yoctofarad, 10^-24 farad.
public let yfarad = UnitFamily.farad.unit(.yocto)
/// One zeptofarad, 10^-21 farad.
public let zfarad = UnitFamily.farad.unit(.zepto)
/// One attofarad, 10^-18 farad.
public let afarad = UnitFamily.farad.unit(.atto)
/// One femtofarad, 10^-15 farad.
public let ffarad = UnitFamily.farad.unit(.femto)
/// One picofarad, 10^-12 farad.
public let pfarad = UnitFamily.farad.unit(.pico)
/// One nanofarad, 10^-9 farad.
public let nfarad = UnitFamily.farad.unit(.nano)
/// One microfarad, 10^-6 farad.
public let ufarad = UnitFamily.farad.unit(.micro)
/// One millifarad, 10^-3 farad.
public let mfarad = UnitFamily.farad.unit(.milli)
/// One centifarad, 10^-2 farad.
public let cfarad = UnitFamily.farad.unit(.centi)
/// One decifarad, 10^-1 farad.
public let dfarad = UnitFamily.farad.unit(.deci)
/// One decafarad, 10^1 farad.
public let dafarad = UnitFamily.farad.unit(.deca)
/// One hectofarad, 10^2 farad.
public let hfarad = UnitFamily.farad.unit(.hecto)
/// One kilofarad, 10^3 farad.
public let kfarad = UnitFamily.farad.unit(.kilo)
/// One megafarad, 10^6 farad.
public let Mfarad = UnitFamily.farad.unit(.mega)
/// One gigafarad, 10^9 farad.
public let Gfarad = UnitFamily.farad.unit(.giga)
/// One terafarad, 10^12 farad.
public let Tfarad = UnitFamily.farad.unit(.tera)
/// One petafarad, 10^15 farad.
public let Pfarad = UnitFamily.farad.unit(.peta)
/// One exafarad, 10^18 farad.
public let Efarad = UnitFamily.farad.unit(.exa)
/// One zettafarad, 10^21 farad.
public let Zfarad = UnitFamily.farad.unit(.zetta)
/// One yottafarad, 10^24 farad.
public let Yfarad = UnitFamily.farad.unit(.yotta)

// MARK: - ohm and its prefixed forms

/// The ohm, SI unit of electric resistance.
public let ohm = UnitFamily.ohm.unit()
/// One yoctoohm, 10^-24 ohm.
public let yohm = UnitFamily.ohm.unit(.yocto)
/// One zeptoohm, 10^-21 ohm.
public let zohm = UnitFamily.ohm.unit(.zepto)
/// One attoohm, 10^-18 ohm.
public let aohm = UnitFamily.ohm.unit(.atto)
/// One femtoohm, 10^-15 ohm.
public let fohm = UnitFamily.ohm.unit(.femto)
/// One picoohm, 10^-12 ohm.
public let pohm = UnitFamily.ohm.unit(.pico)
/// One nanoohm, 10^-9 ohm.
public let nohm = UnitFamily.ohm.unit(.nano)
/// One microohm, 10^-6 ohm.
public let uohm = UnitFamily.ohm.unit(.micro)
/// One milliohm, 10^-3 ohm.
public let mohm = UnitFamily.ohm.unit(.milli)
/// One centiohm, 10^-2 ohm.
public let cohm = UnitFamily.ohm.unit(.centi)
/// One deciohm, 10^-1 ohm.
public let dohm = UnitFamily.ohm.unit(.deci)
/// One decaohm, 10^1 ohm.
public let daohm = UnitFamily.ohm.unit(.deca)
/// One hectoohm, 10^2 ohm.
public let hohm = UnitFamily.ohm.unit(.hecto)
/// One kiloohm, 10^3 ohm.
public let kohm = UnitFamily.ohm.unit(.kilo)
/// One megaohm, 10^6 ohm.
public let Mohm = UnitFamily.ohm.unit(.mega)
/// One gigaohm, 10^9 ohm.
public let Gohm = UnitFamily.ohm.unit(.giga)
/// One teraohm, 10^12 ohm.
public let Tohm = UnitFamily.ohm.unit(.tera)
/// One petaohm, 10^15 ohm.
public let Pohm = UnitFamily.ohm.unit(.peta)
/// One exaohm, 10^18 ohm.
public let Eohm = UnitFamily.ohm.unit(.exa)
/// One zettaohm, 10^21 ohm.
public let Zohm = UnitFamily.ohm.unit(.zetta)
/// One yottaohm, 10^24 ohm.
public let Yohm = UnitFamily.ohm.unit(.yotta)

// MARK: - metre and its prefixed forms

/// The metre, SI unit of length.
public let metre = UnitFamily.metre.unit()
/// One yoctometre, 10^-24 metre.
public let ymetre = UnitFamily.metre.unit(.yocto)
/// One zeptometre, 10^-21 metre.
public let zmetre = UnitFamily.metre.unit(.zepto)
/// One attometre, 10^-18 metre.
public let ametre = UnitFamily.metre.unit(.atto)
/// One femtometre, 10^-15 metre.
public let fmetre = UnitFamily.metre.unit(.femto)
/// One picometre, 10^-12 metre.
public let pmetre = UnitFamily.metre.unit(.pico)
/// One nanometre, 10^-9 metre.
public let nmetre = UnitFamily.metre.unit(.nano)
/// One micrometre, 10^-6 metre.
public let umetre = UnitFamily.metre.unit(.micro)
/// One millimetre, 10^-3 metre.
public let mmetre = UnitFamily.metre.unit(.milli)
/// One centimetre, 10^-2 metre.
public let cmetre = UnitFamily.metre.unit(.centi)
/// One decimetre, 10^-1 metre.
public let dmetre = UnitFamily.metre.unit(.deci)
/// One decametre, 10^1 metre.
public let dametre = UnitFamily.metre.unit(.deca)
/// One hectometre, 10^2 metre.
public let hmetre = UnitFamily.metre.unit(.hecto)
/// One kilometre, 10^3 metre.
public let kmetre = UnitFamily.metre.unit(.kilo)
/// One megametre, 10^6 metre.
public let Mmetre = UnitFamily.metre.unit(.mega)
/// One gigametre, 10^9 metre.
public let Gmetre = UnitFamily.metre.unit(.giga)
/// One terametre, 10^12 metre.
public let Tmetre = UnitFamily.metre.unit(.tera)
/// One petametre, 10^15 metre.
public let Pmetre = UnitFamily.metre.unit(.peta)
/// One exametre, 10^18 metre.
public let Emetre = UnitFamily.metre.unit(.exa)
/// One zettametre, 10^21 metre.
public let Zmetre = UnitFamily.metre.unit(.zetta)
/// One yottametre, 10^24 metre.
public let Ymetre = UnitFamily.metre.unit(.yotta)

// MARK: - hertz and its prefixed forms

/// The hertz, SI unit of frequency.
public let hertz = UnitFamily.hertz.unit()
/// One yoctohertz, 10^-24 hertz.
public let yhertz = UnitFamily.hertz.unit(.yocto)
/// One zeptohertz, 10^-21 hertz.
public let zhertz = UnitFamily.hertz.unit(.zepto)
/// One attohertz, 10^-18 hertz.
public let ahertz = UnitFamily.hertz.unit(.atto)
/// One femtohertz, 10^-15 hertz.
public let fhertz = UnitFamily.hertz.unit(.femto)
/// One picohertz, 10^-12 hertz.
public let phertz = UnitFamily.hertz.unit(.pico)
/// One nanohertz, 10^-9 hertz.
public let nhertz = UnitFamily.hertz.unit(.nano)
/// One microhertz, 10^-6 hertz.
public let uhertz = UnitFamily.hertz.unit(.micro)
/// One millihertz, 10^-3 hertz.
public let mhertz = UnitFamily.hertz.unit(.milli)
/// One centihertz, 10^-2 hertz.
public let chertz = UnitFamily.hertz.unit(.centi)
/// One decihertz, 10^-1 hertz.
public let dhertz = UnitFamily.hertz.unit(.deci)
/// One decahertz, 10^1 hertz.
public let dahertz = UnitFamily.hertz.unit(.deca)
/// One hectohertz, 10^2 hertz.
public let hhertz = UnitFamily.hertz.unit(.hecto)
/// One kilohertz, 10^3 hertz.
public let khertz = UnitFamily.hertz.unit(.kilo)
/// One megahertz, 10^6 hertz.
public let Mhertz = UnitFamily.hertz.unit(.mega)
/// One gigahertz, 10^9 hertz.
public let Ghertz = UnitFamily.hertz.unit(.giga)
/// One terahertz, 10^12 hertz.
public let Thertz = UnitFamily.hertz.unit(.tera)
/// One petahertz, 10^15 hertz.
public let Phertz = UnitFamily.hertz.unit(.peta)
/// One exahertz, 10^18 hertz.
public let Ehertz = UnitFamily.hertz.unit(.exa)
/// One zettahertz, 10^21 hertz.
public let Zhertz = UnitFamily.hertz.unit(.zetta)
/// One yottahertz, 10^24 hertz.
public let Yhertz = UnitFamily.hertz.unit(.yotta)

// MARK: - Other named units

/// Another spelling of ``metre``.
public let meter = UnitFamily.metre.unit()
/// The kilogram, SI unit of mass.
public let kilogram = UnitFamily.kilogram.unit()
/// Another spelling of ``kilogram``.
public let kilogramme = UnitFamily.kilogramme.unit()
/// The gram, 10^-3 kilogram.
public let gram = UnitFamily.gram.unit()
/// Another spelling of ``gram``.
public let gramme = UnitFamily.gramme.unit()
/// Another name of ``amp``.
public let ampere = UnitFamily.ampere.unit()
/// The kelvin, SI unit of temperature.
public let kelvin = UnitFamily.kelvin.unit()
/// The mole, SI unit of amount of substance.
public let mole = UnitFamily.mole.unit()
/// Another name of ``mole``.
public let mol = UnitFamily.mol.unit()
/// The candela (Brian's `candle`), SI unit of luminous intensity.
public let candle = UnitFamily.candle.unit()
/// The molar, one mole per litre (10^3 mole per cubic metre).
public let molar = UnitFamily.molar.unit()
/// The radian, a dimensionless unit of angle.
public let radian = UnitFamily.radian.unit()
/// The steradian, a dimensionless unit of solid angle.
public let steradian = UnitFamily.steradian.unit()
/// The newton, SI unit of force.
public let newton = UnitFamily.newton.unit()
/// The pascal, SI unit of pressure.
public let pascal = UnitFamily.pascal.unit()
/// The joule, SI unit of energy.
public let joule = UnitFamily.joule.unit()
/// The watt, SI unit of power.
public let watt = UnitFamily.watt.unit()
/// The coulomb, SI unit of electric charge.
public let coulomb = UnitFamily.coulomb.unit()
/// The weber, SI unit of magnetic flux.
public let weber = UnitFamily.weber.unit()
/// The tesla, SI unit of magnetic flux density.
public let tesla = UnitFamily.tesla.unit()
/// The henry, SI unit of inductance.
public let henry = UnitFamily.henry.unit()
/// The lumen, SI unit of luminous flux (a candela, as the steradian has no dimension).
public let lumen = UnitFamily.lumen.unit()
/// The lux, SI unit of illuminance.
public let lux = UnitFamily.lux.unit()
/// The becquerel, SI unit of radioactivity (one per second).
public let becquerel = UnitFamily.becquerel.unit()
/// The gray, SI unit of absorbed dose.
public let gray = UnitFamily.gray.unit()
/// The sievert, SI unit of dose equivalent.
public let sievert = UnitFamily.sievert.unit()
/// The katal, SI unit of catalytic activity.
public let katal = UnitFamily.katal.unit()
/// The litre, 10^-3 cubic metre.
public let liter = UnitFamily.liter.unit()
/// Another spelling of ``liter``.
public let litre = UnitFamily.litre.unit()
/// One millimolar, one mole per cubic metre.
public let mmolar = UnitFamily.molar.unit(.milli)
/// One micromolar, 10^-3 mole per cubic metre.
public let umolar = UnitFamily.molar.unit(.micro)
/// One nanomolar, 10^-6 mole per cubic metre.
public let nmolar = UnitFamily.molar.unit(.nano)
/// One picomolar, 10^-9 mole per cubic metre.
public let pmolar = UnitFamily.molar.unit(.pico)
/// One millilitre, 10^-6 cubic metre.
public let mliter = UnitFamily.liter.unit(.milli)
/// Another spelling of ``mliter``.
public let mlitre = UnitFamily.litre.unit(.milli)

// MARK: - Squared and cubed units

/// One square metre.
public let metre2 = UnitFamily.metre.unit(power: 2)
/// One cubic metre.
public let metre3 = UnitFamily.metre.unit(power: 3)
/// One square centimetre.
public let cmetre2 = UnitFamily.metre.unit(.centi, power: 2)
/// One cubic centimetre.
public let cmetre3 = UnitFamily.metre.unit(.centi, power: 3)
/// One square millimetre.
public let mmetre2 = UnitFamily.metre.unit(.milli, power: 2)
/// One cubic millimetre.
public let mmetre3 = UnitFamily.metre.unit(.milli, power: 3)
/// One square micrometre.
public let umetre2 = UnitFamily.metre.unit(.micro, power: 2)
/// One cubic micrometre.
public let umetre3 = UnitFamily.metre.unit(.micro, power: 3)
/// One second squared.
public let second2 = UnitFamily.second.unit(power: 2)

// MARK: - Brian's short names

/// One millivolt (``mvolt``).
public let mV = mvolt
/// One milliamp (``mamp``).
public let mA = mamp
/// One microamp (``uamp``).
public let uA = uamp
/// One nanoamp (``namp``).
public let nA = namp
/// One picoamp (``pamp``).
public let pA = pamp
/// One picofarad (``pfarad``).
public let pF = pfarad
/// One microfarad (``ufarad``).
public let uF = ufarad
/// One nanofarad (``nfarad``).
public let nF = nfarad
/// One nanosiemens (``nsiemens``).
public let nS = nsiemens
/// One microsiemens (``usiemens``).
public let uS = usiemens
/// One millisiemens (``msiemens``).
public let mS = msiemens
/// One millisecond (``msecond``).
public let ms = msecond
/// One microsecond (``usecond``).
public let us = usecond
/// One hertz (``hertz``).
public let Hz = hertz
/// One kilohertz (``khertz``).
public let kHz = khertz
/// One megahertz (``Mhertz``).
public let MHz = Mhertz
/// One centimetre (``cmetre``).
public let cm = cmetre
/// One square centimetre (``cmetre2``).
public let cm2 = cmetre2
/// One cubic centimetre (``cmetre3``).
public let cm3 = cmetre3
/// One millimetre (``mmetre``).
public let mm = mmetre
/// One square millimetre (``mmetre2``).
public let mm2 = mmetre2
/// One cubic millimetre (``mmetre3``).
public let mm3 = mmetre3
/// One micrometre (``umetre``).
public let um = umetre
/// One square micrometre (``umetre2``).
public let um2 = umetre2
/// One cubic micrometre (``umetre3``).
public let um3 = umetre3
/// One millimolar (``mmolar``).
public let mM = mmolar
/// One micromolar (``umolar``).
public let uM = umolar
/// One nanomolar (``nmolar``).
public let nM = nmolar
