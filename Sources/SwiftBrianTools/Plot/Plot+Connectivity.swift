import SwiftBrian

extension Plot {
    /// The connectivity of `synapses` (brian2tools' `plot_synapses`): a dot at (i, j) for each
    /// synapse from source neuron i to target neuron j.
    ///
    /// - Throws: `ModelError` when the synapses' indices cannot be read.
    public static func connectivity(_ synapses: Synapses, title: String? = nil) throws -> Plot {
        let i = try synapses.i.map(Double.init), j = try synapses.j.map(Double.init)
        let sources = max(synapses.source.size, 1), targets = max(synapses.target.size, 1)
        // A dot fills most of a cell of the matrix, between 1 and 6 pixels.
        let cell = min(620 / Double(sources), 360 / Double(targets))
        let diameter = min(6, max(1, cell * 0.8))
        return Plot(title: title ?? "Synapses \(synapses.name): \(synapses.source.name) \u{2192} \(synapses.target.name)",
                    xAxis: PlotAxis("Source neuron index", range: -0.5...(Double(sources) - 0.5), integerTicks: true),
                    yAxis: PlotAxis("Target neuron index", range: -0.5...(Double(targets) - 0.5), integerTicks: true),
                    series: [PlotSeries(x: i, y: j, style: .dots(diameter: diameter), color: .series(0))])
    }
}
