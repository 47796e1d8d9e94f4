import SwiftBrianLanguage

extension Kernel {
    /// The kernel with the loop-invariant work of its loop done once per call: every largest
    /// subexpression of the vector operations that reads only constants and shared values the
    /// loop does not write (`dt`, `t`, parameters, scalar temporaries), through built-in
    /// functions, and does some arithmetic (`dt**0.5`, `sqrt(tau)/tau`), is computed in the scalar
    /// part, after its other operations, into a temporary of its own that the loop reads (a
    /// local variable in the generated C, which the compiler can keep in a register). The values are computed by
    /// the same operations in the same order; the interpreter and the generated C both gain (the
    /// C compiler cannot move calls such as `sb_pow` out of a loop itself). In a synapses
    /// iteration, a loop in a loop, a shared value read on its own (`t` in `lastupdate = t`) is
    /// hoisted too: read in the inner loop, it keeps that loop from vectorizing.
    ///
    /// One rewrite changes the arithmetic: a division by an invariant (`(EL - v)/tau`, `x/C_soma`)
    /// becomes a multiplication by its reciprocal, computed once, unless the quotient is rounded
    /// to a whole number (`int(t/period)`, `timestep`). A division per element costs
    /// several times a multiplication and dominated the state updates of conductance-based models
    /// (COBAHH 1.5× faster); the product is within 1 ulp of the quotient, as in Brian's C++
    /// targets (whose `-ffast-math` makes the same change). Every backend runs the rewritten
    /// kernel, so they still agree bit for bit.
    public func hoistingLoopInvariants() -> Kernel {
        var hoisting = LoopInvariantHoisting(kernel: self)
        let vector = self.vector.map { hoisting.operation($0) }
        guard !hoisting.stores.isEmpty else { return self }
        var kernel = self
        kernel.scalar += hoisting.stores
        kernel.vector = vector
        return kernel
    }
}

/// The state of ``Kernel/hoistingLoopInvariants()``: which shared buffers the loop may change and
/// the values hoisted so far.
private struct LoopInvariantHoisting {
    /// Buffers the loop (or its iteration) writes: their shared element is not invariant.
    var written: Set<ObjectIdentifier> = []
    /// Each hoisted expression's temporary, so that a repeated expression is computed once.
    var hoisted: [KernelExpression: Int] = [:]
    /// The first temporary number the kernel does not use.
    var nextTemporary = 0
    /// Whether the loop runs inside another (a synapses iteration: the synapses of each event).
    let nested: Bool
    /// The scalar operations computing the hoisted values, in order.
    var stores: [KernelOperation] = []

    init(kernel: Kernel) {
        if case .synapses = kernel.iteration { nested = true } else { nested = false }
        if case .sortedRun(_, let cursor, _) = kernel.iteration { written.insert(ObjectIdentifier(cursor)) }
        kernel.vector.forEach { markWritten($0) }
        (kernel.scalar + kernel.vector).forEach { markTemporaries($0) }
    }

    private mutating func markWritten(_ operation: KernelOperation) {
        switch operation {
        case .store(let reference, _): written.insert(ObjectIdentifier(reference.buffer))
        case .append(_, let buffer): written.insert(ObjectIdentifier(buffer))
        case .when(_, let inner): inner.forEach { markWritten($0) }
        default: break
        }
    }

    private mutating func markTemporaries(_ operation: KernelOperation) {
        switch operation {
        case .define(let number, _): nextTemporary = max(nextTemporary, number + 1)
        case .when(_, let inner): inner.forEach { markTemporaries($0) }
        default: break
        }
    }

    mutating func operation(_ operation: KernelOperation) -> KernelOperation {
        switch operation {
        case .define(let number, let value): return .define(number, expression(value))
        case .store(let reference, let value): return .store(reference, expression(value))
        case .append(let value, let buffer): return .append(expression(value), buffer)
        case .appendIndex(let value, let buffer): return .appendIndex(expression(value), buffer)
        case .when(let condition, let inner): return .when(expression(condition), inner.map { self.operation($0) })
        case .enqueue(let queue, let steps): return .enqueue(queue, steps: expression(steps))
        case .connect(let sink, let count): return .connect(sink, count: expression(count))
        case .checkFinite(let value, let check): return .checkFinite(expression(value), check)
        case .emit, .clear, .advance, .solveCables: return operation
        }
    }

    /// `expression` with its largest invariant subexpressions that do arithmetic replaced by
    /// loads of their hoisted values, and its divisions by invariants by multiplications by
    /// their reciprocals — except where the quotient is rounded to a whole number (inside `int`,
    /// `floor`, `ceil`, `timestep`, `//` and `%`): there a quotient that is exactly a whole
    /// number must stay one (`49 * (1/49)` is just below 1).
    private mutating func expression(_ expression: KernelExpression, rounded: Bool = false) -> KernelExpression {
        if isInvariant(expression) {
            switch expression {
            case .constant, .unary(_, .constant): return expression
            case .load, .unary(_, .load): return nested ? load(expression) : expression
            default: return load(expression)
            }
        }
        switch expression {
        case .unary(let op, let operand): return .unary(op, self.expression(operand, rounded: rounded))
        case .binary(.divide, let lhs, let rhs) where !rounded && isInvariant(rhs):
            // Only lhs varies (the whole is not invariant).
            return .binary(.multiply, self.expression(lhs), load(.binary(.divide, .constant(1), rhs)))
        case .binary(let op, let lhs, let rhs):
            let inner = rounded || op == .floorDivide || op == .modulo
            return .binary(op, self.expression(lhs, rounded: inner), self.expression(rhs, rounded: inner))
        case .call(let function, let arguments):
            var inner = rounded
            if case .builtin(let name) = function, LoopInvariantHoisting.rounding.contains(name) { inner = true }
            return .call(function, arguments.map { self.expression($0, rounded: inner) })
        case .random(.poisson(let mean), let site):
            return .random(.poisson(self.expression(mean, rounded: rounded)), site: site)
        default: return expression
        }
    }

    /// The functions that round their argument to a whole number.
    private static let rounding: Set<String> = ["int", "floor", "ceil", "timestep"]

    private mutating func load(_ expression: KernelExpression) -> KernelExpression {
        if let number = hoisted[expression] { return .temporary(number) }
        let number = nextTemporary
        nextTemporary += 1
        hoisted[expression] = number
        stores.append(.define(number, expression))
        return .temporary(number)
    }

    /// Whether `expression` has the same value at every index of one call: constants, shared
    /// elements of buffers the loop does not write, and built-in functions of them.
    private func isInvariant(_ expression: KernelExpression) -> Bool {
        switch expression {
        case .constant: return true
        case .load(let reference):
            guard case .shared = reference.index else { return false }
            return !written.contains(ObjectIdentifier(reference.buffer))
        case .unary(_, let operand): return isInvariant(operand)
        case .binary(_, let lhs, let rhs): return isInvariant(lhs) && isInvariant(rhs)
        case .call(.builtin(let name), let arguments):
            var pure = KernelFunctionNames.pure.contains(name)
            if case .pure? = Function.builtins[name]?.implementation { pure = true }
            guard pure else { return false }
            return arguments.allSatisfy { isInvariant($0) }
        default: return false
        }
    }
}
