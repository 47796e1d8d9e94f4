import SwiftBrianTools

extension PFCActionControl {
    /// The behaviour of every condition: action latency histograms and cumulative distributions,
    /// and bars of SSRT, p(respond | signal), reversal accuracy and perseveration errors.
    static func figure(_ behaviours: [(PFCCondition, ActionBehaviour)], window: Double) -> Figure {
        let binWidth = 40.0  // ms
        let bins = max(1, Int((window * 1000 / binWidth).rounded(.up)))
        var histogram = [PlotSeries](), cumulative = [PlotSeries]()
        for (k, (condition, behaviour)) in behaviours.enumerated() {
            let latencies = behaviour.latencies.map { $0 * 1000 }.sorted()
            guard !latencies.isEmpty else { continue }
            var counts = [Double](repeating: 0, count: bins)
            for latency in latencies { counts[min(bins - 1, Int(latency / binWidth))] += 1 }
            let goTrials = Double(behaviour.goTrials.count)
            histogram.append(PlotSeries(x: counts.indices.map { (Double($0) + 0.5) * binWidth },
                                        y: counts.map { $0 / goTrials }, style: .line(width: 2),
                                        color: .series(k), label: condition.label))
            cumulative.append(PlotSeries(x: latencies, y: latencies.indices.map { Double($0 + 1) / goTrials },
                                         style: .line(width: 2), color: .series(k)))
        }
        func bars(_ title: String, _ label: String, unit: String?, _ value: (ActionBehaviour) -> Double) -> Plot {
            Plot(title: title, xAxis: PlotAxis("Condition (colours as in A)", showsTicks: false),
                 yAxis: PlotAxis(label, unit: unit, includesZero: true),
                 series: behaviours.enumerated().compactMap { k, entry in
                     let y = value(entry.1)
                     return y.isFinite ? PlotSeries(x: [Double(k) + 0.1], y: [y], style: .bars(width: 0.8),
                                                    color: .series(k)) : nil
                 })
        }
        return Figure(title: "dmPFC/vmPFC action control: behaviour per condition", panels: [
            Plot(title: "A. Action latency (go trials)",
                 xAxis: PlotAxis("Action latency", unit: "ms", range: 0...max(binWidth, window * 1000)),
                 yAxis: PlotAxis("Fraction of go trials", includesZero: true), series: histogram),
            Plot(title: "B. Cumulative action latency",
                 xAxis: PlotAxis("Action latency", unit: "ms", range: 0...max(binWidth, window * 1000)),
                 yAxis: PlotAxis("Fraction of go trials", range: 0...1), series: cumulative),
            bars("C. SSRT (integration method)", "SSRT", unit: "ms") { $0.ssrt * 1000 },
            bars("D. p(respond | stop signal)", "Probability", unit: nil) { $0.respondProbability },
            bars("E. Reversal accuracy", "Fraction correct after reversal", unit: nil) { $0.reversalAccuracy },
            bars("F. Perseveration errors", "Errors per session", unit: nil) { $0.perseverationErrors },
        ], columns: 2)
    }
}
