import SwiftBrian
import SwiftBrianTools

/// The voltages of several compartments of one reduced (Dendrify) neuron over time, in one plot.
enum CompartmentTraces {
    /// A plot of the recorded `variables` (the `V_` of each compartment, with its legend label)
    /// of element `index` of `monitor`, in mV against ms.
    static func plot(_ monitor: StateMonitor, index: Int, variables: [(variable: String, label: String)],
                     title: String) throws -> Plot {
        let times = monitor.t.values.map { $0 / ms.value }
        let series = try variables.enumerated().map { position, entry in
            PlotSeries(x: times, y: try monitor.values(entry.variable, index: index).values.map { $0 / mV.value },
                       color: .series(position), label: entry.label)
        }
        return Plot(title: title, xAxis: PlotAxis("Time", unit: "ms", range: times.count > 1 ? times[0]...times[times.count - 1] : nil),
                    yAxis: PlotAxis("V", unit: "mV"), series: series)
    }
}
