import SwiftBrian

/// The statistics of a firing-rate-versus-input curve (the gallery's f–I examples).
enum FICurveStatistics {
    /// The curve of `monitor`'s firing rates against `inputs` (one per neuron, in `unit`), and
    /// its statistics: `rheobase` (the smallest input that makes a neuron fire, in `unit`),
    /// `max_rate` (Hz) and `monotone` (1 when the rate never decreases as the input grows, up to
    /// `tolerance` Hz, else 0).
    /// The result of an f–I example: the spikes of its group and its curve and statistics.
    static func result(_ example: String, _ network: Network, _ monitor: SpikeMonitor, inputs: [Double],
                       unit: String, duration: Quantity) -> GalleryResult {
        var result = GalleryResult(example: example, network: network)
        result.spikes = [Named("group", monitor)]
        let (curve, statistics) = FICurveStatistics.curve(monitor, inputs: inputs, unit: unit, duration: duration)
        result.curves = [Named("f-I", curve)]
        result.statistics = statistics
        return result
    }

    static func curve(_ monitor: SpikeMonitor, inputs: [Double], unit: String, duration: Quantity,
                      tolerance: Double = 0) -> (GalleryCurve, [GalleryStatistic]) {
        let rates = monitor.count.map { Double($0) / duration.value }
        let pairs = zip(inputs, rates).sorted { $0.0 < $1.0 }
        let rheobase = pairs.first { $0.1 > 0 }?.0 ?? .nan
        let monotone = zip(pairs.dropFirst(), pairs).allSatisfy { $0.1 >= $1.1 - tolerance }
        let curve = GalleryCurve(xLabel: "input (\(unit))", yLabel: "firing rate (Hz)", x: pairs.map(\.0),
                                 y: pairs.map(\.1))
        return (curve, [
            GalleryStatistic("rheobase", rheobase, unit: unit),
            GalleryStatistic("max_rate", rates.max() ?? 0, unit: "Hz"),
            GalleryStatistic("monotone", monotone ? 1 : 0),
        ])
    }
}
