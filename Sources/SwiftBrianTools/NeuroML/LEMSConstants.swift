import SwiftBrian

/// The constants of one LEMS ComponentType: the namespace values, units and built-ins (`dt`,
/// `N`) its expressions use, each written once as a `Constant` with its value.
final class LEMSConstants {
    private var entries: [(name: String, value: Quantity)] = []

    /// `name` as a constant of `value`; the same name given twice keeps the first value, which
    /// callers ensure is the same (names are prefixed by their object where they could differ).
    @discardableResult
    func add(_ name: String, _ value: Quantity) -> String {
        if !entries.contains(where: { $0.name == name }) { entries.append((name, value)) }
        return name
    }

    /// The `Constant` elements, in the order the constants were first used.
    func elements(_ quantities: LEMSQuantities, owner: String) throws -> [LEMSElement] {
        try entries.map { entry in
            LEMSElement("Constant", [
                ("name", entry.name),
                ("dimension", try quantities.name(of: entry.value.dimension, owner: owner, what: "the constant '\(entry.name)'")),
                ("value", try quantities.value(entry.value, owner: owner, what: "the constant '\(entry.name)'")),
            ])
        }
    }
}
