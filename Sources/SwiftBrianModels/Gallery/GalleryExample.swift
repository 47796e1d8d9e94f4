import SwiftBrian
import SwiftBrianTools

/// An example of the gallery: a model from Brian 2's example collection or from the paper it
/// reproduces, written with SwiftBrian's public API so that it reads like its Brian original.
///
/// An example is a value holding the parameters of the original script (with the same names and
/// defaults); ``run(seed:backend:)`` builds the network, simulates it and hands back what the
/// original plots, together with the statistics that show it behaves as published.
///
///     var example = CUBA()
///     example.duration = 0.5 * second
///     let result = try example.run(seed: 1)
///     print(result.statistic("mean_rate")!)
public protocol GalleryExample: Codable {
    /// The name the command-line tool knows the example by (`cuba`, `brunel2000`, ...).
    static var name: String { get }
    /// One line saying what the example shows.
    static var summary: String { get }
    /// The publication the example reproduces.
    static var reference: String { get }
    /// The values a number parameter may take, where the model restricts them more than
    /// "finite" (probabilities lie in [0, 1]); checked when a parameter is set from text.
    static var parameterRanges: [String: ClosedRange<Double>] { get }
    /// The example with the parameters of the original script.
    init()
    /// How long the network is simulated.
    var duration: Quantity { get set }
    /// Builds the network, simulates it for ``duration`` with random numbers from `seed` (with
    /// `report` on its progress) and returns the monitors and statistics.
    func run(seed: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult
}

extension GalleryExample {
    /// No ranges beyond the general ones (finite numbers, counts and times not negative).
    public static var parameterRanges: [String: ClosedRange<Double>] { [:] }

    /// The example with its default parameters changed by `settings` (`name=value`, see
    /// ``setting(_:to:)``).
    public static func configured(_ settings: [String]) throws -> Self {
        var example = Self()
        for setting in settings {
            guard let equals = setting.firstIndex(of: "=") else {
                throw ModelError(.invalidArgument, "Expected name=value, as in taum=10*ms, but got '\(setting)'")
            }
            example = try example.setting(String(setting[..<equals]).trimmingCharacters(in: .whitespaces),
                                          to: String(setting[setting.index(after: equals)...]))
        }
        return example
    }

    /// Simulates the example with its parameters changed by `settings`, for the `duration` given
    /// or its own.
    public static func simulate(settings: [String] = [], seed: UInt64, backend: BackendKind, duration: Quantity?,
                                report: ProgressReport?) throws -> GalleryResult {
        try configured(settings).run(seed: seed, backend: backend, duration: duration, report: report)
    }

    /// Simulates the example for `duration` (its own ``duration`` when nil).
    public func run(seed: UInt64 = 1, backend: BackendKind = .native, duration: Quantity? = nil,
                    report: ProgressReport? = nil) throws -> GalleryResult {
        var example = self
        if let duration { example.duration = duration }
        return try example.run(seed: seed, backend: backend, report: report)
    }
}

/// A value with a name, so a result keeps its monitors in the order the original plots them.
public struct Named<Value> {
    /// What the value is called in plots and reports.
    public let name: String
    /// The value.
    public let value: Value

    /// Names `value`.
    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

extension Named where Value == Figure {
    /// Names a figure of `plot` alone.
    public init(_ name: String, _ plot: Plot) {
        self.init(name, Figure(plot))
    }
}

/// A number that summarizes a run (a mean rate, a coefficient of variation, a frequency).
public struct GalleryStatistic: Sendable, Equatable {
    /// A short identifier (`mean_rate`, `cv`, ...).
    public let name: String
    /// The value, in `unit`.
    public let value: Double
    /// The unit of `value` as text (`Hz`, `ms`, or empty for plain numbers).
    public let unit: String

    /// A statistic `name` of `value` in `unit`.
    public init(_ name: String, _ value: Double, unit: String = "") {
        self.name = name
        self.value = value
        self.unit = unit
    }
}

/// What a gallery example hands back: the simulated network, the monitors its original plots,
/// synapses whose weights are worth a histogram, computed curves, its own plots, and named
/// statistics.
public struct GalleryResult {
    /// The example's name (``GalleryExample/name``).
    public let example: String
    /// The simulated network (already run).
    public let network: Network
    /// Spike monitors, in plotting order.
    public var spikes: [Named<SpikeMonitor>] = []
    /// State monitors, in plotting order.
    public var states: [Named<StateMonitor>] = []
    /// What the recorded elements of a state monitor are (`soma`, `5 mm`), in the order of its
    /// `record`, by the monitor's name in ``states``: the legend of its plot (`v[3]` without).
    public var stateLabels: [String: [String]] = [:]
    /// Population rate monitors, in plotting order.
    public var rates: [Named<PopulationRateMonitor>] = []
    /// Synapses whose variables (weights) the original shows.
    public var synapses: [Named<Synapses>] = []
    /// Curves computed from the recordings (f–I curves), each plotted on its own by the
    /// generic ``Plot/of(_:_:)``.
    public var curves: [Named<Curve>] = []
    /// Figures the example draws itself: the figure of the paper it reproduces (panels of
    /// monitors' plots side by side), or what no single monitor shows (a morphology coloured by
    /// the voltage at one moment, a space–time picture), in the order they come first.
    public var figures: [Named<Figure>] = []
    /// Statistics that show the example behaves as published.
    public var statistics: [GalleryStatistic] = []

    /// An empty result for `example`, simulated by `network`.
    public init(example: String, network: Network) {
        self.example = example
        self.network = network
    }

    /// The value of the statistic `name`, if the example computed it.
    public func statistic(_ name: String) -> Double? {
        statistics.first { $0.name == name }?.value
    }
}
