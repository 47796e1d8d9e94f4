/// The physical dimension of a quantity: the exponents of the seven SI base dimensions.
///
/// Volt is `Dimension(length: 2, mass: 1, time: -3, current: -1)`. Exponents are exact
/// ``Rational`` numbers, so square roots and other fractional powers stay exact.
public struct Dimension: Hashable, Sendable {
    /// Exponents indexed by `BaseDimension.rawValue`; always seven entries.
    private let exponents: [Rational]

    /// The dimension with the given exponent for each base dimension.
    public init(length: Rational = 0, mass: Rational = 0, time: Rational = 0,
                current: Rational = 0, temperature: Rational = 0, amount: Rational = 0,
                luminousIntensity: Rational = 0) {
        exponents = [length, mass, time, current, temperature, amount, luminousIntensity]
    }

    /// The dimension with the given exponents; base dimensions not mentioned have exponent 0.
    public init(_ exponents: [BaseDimension: Rational]) {
        self.exponents = BaseDimension.allCases.map { exponents[$0] ?? 0 }
    }

    private init(exponents: [Rational]) {
        self.exponents = exponents
    }

    /// The exponent of one base dimension.
    public subscript(base: BaseDimension) -> Rational {
        exponents[base.rawValue]
    }

    /// Whether every exponent is zero.
    public var isDimensionless: Bool { exponents.allSatisfy { $0 == 0 } }

    /// The dimension of the product of quantities with dimensions `lhs` and `rhs`.
    public static func * (lhs: Dimension, rhs: Dimension) -> Dimension {
        Dimension(exponents: zip(lhs.exponents, rhs.exponents).map(+))
    }

    /// The dimension of the quotient of quantities with dimensions `lhs` and `rhs`.
    public static func / (lhs: Dimension, rhs: Dimension) -> Dimension {
        Dimension(exponents: zip(lhs.exponents, rhs.exponents).map(-))
    }

    /// The dimension of a quantity of this dimension raised to `exponent`.
    public func raised(to exponent: Rational) -> Dimension {
        Dimension(exponents: exponents.map { $0 * exponent })
    }

    /// The dimension raised to `exponent`, or `nil` when an exponent would overflow `Int`.
    func raisedReportingOverflow(to exponent: Rational) -> Dimension? {
        let products = exponents.map { $0.multipliedReportingOverflow(by: exponent) }
        guard !products.contains(where: \.overflow) else { return nil }
        return Dimension(exponents: products.map(\.partialValue))
    }
}

/// The dimension `dimension` raised to `exponent`; the same as `dimension.raised(to: exponent)`.
public func pow(_ dimension: Dimension, _ exponent: Rational) -> Dimension {
    dimension.raised(to: exponent)
}

extension Dimension {
    /// No dimension: pure numbers, ratios, radians.
    public static let dimensionless = Dimension()
    /// Length (metre).
    public static let length = Dimension(length: 1)
    /// Mass (kilogram).
    public static let mass = Dimension(mass: 1)
    /// Time (second).
    public static let time = Dimension(time: 1)
    /// Electric current (amp).
    public static let current = Dimension(current: 1)
    /// Thermodynamic temperature (kelvin).
    public static let temperature = Dimension(temperature: 1)
    /// Amount of substance (mole).
    public static let amount = Dimension(amount: 1)
    /// Luminous intensity (candela).
    public static let luminousIntensity = Dimension(luminousIntensity: 1)

    /// Area (square metre).
    public static let area = Dimension(length: 2)
    /// Volume (cubic metre, litre).
    public static let volume = Dimension(length: 3)
    /// Frequency (hertz).
    public static let frequency = Dimension(time: -1)
    /// Force (newton).
    public static let force = Dimension(length: 1, mass: 1, time: -2)
    /// Pressure (pascal).
    public static let pressure = Dimension(length: -1, mass: 1, time: -2)
    /// Energy (joule).
    public static let energy = Dimension(length: 2, mass: 1, time: -2)
    /// Power (watt).
    public static let power = Dimension(length: 2, mass: 1, time: -3)
    /// Electric charge (coulomb).
    public static let charge = Dimension(time: 1, current: 1)
    /// Electric potential (volt).
    public static let voltage = Dimension(length: 2, mass: 1, time: -3, current: -1)
    /// Capacitance (farad).
    public static let capacitance = Dimension(length: -2, mass: -1, time: 4, current: 2)
    /// Electric resistance (ohm).
    public static let resistance = Dimension(length: 2, mass: 1, time: -3, current: -2)
    /// Electric conductance (siemens).
    public static let conductance = Dimension(length: -2, mass: -1, time: 3, current: 2)
    /// Magnetic flux (weber).
    public static let magneticFlux = Dimension(length: 2, mass: 1, time: -2, current: -1)
    /// Magnetic flux density (tesla).
    public static let magneticFluxDensity = Dimension(mass: 1, time: -2, current: -1)
    /// Inductance (henry).
    public static let inductance = Dimension(length: 2, mass: 1, time: -2, current: -2)
    /// Illuminance (lux).
    public static let illuminance = Dimension(length: -2, luminousIntensity: 1)
    /// Absorbed dose (gray) and dose equivalent (sievert).
    public static let absorbedDose = Dimension(length: 2, time: -2)
    /// Catalytic activity (katal).
    public static let catalyticActivity = Dimension(time: -1, amount: 1)
    /// Molar concentration (molar, mole per cubic metre).
    public static let concentration = Dimension(length: -3, amount: 1)
}
