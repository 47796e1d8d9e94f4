import SwiftBrianUnits

/// Statements checked against a model (a reset, `on_pre` code, `run_regularly` code), with the
/// meaning Brian gives them:
///
/// - `name = value` for a name the model does not define creates a temporary, which later
///   statements of the block read (`r = 2*w; v_post += r`); its unit is the value's.
/// - A statement is *scalar* when it writes a shared variable (from shared values and random
///   draws, drawn once), or defines a temporary from shared values only (shared variables, `t`,
///   `dt`, `N`, constants; no `i`, no per-element variable, no `rand()`): it runs once, before the
///   per-element statements, not once per element.
/// - A value assigned to an integer variable is truncated toward zero (`int(...)`), as Brian's
///   integer arrays store it.
public struct CodeBlock: Sendable {
    /// One statement of the block.
    public struct Line: Sendable {
        /// The statement, with augmented assignments expanded (`x += e` is `x = x + e`) and
        /// values for integer targets truncated.
        public var statement: Statement
        /// Whether it runs once for all elements (see ``CodeBlock``).
        public var isScalar: Bool
        /// Whether it defines (or redefines) a temporary.
        public var definesTemporary: Bool
    }

    /// The statements, in order.
    public var lines: [Line]

    /// The statements as written (expanded), in order.
    public var statements: [Statement] { lines.map(\.statement) }

    /// An empty block.
    public init() { lines = [] }

    /// The block with `transform` applied to each statement's value (to inline subexpressions).
    public func mappingValues(_ transform: (Expression) throws -> Expression) rethrows -> CodeBlock {
        var copy = self
        for k in copy.lines.indices { copy.lines[k].statement.value = try transform(copy.lines[k].statement.value) }
        return copy
    }
}

extension AnalyzedEquations {
    /// Parses and checks code (`v = Vr`, `w += b`, `r = 2*w; v_post += r`): each target is a
    /// writable variable or a new temporary, each value has its target's unit. `allowsSharedWrites`
    /// says whether the code may write shared variables (Brian allows it in `run_regularly` and
    /// state updates, not in resets, event code or synaptic pathways); a shared variable can only
    /// be given a value computed from shared values, and before any per-element variable is
    /// written.
    public func checkCode(_ text: String, role: String, allowsSharedWrites: Bool) throws -> CodeBlock {
        let source = SourceText(text, role: role)
        var scope = self.scope
        var block = CodeBlock()
        var vectorWritten = false
        for statement in try Parser.statements(source) {
            let checker = DimensionChecker(scope: scope, source: source)
            let existing = scope.variables[statement.target]
            guard let target = existing, target.kind != .temporary else {
                guard statement.operator == .assign || existing != nil else {
                    throw ModelError(.unknownIdentifier, "The \(role) assigns to '\(statement.target)', which is not "
                                     + "a variable of the model\(hint(statement.target, scope)) (a new name is a "
                                     + "temporary only with '=')", source: source, span: statement.targetSpan)
                }
                try requireNotNamespaceValue(statement, scope: scope, source: source, role: role)
                let boolean = try checker.isBoolean(statement.value)
                let dimension = try checker.dimension(of: statement.value)
                if let existing, existing.dimension != dimension || (existing.type == .boolean) != boolean {
                    throw ModelError(.dimensionMismatch, "The temporary '\(statement.target)' is in "
                                     + "\(existing.dimension.unitSpecification), but the new value is in "
                                     + dimension.unitSpecification, source: source, span: statement.value.span)
                }
                let scalar = isScalar(statement.value, scope: scope)
                if !scalar { vectorWritten = true }
                scope.variables[statement.target] = VariableDescription(
                    name: statement.target, dimension: dimension, type: boolean ? .boolean : .float,
                    kind: .temporary, isWritable: true, isConstant: false, isShared: scalar)
                block.lines.append(.init(statement: statement.expanded, isScalar: scalar, definesTemporary: true))
                continue
            }
            guard target.isWritable else {
                let what = target.kind == .parameter ? "a constant parameter" : "a \(target.kind.rawValue)"
                throw ModelError(.invalidAssignment, "The \(role) cannot assign to '\(target.name)': it is \(what)",
                                 source: source, span: statement.targetSpan)
            }
            try checkValue(statement, target: target, checker: checker)
            if target.isShared {
                guard allowsSharedWrites else {
                    throw ModelError(.invalidAssignment, "The \(role) cannot write the shared variable "
                                     + "'\(target.name)': it runs for each element separately (shared variables "
                                     + "can be written in run_regularly code)", source: source,
                                     span: statement.targetSpan)
                }
                if let vector = firstVectorName(statement.value, scope: scope, countingDraws: false) {
                    throw ModelError(.invalidAssignment, "Cannot write to the shared variable '\(target.name)' with an "
                                     + "expression referring to '\(vector)', which has one value per element",
                                     source: source, span: statement.value.span)
                }
                guard !vectorWritten else {
                    throw ModelError(.invalidAssignment, "Shared variables must be written before per-element "
                                     + "variables in a block of code (as in Brian); move the statement writing "
                                     + "'\(target.name)' up", source: source, span: statement.span)
                }
            } else {
                vectorWritten = true
            }
            var plain = statement.expanded
            if target.type == .integer {
                plain.value = Expression(.call("int", [plain.value]), span: plain.value.span)
            }
            block.lines.append(.init(statement: plain, isScalar: target.isShared, definesTemporary: false))
        }
        try requireTemporariesRead(block, source: source, role: role)
        return block
    }

