import Foundation
import SwiftBrianPortableMath
import struct SwiftBrianUnits.Dimension
import SwiftBrianUnits

/// A function that model expressions can call, with Brian's rules for the units of its arguments
/// and of its result.
///
/// Add your own through `Namespace`:
///
///     let f = Function("double_it", arguments: [.any], result: .sameAs(0)) { 2 * $0[0] }
///
/// Give it C code too (``CImplementation``) and the native backend runs it inside the generated
/// code; without, a kernel that calls it runs on the interpreter.
public struct Function: Sendable {
    /// What an argument's unit must be.
    public enum ArgumentUnit: Sendable, Equatable {
        /// Any unit.
        case any
        /// Dimensionless.
        case dimensionless
        /// A boolean expression.
        case boolean
        /// Exactly this dimension.
        case dimension(Dimension)
        /// The same unit as argument `index`.
        case sameAs(Int)
    }

    /// How the result's unit follows from the arguments' units.
    public enum ResultUnit: Sendable {
        /// Dimensionless.
        case dimensionless
        /// Boolean.
        case boolean
        /// Exactly this dimension.
        case dimension(Dimension)
        /// The unit of argument `index`.
        case sameAs(Int)
        /// The unit of argument `index` raised to a power (sqrt: 1/2).
        case power(Int, Rational)
    }

    /// How the function is evaluated.
    public enum Implementation: Sendable {
        /// A pure function of its arguments (in SI base units).
        case pure(@Sendable ([Double]) -> Double)
        /// A uniform random number in [0, 1).
        case uniformRandom
        /// A standard normal random number.
        case normalRandom
        /// A Poisson random number whose mean is the argument (see ``PoissonSampling``).
        case poissonRandom
    }

    /// The name expressions call it by.
    public let name: String
    /// The unit rule of each argument; its count is the number of arguments.
    public let arguments: [ArgumentUnit]
    /// The unit rule of the result.
    public let result: ResultUnit
    /// How it is computed.
    public let implementation: Implementation
    /// For a function of time given by a table (a `TimedArray`): the table, which model objects
    /// read directly instead of calling ``implementation``. Nil for other functions.
    public var table: (any FunctionTable)?
    /// Its implementation in C for the native backend, if it has one.
    public var cImplementation: CImplementation?
    /// Whether a call with `t` as an argument keeps one value over each time step of the group
    /// that calls it (a `TimedArray` whose `dt` is a whole multiple of the group's). Brian's
    /// `exact` method accepts `t` only as such an argument. Groups set it for their own time step
    /// (see ``Namespace/adapted(toTimeStep:)``).
    public var isConstantOverStep = false
    /// Whether two calls with the same arguments always give the same value (false for rand).
    public var isStateless: Bool {
        if case .pure = implementation { return true }
        return false
    }

    /// A function called `name` with the given unit rules, computed by `implementation` from its
    /// arguments' values in SI base units.
    public init(_ name: String, arguments: [ArgumentUnit], result: ResultUnit,
                implementation: @escaping @Sendable ([Double]) -> Double) {
        self.init(name, arguments: arguments, result: result, implementation: .pure(implementation))
    }

    /// A function computed by `implementation` on the interpreter and by the C code `c` in the
    /// native backend (Brian's `@implementation('cpp', ...)`).
    public init(_ name: String, arguments: [ArgumentUnit], result: ResultUnit,
                implementation: @escaping @Sendable ([Double]) -> Double, c: CImplementation) {
        self.init(name, arguments: arguments, result: result, implementation: .pure(implementation))
        cImplementation = c
    }

    /// A function with an implementation of any kind.
    public init(_ name: String, arguments: [ArgumentUnit], result: ResultUnit, implementation: Implementation) {
        self.name = name
        self.arguments = arguments
        self.result = result
        self.implementation = implementation
    }

    /// The functions every model can call, by name.
    public static let builtins: [String: Function] = {
        let libraryFunctions: [(String, @Sendable (Double) -> Double)] = [
            ("tan", { Foundation.tan($0) }),
            ("arcsin", { Foundation.asin($0) }), ("arccos", { Foundation.acos($0) }), ("arctan", { Foundation.atan($0) }),
        ]
        let portable: [(String, @Sendable (Double) -> Double)] = PortableMath.unaryFunctions.map { ($0.key, $0.value.function) }
        let unary = portable + libraryFunctions
        var functions: [Function] = unary.map { name, body in
            Function(name, arguments: [.dimensionless], result: .dimensionless) { body($0[0]) }
        }
        functions += [
            Function("sqrt", arguments: [.any], result: .power(0, Rational(1) / 2)) { Foundation.sqrt($0[0]) },
            Function("abs", arguments: [.any], result: .sameAs(0)) { Swift.abs($0[0]) },
            Function("floor", arguments: [.any], result: .sameAs(0)) { Foundation.floor($0[0]) },
            Function("ceil", arguments: [.any], result: .sameAs(0)) { Foundation.ceil($0[0]) },
            Function("sign", arguments: [.any], result: .dimensionless) { $0[0] > 0 ? 1 : ($0[0] < 0 ? -1 : 0) },
            Function("clip", arguments: [.any, .sameAs(0), .sameAs(0)], result: .sameAs(0)) {
                Swift.min(Swift.max($0[0], $0[1]), $0[2])
            },
            Function("int", arguments: [.dimensionless], result: .dimensionless) { $0[0].rounded(.towardZero) },
            Function("timestep", arguments: [.dimension(.time), .dimension(.time)], result: .dimensionless) {
                timestep($0[0], $0[1])
            },
            Function("rand", arguments: [], result: .dimensionless, implementation: .uniformRandom),
            Function("randn", arguments: [], result: .dimensionless, implementation: .normalRandom),
            Function("poisson", arguments: [.dimensionless], result: .dimensionless, implementation: .poissonRandom),
        ]
        return Dictionary(uniqueKeysWithValues: functions.map { ($0.name, $0) })
    }()
}

/// Brian's `timestep(t, dt)`: the whole number of steps of length `dt` in `t`, with `t` nudged by
/// a thousandth of a step so that a multiple of `dt` is not counted in the step before it
/// (truncated toward zero, as Brian's conversion to an integer).
@Sendable func timestep(_ t: Double, _ dt: Double) -> Double {
    ((t + 1e-3 * dt) / dt).rounded(.towardZero)
}

