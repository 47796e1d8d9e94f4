import SwiftBrian
import SwiftBrianTools

/// The statistics of a firing-rate-versus-input curve (the gallery's f–I examples).
enum FICurveStatistics {
    /// The result of an f–I example: the spikes of its group, the curve of the firing rates
    /// against `inputs` (one per neuron, `label` on the axis), and its statistics: `rheobase`
    /// (the smallest input that makes a neuron fire, in `unit`, named `unitName`), `max_rate`
    /// (Hz) and `monotone` (1 when the rate never decreases as the input grows, else 0).
    static func result(_ example: String, _ network: Network, _ monitor: SpikeMonitor, inputs: QuantityArray,
                       label: String, unit: Quantity, unitName: String, duration: Quantity) throws -> GalleryResult {
        var result = GalleryResult(example: example, network: network)
        result.spikes = [Named("group", monitor)]
        let rates = monitor.count.map { Double($0) / duration.value }
        let pairs = zip(try inputs.in(unit), rates).sorted { $0.0 < $1.0 }
        let rheobase = pairs.first { $0.1 > 0 }?.0 ?? .nan
        let monotone = zip(pairs.dropFirst(), pairs).allSatisfy { $0.1 >= $1.1 }
        result.curves = [Named("f-I", Curve(x: pairs.map(\.0) * unit, y: pairs.map(\.1) * Hz, xLabel: label,
                                                  yLabel: "Firing rate"))]
        result.statistics = [
            GalleryStatistic("rheobase", rheobase, unit: unitName),
            GalleryStatistic("max_rate", rates.max() ?? 0, unit: "Hz"),
            GalleryStatistic("monotone", monotone ? 1 : 0),
        ]
        return result
    }
}
