import SwiftBrian

/// The parameters of a Dendrify model, in the order Dendrify creates them: capacitances, leak
/// conductances, resting potentials, coupling conductances, synaptic and dSpike parameters,
/// Dendrify's defaults (`E_AMPA`, `Mg_con`, ...) and what the user added. They are the
/// namespace of the group ``DendrifyModel/makeNeuronGroup(_:method:threshold:reset:refractory:initRest:initEvents:dt:name:)``
/// builds.
///
///     model.parameters["g_soma_dend"]          // 15. nS
///     model.parameters.isInteger("refractory_Na_dend")   // true: a number of time steps
///     for (name, value) in model.parameters { ... }
public struct ModelParameters: Sequence, CustomStringConvertible, Sendable {
    /// The names, in order.
    public private(set) var names: [String] = []
    private var entries: [String: NamespaceEntry] = [:]
    private var integers: Set<String> = []

    /// No parameters.
    public init() {}

    /// The number of parameters.
    public var count: Int { names.count }

    /// The value called `name`, nil when there is none (or when `name` is a function).
    public subscript(name: String) -> Quantity? {
        if case .value(let value)? = entries[name] { return value }
        return nil
    }

    /// Whether `name` is an integer, as Dendrify's time-step counts (`duration_rise_Na_dend`).
    public func isInteger(_ name: String) -> Bool { integers.contains(name) }

    /// Sets `name`; a name already present keeps its place (as a Python dict's update does).
    mutating func set(_ name: String, _ value: Quantity, isInteger: Bool = false) {
        set(name, .value(value), isInteger: isInteger)
    }

    /// Sets `name` to a namespace entry (a value or a function).
    mutating func set(_ name: String, _ entry: NamespaceEntry, isInteger: Bool = false) {
        if entries[name] == nil { names.append(name) }
        entries[name] = entry
        if isInteger { integers.insert(name) } else { integers.remove(name) }
    }

    /// Sets every parameter of `other`, in its order.
    mutating func merge(_ other: ModelParameters) {
        for name in other.names {
            if let entry = other.entries[name] { set(name, entry, isInteger: other.isInteger(name)) }
        }
    }

    /// User values by name: quantities, plain numbers (an `Int` stays an integer) and functions
    /// or TimedArrays, checked to have valid names.
    static func user(_ values: KeyValuePairs<String, any NamespaceValue>) throws -> ModelParameters {
        var parameters = ModelParameters()
        for (name, value) in values {
            try Identifiers.checkVariableName(name, source: nil, span: nil)
            try ArgumentChecks.identifier(name, "parameter name")
            parameters.set(name, value.namespaceEntry, isInteger: value is Int)
        }
        return parameters
    }

    /// The namespace a group reads these parameters from.
    public var namespace: Namespace {
        var namespace = Namespace()
        for name in names {
            switch entries[name] {
            case .value(let value)?: namespace.values[name] = value
            case .function(let function)?: namespace.add(function, as: name)
            case nil: break
            }
        }
        return namespace
    }

    /// The name and value of each parameter, in order (functions are left out).
    public func makeIterator() -> AnyIterator<(name: String, value: Quantity)> {
        var remaining = names.compactMap { name in self[name].map { (name: name, value: $0) } }.makeIterator()
        return AnyIterator { remaining.next() }
    }

    /// One `name = value` line per parameter, with units as Brian prints them (`g_soma_dend =
    /// 15. nS`); integers print as integers, functions as `<function>`.
    public var description: String {
        names.map { name in
            switch entries[name] {
            case .value(let value)? where integers.contains(name) && value.isDimensionless
                && abs(value.value) < 1e15:
                return "\(name) = \(Int(value.value))"
            case .value(let value)?: return "\(name) = \(value)"
            default: return "\(name) = <function>"
            }
        }.joined(separator: "\n")
    }
}
