import SwiftBrian
import SwiftBrianTools

extension PFCActionControl {
    /// The behaviour of every condition: action latency histograms and cumulative distributions,
    /// and bars of SSRT, p(respond | signal), reversal accuracy and perseveration errors.
    static func figure(_ behaviours: [(PFCCondition, ActionBehaviour)], window: Double) throws -> Figure {
        let binWidth = 0.040  // s
        let bins = max(1, Int((window / binWidth).rounded(.up)))
        let seconds = { (values: [Double]) in QuantityArray(values: values, dimension: second.dimension) }
        let fraction = "Fraction of go trials"
        var histogram = [Curve](), cumulative = [Curve]()
        for (k, (condition, behaviour)) in behaviours.enumerated() {
            let latencies = behaviour.latencies.sorted()
            guard !latencies.isEmpty else { continue }
            var counts = [Double](repeating: 0, count: bins)
            for latency in latencies { counts[min(bins - 1, Int(latency / binWidth))] += 1 }
            let goTrials = Double(behaviour.goTrials.count)
            histogram.append(Curve(x: seconds(counts.indices.map { (Double($0) + 0.5) * binWidth }),
                                   y: QuantityArray(values: counts.map { $0 / goTrials }), xLabel: "Action latency",
                                   yLabel: fraction, label: condition.label, style: .line(width: 2), color: .series(k)))
            cumulative.append(Curve(x: seconds(latencies),
                                    y: QuantityArray(values: latencies.indices.map { Double($0 + 1) / goTrials }),
                                    xLabel: "Action latency", yLabel: fraction, style: .line(width: 2), color: .series(k)))
        }
        // A run without actions (trials shorter than the go cue) still draws its empty axes.
        let none = [Curve(x: seconds([]), y: QuantityArray(values: []), xLabel: "Action latency", yLabel: fraction)]
        let latencyRange = 0...max(binWidth, window) * 1000
        var latency = try Plot.of(histogram.isEmpty ? none : histogram,
                                  PlotOptions(title: "A. Action latency (go trials)", timeUnit: ms))
        latency.xAxis.range = latencyRange
        latency.yAxis.includesZero = true
        var cumulated = try Plot.of(cumulative.isEmpty ? none : cumulative,
                                    PlotOptions(title: "B. Cumulative action latency", timeUnit: ms))
        cumulated.xAxis.range = latencyRange
        cumulated.yAxis.range = 0...1
        func bars(_ title: String, _ label: String, unit: Quantity?, _ value: (ActionBehaviour) -> Double) throws -> Plot {
            let dimension = unit?.dimension ?? .dimensionless
            let condition = "Condition (colours as in A)"
            let curves = behaviours.enumerated().compactMap { k, entry -> Curve? in
                let y = value(entry.1)
                return y.isFinite ? Curve(x: QuantityArray(values: [Double(k) + 0.1]),
                                          y: QuantityArray(values: [y], dimension: dimension), xLabel: condition,
                                          yLabel: label, style: .bars(width: 0.8), color: .series(k)) : nil
            }
            let empty = Curve(x: QuantityArray(values: []), y: QuantityArray(values: [], dimension: dimension),
                              xLabel: condition, yLabel: label)
            var plot = try Plot.of(curves.isEmpty ? [empty] : curves, PlotOptions(title: title, unit: unit))
            plot.xAxis.showsTicks = false
            plot.yAxis.includesZero = true
            return plot
        }
        return Figure(title: "dmPFC/vmPFC action control: behaviour per condition", panels: [
            latency, cumulated,
            try bars("C. SSRT (integration method)", "SSRT", unit: ms) { $0.ssrt },
            try bars("D. p(respond | stop signal)", "Probability", unit: nil) { $0.respondProbability },
            try bars("E. Reversal accuracy", "Fraction correct after reversal", unit: nil) { $0.reversalAccuracy },
            try bars("F. Perseveration errors", "Errors per session", unit: nil) { $0.perseverationErrors },
        ], columns: 2)
    }
}
