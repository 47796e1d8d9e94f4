import Foundation
import SwiftBrian
import SwiftBrianTools

/// A parameter exploration as one network: the Brian 2 paper's appendix 4 (Stimberg, Brette &
/// Goodman 2019, eLife 8:e47314; `brian2_paper_examples/example_appendix_parameter_exploration.ipynb`).
/// One unconnected Hodgkin–Huxley neuron (Traub & Miles' rate functions, as in Brian's COBAHH) per
/// point of a grid of sodium conductance densities `g_na` (`n_g_na` values from `g_na_min` to
/// `g_na_max`) × injected currents `I` (`n_I` values from `I_min` to `I_max`): 100 × 100 = 10,000
/// neurons for 10 s, integrated with the exponential Euler method; a neuron spikes when `v` crosses
/// −20 mV and stays refractory while it is above. The firing rate of each grid point is drawn as an
/// image with a colour bar (the original's `imshow`).
///
/// The neurons are independent, an "embarrassingly parallel" problem: the original runs it with
/// OpenMP threads in C++ standalone mode; here the native backend splits the neurons over every
/// core the process may use (`swiftbrian run hh_parameter_exploration --threads N` to choose).
public struct HHParameterExploration: GalleryExample {
    public static let name = "hh_parameter_exploration"
    public static let summary = "Firing rate of 100 x 100 Hodgkin-Huxley neurons over sodium conductance and input current, on all cores"
    public static let reference = "Stimberg, Brette & Goodman (2019), eLife 8:e47314 (appendix 4: parameter exploration)"

    /// The number of sodium conductance densities explored.
    public var n_g_na = 100
    /// The lowest sodium conductance density.
    public var g_na_min = 10 * msiemens / cm2
    /// The highest sodium conductance density.
    public var g_na_max = 100 * msiemens / cm2
    /// The number of injected currents explored.
    public var n_I = 100
    /// The lowest injected current.
    public var I_min = 0 * pA
    /// The highest injected current.
    public var I_max = 20 * pA
    /// The simulated time.
    public var duration = 10 * second

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = ["n_g_na": 1...10_000, "n_I": 1...10_000]

    /// Evenly spaced values from `low` to `high` (numpy's `linspace`): `count` of them.
    static func linspace(_ low: Double, _ high: Double, _ count: Int) -> [Double] {
        count == 1 ? [low] : (0..<count).map { low + (high - low) * Double($0) / Double(count - 1) }
    }

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        let density = msiemens / cm2
        for (name, quantity, unit) in [("g_na_min", g_na_min, density), ("g_na_max", g_na_max, density),
                                       ("I_min", I_min, pA), ("I_max", I_max, pA)] where quantity.dimension != unit.dimension {
            throw ModelError(.dimensionMismatch, "'\(name)' of '\(Self.name)' must be in \(unit.dimension.unitSpecification), "
                             + "but it is \(quantity)")
        }
        seed(value)
        defaultClock.dt = 0.1 * ms
        let area = 20000 * umetre * umetre
        let namespace: Namespace = [
            "Cm": 1 * ufarad / cm2 * area, "gl": 5e-5 * siemens / cm2 * area, "El": -60 * mV, "EK": -90 * mV,
            "ENa": 50 * mV, "g_kd": 30 * msiemens / cm2 * area, "VT": -63 * mV,
        ]
        let neuron = try NeuronGroup(n_g_na * n_I, model: """
            dv/dt = (gl*(El-v)-
                     g_na*(m*m*m)*h*(v-ENa)-
                     g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
            dm/dt = alpha_m*(1-m)-beta_m*m : 1
            dn/dt = alpha_n*(1-n)-beta_n*n : 1
            dh/dt = alpha_h*(1-h)-beta_h*h : 1
            alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/
                     (exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz
            beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/
                    (exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz
            alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
            beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
            alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/
                     (exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz
            beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
            I : amp (constant)
            g_na : siemens (constant)
            """, threshold: "v>-20*mV", refractory: "v>-20*mV", method: .exponentialEuler, namespace: namespace,
            name: "neuron")
        try neuron.v.set(-60 * mV)
        let spike_mon = try SpikeMonitor(neuron, name: "spike_mon")
        // The grid as numpy's meshgrid, flattened: g_na changes fastest.
        let g_na_values = Self.linspace(g_na_min.value, g_na_max.value, n_g_na)
        let I_values = Self.linspace(I_min.value, I_max.value, n_I)
        try neuron.g_na.set(QuantityArray(values: I_values.flatMap { _ in g_na_values.map { $0 * area.value } },
                                          dimension: siemens.dimension))
        try neuron.I.set(QuantityArray(values: I_values.flatMap { I in g_na_values.map { _ in I } }, dimension: amp.dimension))
        let net = try Network(neuron, spike_mon, backend: backend)
        try net.run(duration, report: report)

        let seconds = duration.value
        let rates = spike_mon.count.map { seconds > 0 ? Double($0) / seconds : 0 }
        var result = GalleryResult(example: Self.name, network: net)
        let grid = ValueGrid(x: QuantityArray(values: g_na_values.map { $0 / density.value }),
                             y: QuantityArray(values: I_values, dimension: amp.dimension),
                             values: QuantityArray(values: rates, dimension: Hz.dimension),
                             xLabel: "g_Na (mS/cm²)", yLabel: "I", label: "Firing rate")
        result.figures = [Named("rates", try Plot.of(grid, PlotOptions(
            title: "Firing rate of \(n_g_na * n_I) Hodgkin–Huxley neurons over " + String(format: "%g s", seconds))))]
        let firing = rates.filter { $0 > 0 }
        result.statistics = [
            GalleryStatistic("mean_rate", rates.reduce(0, +) / Double(max(1, rates.count)), unit: "Hz"),
            GalleryStatistic("max_rate", rates.max() ?? 0, unit: "Hz"),
            GalleryStatistic("fraction_firing", Double(firing.count) / Double(max(1, rates.count))),
        ]
        // The rates at the corners and the centre of the grid.
        let (last_g, last_I) = (n_g_na - 1, n_I - 1)
        for (row, column) in [(last_I, 0), (last_I, last_g / 2), (last_I, last_g), (last_I / 2, last_g), (last_I / 2, last_g / 2)] {
            let name = String(format: "rate_g_na_%.4g_I_%.4g", g_na_values[column] / density.value, I_values[row] / pA.value)
            result.statistics.append(GalleryStatistic(name, rates[row * n_g_na + column], unit: "Hz"))
        }
        return result
    }
}
