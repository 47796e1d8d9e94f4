/// Quantities can be saved and read back (for example the parameters of a model): a value in SI
/// base units with the exponents of its dimension.
extension Quantity: Codable {
    private enum CodingKeys: String, CodingKey { case value, dimension }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(value: try container.decode(Double.self, forKey: .value),
                  dimension: try container.decode(Dimension.self, forKey: .dimension))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(dimension, forKey: .dimension)
    }
}

/// A dimension is saved as the exponents of the seven base dimensions, each `[numerator,
/// denominator]`.
extension Dimension: Codable {
    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var exponents: [BaseDimension: Rational] = [:]
        for base in BaseDimension.allCases {
            let pair = try container.decode([Int].self)
            guard pair.count == 2, let exponent = Rational(numerator: pair[0], denominator: pair[1]) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "Invalid exponent \(pair)")
            }
            exponents[base] = exponent
        }
        self.init(exponents)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        for base in BaseDimension.allCases {
            try container.encode([self[base].numerator, self[base].denominator])
        }
    }
}
