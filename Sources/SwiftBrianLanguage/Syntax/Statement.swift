/// One line of abstract code, as in a reset (`v = Vr`) or an `on_pre` pathway (`ge += w`).
public struct Statement: Hashable, Sendable, CustomStringConvertible {
    /// The variable assigned.
    public var target: String
    /// Where the target's name is.
    public var targetSpan: SourceSpan
    /// `=`, `+=`, `-=`, `*=` or `/=`.
    public var `operator`: AssignmentOperator
    /// The right-hand side.
    public var value: Expression
    /// The whole statement.
    public var span: SourceSpan

    /// A statement `target op value`.
    public init(target: String, targetSpan: SourceSpan = SourceSpan(0, 0), operator: AssignmentOperator,
                value: Expression, span: SourceSpan = SourceSpan(0, 0)) {
        self.target = target
        self.targetSpan = targetSpan
        self.operator = `operator`
        self.value = value
        self.span = span
    }

    /// The statement as plain assignment: `x += e` becomes `x = x + e`.
    public var expanded: Statement {
        guard let op = `operator`.binaryOperator else { return self }
        var copy = self
        copy.operator = .assign
        copy.value = Expression(.binary(op, Expression(.name(target), span: targetSpan), value), span: value.span)
        return copy
    }

    public var description: String { "\(target) \(`operator`.rawValue) \(value)" }
}

/// The assignment operators of abstract code.
public enum AssignmentOperator: String, Hashable, Sendable {
    case assign = "=", add = "+=", subtract = "-=", multiply = "*=", divide = "/="

    /// The arithmetic an augmented assignment performs.
    public var binaryOperator: BinaryOperator? {
        switch self {
        case .assign: return nil
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        }
    }
}
