import Foundation
import SwiftBrian
import SwiftBrianModels

/// The summary `swiftbrian run` prints: the size of the network, its activity, the example's
/// statistics and the wall time.
struct RunSummary {
    let text: String

    init(_ result: GalleryResult, wallSeconds: Double) {
        let network = result.network
        let neurons = network.objects.compactMap { $0 as? NeuronGroup }.map(\.size).reduce(0, +)
        let synapses = network.objects.compactMap { $0 as? Synapses }.map(\.size).reduce(0, +)
        let spikes = result.spikes.map(\.value.numEvents).reduce(0, +)
        var lines = ["\(result.example): \(neurons) neurons, \(synapses) synapses, \(spikes) spikes in "
                     + "\(network.t) (wall time \(String(format: "%.2f", wallSeconds)) s)"]
        for statistic in result.statistics {
            let value = abs(statistic.value) >= 1e4 || (abs(statistic.value) < 1e-3 && statistic.value != 0)
                ? String(format: "%.4g", statistic.value) : String(format: "%.4f", statistic.value)
            lines.append("  \(statistic.name) = \(value)\(statistic.unit.isEmpty ? "" : " " + statistic.unit)")
        }
        text = lines.joined(separator: "\n")
    }
}
