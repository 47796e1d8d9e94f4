import SwiftBrian

/// What ``Plot/of(_:_:)`` may be told beyond the object it plots; every choice has a default, so
/// that `Plot.of(monitor)` alone gives a useful, fully labelled plot.
public struct PlotOptions {
    /// How the synapses of a `Synapses` object (or a synaptic variable) are shown as a matrix of
    /// source against target index.
    public enum Connectivity: Sendable {
        /// A cell per pair of neurons (brian2tools' `image`), for up to 1000 sources and targets.
        case image
        /// A dot per synapse (brian2tools' `scatter`), for up to 10,000 synapses.
        case scatter
        /// The number of synapses (or their mean value) in hexagonal bins (brian2tools'
        /// `hexbin`), for any number of synapses.
        case hexbin
    }

    /// How a synaptic variable (`S.w`) is shown.
    public enum SynapticView: Sendable {
        /// The values as colours on the matrix of source against target index (brian_plot).
        case matrix
        /// The values against the index `i` of each synapse's source neuron.
        case againstSource
        /// The values against the index `j` of each synapse's target neuron.
        case againstTarget
        /// The distribution of the values, in `bins` equal bins.
        case histogram(bins: Int)
    }

    /// The title; by default one naming what is plotted.
    public var title: String?
    /// The variable of a state monitor to plot; needed when the monitor records several.
    public var variable: String?
    /// The recorded elements of a state monitor to plot; by default all recorded ones.
    public var indices: [Int]?
    /// What the plotted elements of a state monitor are, in the model's terms (`"tonic"`,
    /// `"soma"`), one per element in the order of ``indices``: the legend in place of `v[3]`.
    public var labels: [String]?
    /// The neurons a raster shows (a readable subset of a large population); by default all.
    public var neurons: Range<Int>?
    /// The unit of the time axis; by default milliseconds (seconds beyond 10 s).
    public var timeUnit: Quantity?
    /// The unit of the values (of a state variable, rate, synaptic variable or the vertical axis
    /// of a ``Curve``); by default the unit Brian would print them in (hertz for rates).
    public var unit: Quantity?
    /// The unit of the horizontal axis of a ``Curve`` (an input current, a distance); by default
    /// ``timeUnit`` for times, else the unit Brian would print the values in.
    public var xUnit: Quantity?
    /// How a population rate is smoothed; by default a Gaussian window of 1 ms, as brian_plot.
    public var smoothing: RateSmoothing? = RateSmoothing(width: 1 * ms)
    /// How synapses are drawn as a matrix; by default chosen by size as brian_plot: an image when
    /// sources and targets each span fewer than 1000 indices, else a scatter for fewer than
    /// 10,000 synapses, else hexagonal bins.
    public var connectivity: Connectivity?
    /// How a synaptic variable is shown; by default as colours on the matrix.
    public var synapticView: SynapticView = .matrix
    /// The place of each element a state monitor records (the distance of each compartment
    /// along a cell): a space–time picture of ``variable`` in place of its traces.
    public var positions: QuantityArray?
    /// One value per compartment (`v` at one moment, named by ``variable``) to colour a
    /// morphology or multicompartment neuron by.
    public var values: QuantityArray?
    /// The plane a morphology or multicompartment neuron is drawn in, in space, in place of its
    /// dendrogram.
    public var projection: MorphologyProjection?

    /// Options with the defaults, changed by the arguments given.
    public init(title: String? = nil, variable: String? = nil, indices: [Int]? = nil, labels: [String]? = nil,
                neurons: Range<Int>? = nil, timeUnit: Quantity? = nil, unit: Quantity? = nil,
                xUnit: Quantity? = nil, connectivity: Connectivity? = nil, synapticView: SynapticView = .matrix,
                positions: QuantityArray? = nil, values: QuantityArray? = nil, projection: MorphologyProjection? = nil) {
        self.title = title
        self.variable = variable
        self.indices = indices
        self.labels = labels
        self.neurons = neurons
        self.timeUnit = timeUnit
        self.unit = unit
        self.xUnit = xUnit
        self.connectivity = connectivity
        self.synapticView = synapticView
        self.positions = positions
        self.values = values
        self.projection = projection
    }
}
