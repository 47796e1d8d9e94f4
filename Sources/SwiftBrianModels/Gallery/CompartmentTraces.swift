import SwiftBrian
import SwiftBrianTools

/// The voltages of several compartments of one reduced (Dendrify) neuron over time, in one plot.
enum CompartmentTraces {
    /// A plot of the recorded `variables` (the `V_` of each compartment, with its legend label)
    /// of element `index` of `monitor`, in mV against ms.
    static func plot(_ monitor: StateMonitor, index: Int, variables: [(variable: String, label: String)],
                     title: String) throws -> Plot {
        // Each compartment's trace as the generic plot draws it, gathered in one plot.
        let traces = try variables.map { entry in
            try Plot.of(monitor, PlotOptions(title: title, variable: entry.variable, indices: [index],
                                             labels: [entry.label], timeUnit: ms, unit: mV))
        }
        var plot = traces.first ?? Plot(title: title, xAxis: PlotAxis("Time", unit: "ms"), yAxis: PlotAxis("V"))
        plot.yAxis.label = "V"
        plot.series = traces.enumerated().flatMap { position, trace in
            trace.series.map { series in
                var colored = series
                colored.color = .series(position)
                return colored
            }
        }
        return plot
    }
}
