import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianPortableMath

/// The interpreter's implementations of the built-in functions, by Brian name.
enum BuiltinFunctions {
    /// Functions of one argument, applied without allocating.
    static let unary: [String: (Double) -> Double] = {
        var table: [String: (Double) -> Double] = [:]
        for (name, function) in Function.builtins where function.arguments.count == 1 {
            if case .pure(let body) = function.implementation { table[name] = { body([$0]) } }
        }
        for (name, portable) in PortableMath.unaryFunctions { table[name] = portable.function }
        table["sqrt"] = Foundation.sqrt
        table["abs"] = { Swift.abs($0) }
        table["int"] = { $0.rounded(.towardZero) }
        return table
    }()

    /// Functions of several arguments.
    static let general: [String: ([Double]) -> Double] = {
        var table: [String: ([Double]) -> Double] = [:]
        for (name, function) in Function.builtins {
            if case .pure(let body) = function.implementation { table[name] = body }
        }
        table[KernelFunctionNames.binomial] = { arguments in
            RandomNumbers.binomial(trials: Int(arguments[0]), probability: arguments[1], uniform: arguments[2])
        }
        table[KernelFunctionNames.finite] = { arguments in arguments.allSatisfy(\.isFinite) ? 1 : 0 }
        table[KernelFunctionNames.quotientThreshold] = { arguments in
            QuotientThreshold.least(divisor: arguments[0], reaching: arguments[1])
        }
        return table
    }()
}
