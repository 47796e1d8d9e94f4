import SwiftBrian

extension Plot {
    /// An f–I curve: the firing rate against the input (a current, or whatever drives the
    /// neurons), one point per neuron or trial, joined in the order of increasing input.
    ///
    /// - Parameters:
    ///   - inputLabel: the input axis label; by default "Input current" for currents, else "Input".
    ///   - inputUnit: the unit of the input axis; by default the unit Brian would print it in.
    ///   - rateUnit: the unit of the rate axis; by default hertz.
    /// - Throws: `ModelError` when the counts differ, `rate` is not a frequency or a unit does not fit.
    public static func fICurve(input: QuantityArray, rate: QuantityArray, inputLabel: String? = nil,
                               inputUnit: Quantity? = nil, rateUnit: Quantity? = nil,
                               title: String = "f\u{2013}I curve") throws -> Plot {
        guard input.count == rate.count else {
            throw ModelError(.invalidArgument, "An f\u{2013}I curve needs one rate per input, but there are "
                             + "\(input.count) inputs and \(rate.count) rates")
        }
        guard rate.dimension == .frequency else {
            throw ModelError(.dimensionMismatch, "The rates of an f\u{2013}I curve must be frequencies, but they are "
                             + "in \(rate.dimension)")
        }
        let order = input.values.indices.sorted { input.values[$0] < input.values[$1] }
        let curve = Curve(x: QuantityArray(values: order.map { input.values[$0] }, dimension: input.dimension),
                          y: QuantityArray(values: order.map { rate.values[$0] }, dimension: rate.dimension),
                          xLabel: inputLabel ?? (input.dimension == .current ? "Input current" : "Input"),
                          yLabel: "Firing rate",
                          style: .lineAndDots(width: 1.5, diameter: input.count > 200 ? 0 : 4))
        return try Plot.of(curve, PlotOptions(title: title, unit: rateUnit, xUnit: inputUnit))
    }

    /// The f–I curve of a group whose neuron `k` received `input[k]`: the rate of each neuron is
    /// its spike count in `monitor` divided by `duration`.
    ///
    /// - Throws: `ModelError` when `input` does not have one value per neuron, `duration` is not
    ///   a positive time, or a unit does not fit.
    public static func fICurve(_ monitor: SpikeMonitor, input: QuantityArray, duration: Quantity,
                               inputLabel: String? = nil, inputUnit: Quantity? = nil, rateUnit: Quantity? = nil,
                               title: String = "f\u{2013}I curve") throws -> Plot {
        guard duration.dimension == .time, duration.value > 0 else {
            throw ModelError(.invalidArgument, "The duration of an f\u{2013}I curve must be a positive time, but it is "
                             + "\(duration)")
        }
        let rate = QuantityArray(values: monitor.count.map { Double($0) / duration.value }, dimension: .frequency)
        return try fICurve(input: input, rate: rate, inputLabel: inputLabel, inputUnit: inputUnit, rateUnit: rateUnit,
                           title: title)
    }
}
