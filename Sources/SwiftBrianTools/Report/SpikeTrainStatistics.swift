import SwiftBrian

/// Measures of recorded spikes that reports show: the mean firing rate per neuron and the
/// irregularity of firing (the coefficient of variation of interspike intervals).
public enum SpikeTrainStatistics {
    /// The mean firing rate per neuron: the number of spikes divided by the number of neurons
    /// and by `duration` (0 when either is 0).
    public static func meanRate(spikes: Int, neurons: Int, duration: Quantity) -> Quantity {
        guard neurons > 0, duration.value > 0 else { return Quantity(value: 0, dimension: .frequency) }
        return Quantity(value: Double(spikes) / Double(neurons) / duration.value, dimension: .frequency)
    }

    /// The coefficient of variation (standard deviation over mean) of the interspike intervals
    /// of each neuron of `monitor` with at least three spikes, averaged over those neurons; `nil`
    /// when no neuron spiked three times. About 0 for regular firing, 1 for Poisson firing.
    public static func meanCV(_ monitor: EventMonitor) -> Double? {
        let cvs = monitor.eventTrains().compactMap { train -> Double? in
            let times = train.values
            guard times.count >= 3 else { return nil }
            return coefficientOfVariation(zip(times.dropFirst(), times).map { $0 - $1 })
        }
        return cvs.isEmpty ? nil : cvs.reduce(0, +) / Double(cvs.count)
    }

    /// The standard deviation of `values` divided by their mean; `nil` for fewer than two values
    /// or a zero mean.
    public static func coefficientOfVariation(_ values: [Double]) -> Double? {
        guard values.count > 1 else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        guard mean != 0 else { return nil }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return variance.squareRoot() / mean
    }
}
