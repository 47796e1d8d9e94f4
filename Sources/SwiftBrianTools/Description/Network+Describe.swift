import SwiftBrian

extension Network {
    /// A description of the simulation as run so far (populations, inputs, synapses, monitors,
    /// constants, runs and seed) in `format`, titled `title`: a methods section a paper can use.
    ///
    ///     print(net.describe(format: .markdown))
    public func describe(format: DescriptionFormat = .markdown, title: String = "Model description") -> String {
        SimulationDescription(self).document(title: title).rendered(as: format)
    }
}
