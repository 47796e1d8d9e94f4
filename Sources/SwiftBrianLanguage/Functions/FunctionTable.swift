/// The values behind a function of time that is given by a table rather than a formula (a
/// `TimedArray`): one value every `dt`, each held until the next. Model objects lower calls of
/// such a function to a table read instead of calling its implementation.
public protocol FunctionTable: AnyObject, Sendable {
    /// The time between two values, in seconds (Brian's `dt` of the table).
    var dtInSeconds: Double { get }
}

extension FunctionTable {
    /// Whether a call `f(t)` keeps one value over every time step of length `stepDt` (seconds):
    /// Brian's rule, true when the table's dt is at least `stepDt` and their ratio is a whole
    /// number (compared exactly, as Brian does).
    public func isConstantOverStep(ofLength stepDt: Double) -> Bool {
        guard stepDt > 0, dtInSeconds >= stepDt else { return false }
        let ratio = dtInSeconds / stepDt
        return ratio.rounded(.down) == ratio
    }
}

extension Namespace {
    /// The namespace as a group with time step `dt` (seconds) sees it: each tabulated function
    /// (``Function/table``) is marked ``Function/isConstantOverStep`` when its values are held
    /// over whole steps of that length.
    public func adapted(toTimeStep dt: Double) -> Namespace {
        var copy = self
        for (name, function) in functions {
            guard let table = function.table else { continue }
            copy.functions[name]?.isConstantOverStep = table.isConstantOverStep(ofLength: dt)
        }
        return copy
    }
}
