import SwiftBrianSymbolic

/// A function of the time `s` since the start of a step, as a sum of exponential modes:
/// `x(s) = Σ exp(rate*s) * Σ_k coefficients[k]*s**k`. The exact solution of a linear system
/// with constant coefficients always has this form.
struct Trajectory {
    /// One exponential rate and its polynomial.
    struct Mode {
        /// The rate (in canonical, multiplied-out form, so equal rates compare equal).
        var rate: SymbolicExpression
        /// The coefficients of `s**0`, `s**1`, ...
        var coefficients: [SymbolicExpression]
    }

    private(set) var modes: [Mode] = []

    /// The constant `value`.
    static func constant(_ value: SymbolicExpression) -> Trajectory {
        var trajectory = Trajectory()
        trajectory.add(value, rate: 0, power: 0)
        return trajectory
    }

    /// Adds `coefficient*s**power*exp(rate*s)`.
    mutating func add(_ coefficient: SymbolicExpression, rate: SymbolicExpression, power: Int) {
        guard !coefficient.isZero else { return }
        let rate = rate.expanded
        guard let index = modes.firstIndex(where: { $0.rate == rate }) else {
            var coefficients = Array(repeating: SymbolicExpression(0), count: power + 1)
            coefficients[power] = coefficient
            modes.append(Mode(rate: rate, coefficients: coefficients))
            return
        }
        while modes[index].coefficients.count <= power { modes[index].coefficients.append(0) }
        modes[index].coefficients[power] = modes[index].coefficients[power] + coefficient
    }

    /// Adds `factor*other`.
    mutating func add(_ other: Trajectory, times factor: SymbolicExpression) {
        for mode in other.modes {
            for (power, coefficient) in mode.coefficients.enumerated() {
                add(factor * coefficient, rate: mode.rate, power: power)
            }
        }
    }

    /// The value at `s = 0`.
    var initialValue: SymbolicExpression { .sum(modes.map { $0.coefficients.first ?? 0 }) }

    /// The value at `s = time`.
    func value(at time: SymbolicExpression) -> SymbolicExpression {
        .sum(modes.map { mode in
            let polynomial = SymbolicExpression.sum(mode.coefficients.enumerated().map { power, coefficient in
                coefficient * .power(time, .number(SymbolicNumber(power)))
            })
            return mode.rate.isZero ? polynomial : polynomial * .call("exp", [mode.rate * time])
        })
    }

    /// The solution of `dx/ds = rate*x + forcing(s)` with `x(0) = initial`: for each mode of the
    /// forcing a particular solution (a polynomial of the same degree times its exponential, or,
    /// when its rate equals `rate`, of one degree more: the `t*exp(-t/tau)` of an alpha
    /// function), plus `exp(rate*s)` times whatever makes the initial value right.
    static func solving(rate: SymbolicExpression, forcing: Trajectory, initial: SymbolicExpression) -> Trajectory {
        let rate = rate.expanded
        var solution = Trajectory()
        for mode in forcing.modes {
            if mode.rate == rate {
                for (power, coefficient) in mode.coefficients.enumerated() {
                    solution.add(coefficient / .number(SymbolicNumber(power + 1)), rate: rate, power: power + 1)
                }
            } else {
                // P' + (mode.rate - rate)*P = forcing polynomial, solved from the highest power down.
                let gap = mode.rate - rate
                var next: SymbolicExpression = 0
                for power in mode.coefficients.indices.reversed() {
                    let coefficient = (mode.coefficients[power] - .number(SymbolicNumber(power + 1)) * next) / gap
                    solution.add(coefficient, rate: mode.rate, power: power)
                    next = coefficient
                }
            }
        }
        solution.add(initial - solution.initialValue, rate: rate, power: 0)
        return solution
    }
}
