import SwiftBrianLanguage

/// Lowers checked model code (expressions and statements of Brian's language) into kernel IR.
/// Names are resolved by the model object that owns the code; names assigned but not resolved
/// become temporaries (`_v`, `xi`); each `rand()`/`randn()`/`poisson(l)` call gets its own draw
/// site.
public struct KernelBuilder {
    /// What a name means in the kernel: a buffer element, a constant, the loop index, or an
    /// expression to inline (a subexpression). Nil for names the model does not know.
    public var resolveName: (String) -> KernelExpression?
    /// The function a name calls, or nil for an unknown function.
    public var resolveFunction: (String) -> KernelFunction?

    private var temporaries: [String: Int] = [:]
    /// Temporaries of scalar code: one value, held in a buffer so that per-element code reads it.
    private var scalarTemporaries: [String: DoubleBuffer] = [:]
    private var nextSite: UInt32 = 0

    /// A builder resolving names through `resolveName` and `resolveFunction`.
    public init(resolveName: @escaping (String) -> KernelExpression?,
                resolveFunction: @escaping (String) -> KernelFunction?) {
        self.resolveName = resolveName
        self.resolveFunction = resolveFunction
    }

    /// The standard function lookup: `rand`/`randn` are draws (handled by the builder), the
    /// namespace's functions come before the built-ins.
    public static func functions(_ namespace: Namespace) -> (String) -> KernelFunction? {
        { name in
            if let function = namespace.functions[name] { return .user(function) }
            return Function.builtins[name] != nil ? .builtin(name) : nil
        }
    }

    /// `expression` in kernel IR.
    public mutating func lower(_ expression: Expression) throws -> KernelExpression {
        switch expression.node {
        case .integer(let value): return .constant(Double(value))
        case .float(let value): return .constant(value)
        case .boolean(let value): return .constant(value ? 1 : 0)
        case .name(let name):
            if let temporary = temporaries[name] { return .temporary(temporary) }
            if let scalar = scalarTemporaries[name] { return .load(ArrayReference(scalar, .shared)) }
            if let resolved = resolveName(name) { return resolved }
            throw ModelError(.unknownIdentifier, "Unknown identifier '\(name)'")
        case .unary(let op, let operand):
            return .unary(op, try lower(operand))
        case .binary(.power, let lhs, let rhs):
            let base = try lower(lhs), exponent = try lower(rhs)
            // Small whole powers (`n**4` from `n*n*n*n`) are products, as written, not pow calls.
            if case .constant(let k) = exponent, k == k.rounded(), (2...4).contains(k) {
                return (1..<Int(k)).reduce(base) { product, _ in .binary(.multiply, product, base) }
            }
            return .binary(.power, base, exponent)
        case .binary(let op, let lhs, let rhs):
            return .binary(op, try lower(lhs), try lower(rhs))
        case .call("rand", _):
            return draw(.uniform)
        case .call("randn", _):
            return draw(.normal)
        case .call("poisson", let arguments):
            guard arguments.count == 1 else {
                throw ModelError(.invalidCall, "poisson takes one argument (the mean), not \(arguments.count)")
            }
            return draw(.poisson(try lower(arguments[0])))
        case .call(let name, let arguments):
            guard let function = resolveFunction(name) else {
                throw ModelError(.unknownIdentifier, "Unknown function '\(name)'")
            }
            return .call(function, try arguments.map { try lower($0) })
        }
    }

    /// A new draw site of `distribution`.
    public mutating func draw(_ distribution: RandomDistribution) -> KernelExpression {
        .random(distribution, site: newSite())
    }

    /// A draw site no other draw of the kernel uses (for draws the iteration makes itself, such as
    /// ``PairSpace/skipSite``).
    public mutating func newSite() -> UInt32 {
        defer { nextSite += 1 }
        return nextSite
    }

    /// A checked block of code in kernel IR: the scalar statements (run once, before the loop) and
    /// the per-element ones. Scalar temporaries live in one-element buffers named after `owner`.
    public mutating func lower(_ block: CodeBlock, owner: String, target: (String) -> ArrayReference?) throws
        -> (scalar: [KernelOperation], vector: [KernelOperation]) {
        var scalar: [KernelOperation] = [], vector: [KernelOperation] = []
        for line in block.lines {
            let statement = line.statement
            if line.isScalar, line.definesTemporary {
                let buffer = try scalarTemporaries[statement.target]
                    ?? DoubleBuffer(name: "\(owner)._\(statement.target)", count: 1, value: 0)
                let value = try lower(statement.value)
                scalarTemporaries[statement.target] = buffer
                temporaries[statement.target] = nil
                scalar.append(.store(ArrayReference(buffer, .shared), value))
            } else if line.isScalar {
                scalar += try lower([statement], target: target)
            } else {
                if line.definesTemporary { scalarTemporaries[statement.target] = nil }
                vector += try lower([statement], target: target)
            }
        }
        return (scalar, vector)
    }

    /// `statements` in kernel IR: an assignment to a name `target` resolves is a store, any other
    /// assignment defines a temporary that later statements read.
    public mutating func lower(_ statements: [Statement], target: (String) -> ArrayReference?) throws -> [KernelOperation] {
        var operations: [KernelOperation] = []
        for statement in statements {
            let plain = statement.expanded
            let value = try lower(plain.value)
            if temporaries[plain.target] == nil, let reference = target(plain.target) {
                operations.append(.store(reference, value))
            } else {
                let number = temporaries[plain.target] ?? temporaries.count
                temporaries[plain.target] = number
                operations.append(.define(number, value))
            }
        }
        return operations
    }
}
