/// Summaries of samples of numbers that gallery statistics are made of: the correlation of two
/// recorded quantities (the eye and the object it pursues, a readout and the truth) and the
/// median of errors.
enum SampleStatistics {
    /// Pearson's correlation of `x` and `y` (paired up to the shorter; NaN when either is
    /// constant or there are no pairs).
    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(min(x.count, y.count))
        guard n > 0 else { return .nan }
        let mx = x.prefix(Int(n)).reduce(0, +) / n, my = y.prefix(Int(n)).reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : .nan
    }

    /// The median of `values` (the mean of the two middle ones for an even count; NaN when empty).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
