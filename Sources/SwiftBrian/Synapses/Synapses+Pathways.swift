import SwiftBrianLanguage

/// One pathway of a Synapses, as Brian's `S.up`: its name and its delay.
public struct PathwayView {
    /// The pathway's name (`pre`, `post` or the name given in `onPre`/`onPost`).
    public let name: String
    /// Its delay: one for all synapses, or one per synapse once set so (`S.pathway("down").delay
    /// .set(...)`). The `pre` pathway's delay is also `S.delay`.
    public let delay: VariableView
}

extension Synapses {
    /// The pathway called `name` (Brian's `S.up` for `on_pre={'up': ...}`).
    public func pathway(_ name: String) throws -> PathwayView {
        guard let pathway = pathways.first(where: { $0.name == name }) else {
            throw ModelError(.invalidArgument, "'\(self.name)' has no pathway named '\(name)' (its pathways: "
                             + "\(pathways.map { "'\($0.name)'" }.joined(separator: ", ")))")
        }
        return PathwayView(name: name, delay: VariableView(group: self, name: pathway.delayVariable))
    }
}
