import SwiftBrian
import SwiftBrianTools

/// The voltages of several compartments of one reduced (Dendrify) neuron over time, in one plot.
enum CompartmentTraces {
    /// A plot of the recorded `variables` (the `V_` of each compartment, with its legend label)
    /// of element `index` of `monitor`, in mV against ms.
    static func plot(_ monitor: StateMonitor, index: Int, variables: [(variable: String, label: String)],
                     title: String) throws -> Plot {
        let curves = try variables.map { entry in
            Curve(x: monitor.t, y: try monitor.values(entry.variable, index: index), xLabel: "Time", yLabel: "V",
                  label: entry.label)
        }
        var plot = try Plot.of(curves, PlotOptions(title: title, timeUnit: ms, unit: mV))
        if let end = monitor.t.values.last { plot.xAxis.range = 0...(end / ms.value) }
        return plot
    }
}