    /// A temporary that no later statement reads does nothing: almost always a misspelt variable.
    /// Brian accepts it silently; here it is an error that names the closest variable.
    private func requireTemporariesRead(_ block: CodeBlock, source: SourceText, role: String) throws {
        for (k, line) in block.lines.enumerated() where line.definesTemporary {
            let name = line.statement.target
            guard !block.lines[(k + 1)...].contains(where: { $0.statement.value.identifiers.contains(name) })
            else { continue }
            throw ModelError(.unknownIdentifier, "The \(role) assigns to '\(name)', which is not a variable of the "
                             + "model\(hint(name, scope)); a new name is a temporary, and no later statement "
                             + "reads it", source: source, span: line.statement.targetSpan)
        }
    }

    private func hint(_ name: String, _ scope: Scope) -> String {
        Suggestions.hint(for: name, among: scope.variables.keys)
    }

    /// A name from the namespace (or a unit, or a constant) cannot become a temporary.
    private func requireNotNamespaceValue(_ statement: Statement, scope: Scope, source: SourceText,
                                          role: String) throws {
        guard scope.variables[statement.target] == nil,
              (try? scope.resolve(statement.target, source: nil, span: nil)) != nil else { return }
        throw ModelError(.invalidAssignment, "The \(role) assigns to '\(statement.target)', which is a constant "
                         + "(from the namespace, a unit or a physical constant), not a variable of the model"
                         + hint(statement.target, scope), source: source, span: statement.targetSpan)
    }

    private func checkValue(_ statement: Statement, target: VariableDescription, checker: DimensionChecker) throws {
        switch statement.operator {
        case .assign, .add, .subtract:
            if target.type == .boolean {
                guard try checker.isBoolean(statement.value) else {
                    throw ModelError(.dimensionMismatch, "'\(target.name)' is boolean, so it must be assigned a "
                                     + "condition", source: checker.source, span: statement.value.span)
                }
                _ = try checker.dimension(of: statement.value)
            } else {
                try checker.check(statement.value, has: target.dimension, what: "a value for '\(target.name)'")
            }
        case .multiply, .divide:
            try checker.check(statement.value, has: .dimensionless,
                              what: "a factor in '\(statement.operator.rawValue)' on '\(target.name)'")
        }
    }

    /// Whether `expression` has one value for all elements (a random draw does not: as a
    /// temporary's value it is drawn per element).
    private func isScalar(_ expression: Expression, scope: Scope) -> Bool {
        firstVectorName(expression, scope: scope, countingDraws: true) == nil
    }

    /// The first name in `expression` that has a value per element, if any: such an expression
    /// cannot give a shared variable its value. (A random draw can: it is drawn once.)
    public func perElementName(in expression: Expression) -> String? {
        firstVectorName(expression, scope: scope, countingDraws: false)
    }

    /// The first name in `expression` with a value per element, or with `countingDraws` the
    /// first random function, if any.
    private func firstVectorName(_ expression: Expression, scope: Scope, countingDraws: Bool) -> String? {
        var found: String?
        expression.visit { node in
            guard found == nil else { return }
            switch node.node {
            case .name(let name):
                if let variable = scope.variables[name], !variable.isShared { found = name }
                if Equation.isStochasticVariable(name) { found = name }
            case .call(let name, _):
                if countingDraws, let function = scope.function(named: name), !function.isStateless {
                    found = "\(name)()"
                }
            default: break
            }
        }
        return found
    }
}
