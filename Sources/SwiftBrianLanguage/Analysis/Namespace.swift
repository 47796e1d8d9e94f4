import SwiftBrianUnits

/// The names a model reads from outside its equations: values (`taum = 20*ms`) and user functions.
/// Swift cannot read a caller's local variables the way Brian reads Python's, so the namespace is
/// always passed explicitly. A literal takes quantities, plain numbers, TimedArrays and functions
/// together (see ``NamespaceValue``):
///
///     let namespace: Namespace = ["taum": 20 * ms, "Cm": try 1 * ufarad * cm ** -2, "w0": 0.5, "Ne": 3200]
public struct Namespace: Sendable, ExpressibleByDictionaryLiteral {
    /// Named values.
    public var values: [String: Quantity]
    /// User functions by name; they take precedence over the built-in functions.
    public var functions: [String: Function]

    /// An empty namespace.
    public init() {
        self.init([:])
    }

    /// A namespace with `values` and `functions`.
    public init(_ values: [String: Quantity], functions: [Function] = []) {
        self.values = values
        self.functions = Dictionary(functions.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Reads values written as text, one `name = value` per line (`taum = 20*ms`, `El = -65 mV`,
    /// `Cm = 1*ufarad*cm**-2*area`); a value may use units and the names defined above it.
    public init(assignments text: String) throws {
        self.init()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            if content.allSatisfy(\.isWhitespace) { continue }
            try add(assignment: String(content))
        }
    }

    /// Adds one `name = value` assignment, evaluated with the values already present.
    public mutating func add(assignment: String) throws {
        guard let equals = assignment.firstIndex(of: "=") else {
            let source = SourceText(assignment, role: "namespace")
            throw ModelError(.syntax, "Expected 'name = value' in the namespace", source: source,
                             span: SourceSpan(0, assignment.utf8.count))
        }
        let name = String(assignment[..<equals]).trimmingWhitespace
        let nameSource = SourceText(assignment, role: "namespace")
        let nameSpan = SourceSpan(0, assignment.utf8.distance(from: assignment.startIndex, to: equals))
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
              !(name.first?.isNumber ?? true) else {
            throw ModelError(.syntax, "'\(name)' is not a valid name for a namespace value", source: nameSource,
                             span: nameSpan)
        }
        try Identifiers.checkVariableName(name, source: nameSource, span: nameSpan)
        let valueText = String(assignment[assignment.index(after: equals)...])
        values[name] = try UnitSpecification.parseQuantity(valueText, role: "namespace value of '\(name)'",
                                                           known: values)
    }

    /// The value called `name` (nil if there is none); setting it adds or replaces the value.
    public subscript(name: String) -> Quantity? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Gives `name` to `value`: a quantity or plain number becomes a value, a function or
    /// TimedArray is callable by `name` in model code. A later entry replaces an earlier one.
    public mutating func add(_ value: any NamespaceValue, as name: String) {
        switch value.namespaceEntry {
        case .value(let quantity):
            values[name] = quantity
            functions[name] = nil
        case .function(let function):
            functions[name] = function.named(name)
            values[name] = nil
        }
    }

    /// A namespace from a literal mixing quantities, plain numbers, TimedArrays and functions:
    /// `["tau": 10 * ms, "w0": 0.5, "Ne": 3200, "I_ext": stimulus]`.
    public init(dictionaryLiteral elements: (String, any NamespaceValue)...) {
        self.init()
        for (name, value) in elements { add(value, as: name) }
    }
}

/// A variable a model's expressions can read: a state variable, parameter or subexpression of the
/// model, or one of the built-in variables (`t`, `dt`, `i`, `N`, `xi`, ...).
public struct VariableDescription: Hashable, Sendable {
    /// Where the variable comes from.
    public enum Kind: String, Hashable, Sendable {
        /// Defined by a differential equation.
        case state = "state variable"
        /// A parameter (`x : unit`).
        case parameter
        /// A subexpression (`x = ... : unit`).
        case subexpression
        /// Time, time step, indices and other variables every group has.
        case builtin = "built-in variable"
        /// White noise (`xi`, `xi_1`, ...).
        case noise = "noise term"
        /// A name assigned in a block of code that the model does not define (see ``CodeBlock``).
        case temporary
    }

    /// The name.
    public var name: String
    /// Its dimension.
    public var dimension: Dimension
    /// Float, integer or boolean.
    public var type: VariableType
    /// Where it comes from.
    public var kind: Kind
    /// Whether statements may assign it.
    public var isWritable: Bool
    /// Whether it keeps its value during a run (constant parameters, indices, sizes).
    public var isConstant: Bool
    /// Whether the group has one value of it rather than one per element (`t`, `dt`, `N`, `(shared)`).
    public var isShared: Bool

    /// A variable description.
    public init(name: String, dimension: Dimension, type: VariableType = .float, kind: Kind,
                isWritable: Bool, isConstant: Bool, isShared: Bool = false) {
        self.name = name
        self.dimension = dimension
        self.type = type
        self.kind = kind
        self.isWritable = isWritable
        self.isConstant = isConstant
        self.isShared = isShared
    }

    /// The built-in variables of a neuron group (`t`, `dt`, `i`, `N`, `t_in_timesteps`).
    public static let builtins: [VariableDescription] = [
        VariableDescription(name: "t", dimension: .time, kind: .builtin, isWritable: false, isConstant: false,
                            isShared: true),
        VariableDescription(name: "dt", dimension: .time, kind: .builtin, isWritable: false, isConstant: true,
                            isShared: true),
        VariableDescription(name: "t_in_timesteps", dimension: .dimensionless, type: .integer, kind: .builtin,
                            isWritable: false, isConstant: false, isShared: true),
        VariableDescription(name: "i", dimension: .dimensionless, type: .integer, kind: .builtin,
                            isWritable: false, isConstant: true),
        VariableDescription(name: "N", dimension: .dimensionless, type: .integer, kind: .builtin,
                            isWritable: false, isConstant: true, isShared: true),
    ]
}
