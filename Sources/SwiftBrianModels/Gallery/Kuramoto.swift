import Foundation
import SwiftBrian
import SwiftBrianTools

/// Coupled oscillators after Kuramoto (1975; Brian's `examples/coupled_oscillators.py`): `N`
/// phase oscillators with intrinsic frequencies drawn from 𝒩(0.5, 0.5) rad/s (clipped at 0),
/// coupled all to all through a summed variable,
/// `dTheta_i/dt = omega_i + K/N sum_j sin(Theta_j - Theta_i)`, integrated with Euler's method
/// at 1 ms.
///
/// As in the original, one simulation per coupling strength in ``K_values``, each started from
/// the same random numbers (the same initial phases and frequencies). The synchrony is the order
/// parameter `r = |mean_j exp(i Theta_j)|` (the length of the original's arrow): near 1/sqrt(N)
/// uncoupled, growing with `K` to near 1.
public struct Kuramoto: GalleryExample {
    public static let name = "kuramoto"
    public static let summary = "Kuramoto phase oscillators coupled all to all (a summed variable): synchrony grows with the coupling K"
    public static let reference = "Kuramoto (1975), Lecture Notes in Physics 39:420-422; Brian's examples/coupled_oscillators.py"

    /// The number of oscillators.
    public var N = 100
    /// The coupling strengths, in 1/second: one simulation each.
    public var K_values = [0.0, 1, 2, 4]
    /// The simulated time of each simulation.
    public var duration = 10 * second
    /// How often the phases are recorded for the order parameter.
    public var record_dt = 10 * ms

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = ["N": 1...100_000]

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        let runs = try K_values.map { try simulate(K: $0, seed: value, backend: backend, report: report) }
        guard let first = runs.first else {
            throw ModelError(.invalidArgument, "'K_values' of '\(Self.name)' must hold at least one coupling strength")
        }
        var result = GalleryResult(example: Self.name, network: first.network)
        var curves: [Curve] = []
        for (K, run) in zip(K_values, runs) {
            let label = String(format: "K_%g", K)
            let lastFifth = run.order.suffix(max(1, run.order.count / 5))
            result.statistics += [
                GalleryStatistic("order_\(label)", lastFifth.reduce(0, +) / Double(lastFifth.count)),
                GalleryStatistic("final_order_\(label)", run.order.last ?? .nan),
            ]
            curves.append(Curve(x: run.t * second, y: QuantityArray(values: run.order), xLabel: "Time",
                                yLabel: "Order parameter r", label: K == 0 ? "uncoupled" : String(format: "K = %g/s", K)))
        }
        var synchrony = try Plot.of(curves, PlotOptions(title: "Phase coherence of \(N) coupled oscillators",
                                                        timeUnit: second))
        synchrony.yAxis.range = 0...1
        result.figures = [Named("synchrony", synchrony)]
        return result
    }

    /// One simulation with coupling strength `K` (1/second): the network, the recording times
    /// and the order parameter at each.
    private func simulate(K: Double, seed value: UInt64, backend: BackendKind,
                          report: ProgressReport?) throws -> (network: Network, t: [Double], order: [Double]) {
        seed(value)
        defaultClock.dt = 1 * ms
        let oscillators = try NeuronGroup(N, model: """
            dTheta/dt = omega + K/N*coupling : radian
            omega : radian/second (constant) # intrinsic frequency
            coupling : 1
            """, method: .euler, namespace: ["K": K / second, "N": N], name: "oscillators")
        try oscillators.Theta.set("rand()*2*pi")  // random initial phase
        try oscillators.omega.set("clip(0.5 + randn()*0.5, 0, inf)*radian/second")  // 𝒩(0.5, 0.5)
        let connections = try Synapses(oscillators, oscillators,
                                       model: "coupling_post = sin(Theta_pre - Theta_post) : 1 (summed)",
                                       name: "connections")
        try connections.connect()  // all to all
        let mon = try StateMonitor(oscillators, "Theta", record: Array(0..<N), dt: record_dt, name: "mon")
        let net = try Network(oscillators, connections, mon, backend: backend)
        try net.run(duration, report: report)

        let phases = try (0..<N).map { try mon.values("Theta", index: $0).values }
        let order = mon.t.values.indices.map { sample in
            let (x, y) = phases.reduce((0.0, 0.0)) { ($0.0 + cos($1[sample]), $0.1 + sin($1[sample])) }
            return (x * x + y * y).squareRoot() / Double(N)
        }
        return (net, mon.t.values, order)
    }
}
