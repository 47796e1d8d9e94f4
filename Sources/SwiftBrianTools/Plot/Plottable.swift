import SwiftBrian

/// An object ``Plot/of(_:_:)`` knows how to plot, as brian2tools' `brian_plot` does: a spike
/// (event) monitor as a raster, a state monitor as traces, a population rate monitor as the
/// smoothed rate, synapses as their connectivity, a variable of synapses as its values on the
/// connectivity (or against i or j, or as a histogram), another group's variable against the
/// element index, a morphology or multicompartment neuron as a dendrogram, and a ``Curve`` (or
/// an array of curves) of quantities computed after a run.
public protocol Plottable {
    /// The plot of this object, as `options` say.
    ///
    /// - Throws: `ModelError` when the options do not fit the object (a variable the monitor
    ///   does not record, a unit of another dimension) or there is nothing to plot.
    func plot(_ options: PlotOptions) throws -> Plot
}

extension EventMonitor: Plottable {
    /// A raster of the events (``Plot/raster(_:neurons:timeUnit:title:)``).
    public func plot(_ options: PlotOptions) throws -> Plot {
        try Plot.raster(self, neurons: options.neurons, timeUnit: options.timeUnit, title: options.title)
    }
}

extension StateMonitor: Plottable {
    /// The traces of ``PlotOptions/variable`` (or of the only recorded variable), labelled with
    /// ``PlotOptions/labels`` when given (``Plot/stateTraces(_:variable:indices:timeUnit:unit:title:)``);
    /// with ``PlotOptions/positions``, a space–time picture
    /// (``Plot/spaceTime(_:variable:positions:unit:title:)``).
    public func plot(_ options: PlotOptions) throws -> Plot {
        guard let variable = options.variable ?? (variables.count == 1 ? variables.first : nil) else {
            throw ModelError(.invalidArgument, "'\(name)' records \(variables.joined(separator: ", ")): say which to "
                             + "plot, as in PlotOptions(variable: \"\(variables.first ?? "v")\")")
        }
        if let positions = options.positions {
            return try Plot.spaceTime(self, variable: variable, positions: positions, unit: options.unit,
                                      title: options.title)
        }
        var plot = try Plot.stateTraces(self, variable: variable, indices: options.indices, timeUnit: options.timeUnit,
                                        unit: options.unit, title: options.title)
        if let labels = options.labels {
            guard labels.count == plot.series.count else {
                throw ModelError(.invalidArgument, "A plot of '\(variable)' of '\(name)' shows \(plot.series.count) "
                                 + "traces, but \(labels.count) labels were given")
            }
            for (k, label) in labels.enumerated() { plot.series[k].label = label }
        }
        return plot
    }
}

extension PopulationRateMonitor: Plottable {
    /// The rate, smoothed as ``PlotOptions/smoothing`` says
    /// (``Plot/rate(_:smoothing:timeUnit:rateUnit:title:)``).
    public func plot(_ options: PlotOptions) throws -> Plot {
        try Plot.rate(self, smoothing: options.smoothing, timeUnit: options.timeUnit, rateUnit: options.unit,
                      title: options.title)
    }
}

extension Synapses: Plottable {
    /// The connectivity (``Plot/synapses(_:values:label:style:unit:title:)``).
    public func plot(_ options: PlotOptions) throws -> Plot {
        try Plot.synapses(self, style: options.connectivity, title: options.title)
    }
}

extension VariableView: Plottable {
    /// For a variable of synapses, its values as ``PlotOptions/synapticView`` says; for another
    /// group's variable, its values against the element index.
    public func plot(_ options: PlotOptions) throws -> Plot {
        guard let synapses = group as? Synapses else {
            return try Plot.values(self, unit: options.unit, title: options.title)
        }
        switch options.synapticView {
        case .matrix:
            return try Plot.synapses(synapses, values: values, label: name, style: options.connectivity,
                                     unit: options.unit, title: options.title)
        case .againstSource:
            return try Plot.synapticValues(synapses, variable: name, againstTarget: false, unit: options.unit,
                                           title: options.title)
        case .againstTarget:
            return try Plot.synapticValues(synapses, variable: name, againstTarget: true, unit: options.unit,
                                           title: options.title)
        case .histogram(let bins):
            return try Plot.weightHistogram(synapses, variable: name, bins: bins, unit: options.unit,
                                            title: options.title)
        }
    }
}

extension SwiftBrian.Morphology: Plottable {
    /// A dendrogram (``Plot/dendrogram(_:values:label:title:)``), or with
    /// ``PlotOptions/projection`` the morphology in space
    /// (``Plot/morphology(_:values:label:projection:title:)``); coloured by
    /// ``PlotOptions/values`` when given.
    public func plot(_ options: PlotOptions) throws -> Plot {
        guard let projection = options.projection else {
            return try Plot.dendrogram(self, values: options.values, label: options.variable, title: options.title)
        }
        return try Plot.morphology(self, values: options.values, label: options.variable, projection: projection,
                                   title: options.title)
    }
}

extension SpatialNeuron: Plottable {
    /// The plot of the neuron's morphology (a dendrogram by default, see ``SwiftBrian/Morphology``).
    public func plot(_ options: PlotOptions) throws -> Plot {
        var named = options
        if named.projection == nil, named.title == nil { named.title = "Dendrogram of \(name)" }
        return try morphology.plot(named)
    }
}

extension Plot {
    /// The plot brian2tools' `brian_plot` draws for `object`: a raster for a spike monitor,
    /// traces for a state monitor, the smoothed rate for a population rate monitor, the
    /// connectivity for synapses (an image, a scatter or hexagonal bins, chosen by size), a
    /// synaptic variable's values on the connectivity, a dendrogram for a morphology or
    /// multicompartment neuron, and a computed ``Curve`` against its x; titles, axes and units
    /// always labelled. `options` change what
    /// is shown and how (see ``PlotOptions``).
    ///
    ///     try Plot.of(spikeMonitor).writePNG(to: "raster.png")
    ///     try Plot.of(stateMonitor, PlotOptions(variable: "v", labels: ["soma", "tip"]))
    ///     try Plot.of(synapses.w, PlotOptions(synapticView: .againstSource))
    ///     try Plot.of(Curve(x: inputs, y: rates, xLabel: "Input current", yLabel: "Firing rate"))
    ///
    /// - Throws: `ModelError` when the options do not fit the object or there is nothing to plot.
    public static func of(_ object: any Plottable, _ options: PlotOptions = PlotOptions()) throws -> Plot {
        try object.plot(options)
    }
}
