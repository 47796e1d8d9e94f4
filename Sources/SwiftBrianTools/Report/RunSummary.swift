import Foundation
import SwiftBrian

/// The numbers that sum up a simulation run, as rows of a table: the size of the network, what
/// it did and how long it took.
///
///     let summary = RunSummary(network, wallTime: 1.8 * second)
///     // neurons 4000, synapses 319,754, simulated time 1. s, spikes 21,003, mean rate 5.25 Hz,
///     // CV of ISIs 0.87, wall time 1.80 s
public struct RunSummary: Sendable {
    /// One row: a name and its value, formatted for reading.
    public struct Row: Equatable, Sendable {
        /// What the row shows.
        public var name: String
        /// The value, formatted with its unit.
        public var value: String

        /// A row showing `value` for `name`.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The rows, in order.
    public var rows: [Row]

    /// A summary of the given rows.
    public init(rows: [Row]) {
        self.rows = rows
    }

    /// The summary of a run of `network`: its neurons (in neuron groups; a multicompartment
    /// neuron counts once, with its compartments in parentheses) and synapses, the simulated
    /// time, the spikes of its spike monitors, their mean rate per monitored neuron and mean CV
    /// of interspike intervals (not for monitors of compartments, which are no neurons), and the
    /// wall time when given (and the time spent preparing native code, when there was any).
    public init(_ network: Network, wallTime: Quantity? = nil) {
        let groups = network.objects.compactMap { $0 as? NeuronGroup }
        let spatial = groups.compactMap { $0 as? SpatialNeuron }
        let neurons = groups.map { $0 is SpatialNeuron ? 1 : $0.size }.reduce(0, +)
        let compartments = spatial.map(\.size).reduce(0, +)
        let synapses = network.objects.compactMap { $0 as? Synapses }.map(\.size).reduce(0, +)
        let monitors = network.objects.compactMap { $0 as? SpikeMonitor }
        let spikes = monitors.map(\.numEvents).reduce(0, +)
        let monitored = monitors.map(\.source.size).reduce(0, +)
        var rows = [
            Row("Neurons", Self.integer(neurons) + (spatial.isEmpty ? "" : spatial.count == neurons
                ? " (\(Self.integer(compartments)) compartments)"
                : " (\(spatial.count) multicompartment, \(Self.integer(compartments)) compartments)")),
            Row("Synapses", Self.integer(synapses)),
            Row("Simulated time", network.t.description),
        ]
        if !monitors.isEmpty {
            rows.append(Row("Spikes", Self.integer(spikes)))
        }
        if !monitors.isEmpty, !monitors.contains(where: { $0.source is CompartmentTree }) {
            let rate = SpikeTrainStatistics.meanRate(spikes: spikes, neurons: monitored, duration: network.t)
            rows.append(Row("Mean rate", Self.decimal(rate.value, digits: 3) + " Hz"))
            let cvs = monitors.compactMap(SpikeTrainStatistics.meanCV)
            rows.append(Row("CV of interspike intervals",
                            cvs.isEmpty ? "n/a" : Self.decimal(cvs.reduce(0, +) / Double(cvs.count), digits: 3)))
        }
        if let wallTime, wallTime.dimension == .time {
            rows.append(Row("Wall time", Self.decimal(wallTime.value, digits: 3) + " s"))
        }
        if network.prepareSeconds > 0 {
            rows.append(Row("Preparing native code", Self.decimal(network.prepareSeconds, digits: 3) + " s"))
        }
        self.rows = rows
    }

    /// `value` with thousands separators: `319,754`.
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `value` with `digits` significant digits, without exponent for ordinary magnitudes.
    static func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "n/a" }
        guard value != 0 else { return "0" }
        let magnitude = Int(log10(abs(value)).rounded(.down))
        if magnitude >= 6 || magnitude < -3 { return String(format: "%.\(digits - 1)e", value) }
        return String(format: "%.\(max(0, digits - 1 - magnitude))f", value)
    }
}
