import Foundation
import SwiftBrian

/// Setting an example's parameters from text, as the command line does (`--set taum=10*ms`,
/// `--set N=1000`, `--set regime=AI`): each parameter keeps its kind, and a quantity its unit.
extension GalleryExample {
    /// The names and current values of the example's parameters (its saved properties).
    public func parameters() throws -> [(name: String, value: String)] {
        let object = try jsonObject()
        return object.keys.sorted().map { key in (key, Self.describe(object[key] ?? "")) }
    }

    /// The example with the parameter `name` set to `text`: a number for a number, a quantity with
    /// units of the parameter's dimension for a quantity, a name for a choice.
    public func setting(_ name: String, to text: String) throws -> Self {
        var object = try jsonObject()
        guard let current = object[name] else {
            let known = object.keys.sorted().joined(separator: ", ")
            throw ModelError(.invalidArgument, "'\(Self.name)' has no parameter '\(name)' (its parameters: \(known))")
        }
        switch current {
        case let quantity as [String: Any]:
            guard let dimension = quantity["dimension"] else { throw unsupported(name) }
            let value = try UnitSpecification.parseQuantity(text, role: "value of \(name)")
            let expected = try JSONDecoder().decode(Dimension.self, from: JSONSerialization.data(withJSONObject: dimension))
            guard value.dimension == expected else {
                throw ModelError(.dimensionMismatch, "'\(name)' of '\(Self.name)' is in \(expected.unitSpecification), "
                                 + "but \(text) is in \(value.dimension.unitSpecification)")
            }
            try Self.checkRange(name, value.value, text: text, nonNegative: [.time, .frequency].contains(expected))
            object[name] = ["value": value.value, "dimension": dimension]
        case is NSNumber:
            guard let number = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw ModelError(.invalidArgument, "'\(name)' of '\(Self.name)' is a number, but '\(text)' is not")
            }
            let isCount = Mirror(reflecting: self).children.contains { $0.label == name && $0.value is Int }
            if isCount, !(number >= 0 && number <= Double(Int32.max) && number == number.rounded()) {
                throw ModelError(.invalidArgument, "'\(name)' of '\(Self.name)' is a count: a whole number from 0 "
                                 + "to \(Int32.max), but it is \(text)")
            }
            try Self.checkRange(name, number, text: text, nonNegative: false)
            object[name] = number == number.rounded() && !text.contains(".") ? Int(number) as Any : number
        case is String:
            object[name] = text.trimmingCharacters(in: .whitespaces)
        default:
            throw unsupported(name)
        }
        do {
            return try JSONDecoder().decode(Self.self, from: JSONSerialization.data(withJSONObject: object))
        } catch {
            throw ModelError(.invalidArgument, "'\(text)' is not a valid value for '\(name)' of '\(Self.name)'")
        }
    }

    /// Throws unless `value` (SI units) is finite, not negative when `nonNegative` (times and
    /// rates), and within the example's ``GalleryExample/parameterRanges``.
    private static func checkRange(_ name: String, _ value: Double, text: String, nonNegative: Bool) throws {
        guard value.isFinite else {
            throw ModelError(.invalidArgument, "'\(name)' of '\(Self.name)' must be finite, but it is \(text)")
        }
        if nonNegative, value < 0 {
            throw ModelError(.invalidArgument, "'\(name)' of '\(Self.name)' must not be negative, but it is \(text)")
        }
        if let range = parameterRanges[name], !range.contains(value) {
            throw ModelError(.invalidArgument, "'\(name)' of '\(Self.name)' must lie in [\(String(format: "%g", range.lowerBound)), "
                             + "\(String(format: "%g", range.upperBound))], but it is \(text)")
        }
    }

    private func unsupported(_ name: String) -> ModelError {
        ModelError(.invalidArgument, "'\(name)' of '\(Self.name)' cannot be set from text (set it from Swift)")
    }

    private func jsonObject() throws -> [String: Any] {
        let data = try JSONEncoder().encode(self)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    private static func describe(_ value: Any) -> String {
        if let quantity = value as? [String: Any], let number = quantity["value"] as? Double,
           let dimension = try? JSONDecoder().decode(
               Dimension.self, from: JSONSerialization.data(withJSONObject: quantity["dimension"] as Any)) {
            return "\(Quantity(value: number, dimension: dimension))"
        }
        if value is [Any] || value is [String: Any] { return "(set from Swift)" }
        return "\(value)"
    }
}
