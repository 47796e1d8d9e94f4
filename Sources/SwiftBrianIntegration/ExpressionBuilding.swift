import SwiftBrianLanguage

// Small helpers to write generated expressions as they read: `.name("v") + .name("dt")*f`.
extension Expression {
    static func name(_ name: String) -> Expression { Expression(.name(name)) }
    static func integer(_ value: Int) -> Expression { Expression(.integer(value)) }
    static func float(_ value: Double) -> Expression { Expression(.float(value)) }
    static func call(_ name: String, _ arguments: [Expression]) -> Expression { Expression(.call(name, arguments)) }

    /// The time step `dt`.
    static var dt: Expression { .name("dt") }
    /// `dt**0.5`, the scale of a Wiener increment.
    static var sqrtDt: Expression { Expression(.binary(.power, .dt, .float(0.5))) }
    /// The time `t`.
    static var t: Expression { .name("t") }

    static func + (lhs: Expression, rhs: Expression) -> Expression { Expression(.binary(.add, lhs, rhs)) }
    static func - (lhs: Expression, rhs: Expression) -> Expression { Expression(.binary(.subtract, lhs, rhs)) }
    static func * (lhs: Expression, rhs: Expression) -> Expression { Expression(.binary(.multiply, lhs, rhs)) }
    static func / (lhs: Expression, rhs: Expression) -> Expression { Expression(.binary(.divide, lhs, rhs)) }
}

extension Statement {
    /// `target = value`.
    init(_ target: String, _ value: Expression) {
        self.init(target: target, operator: .assign, value: value)
    }
}
