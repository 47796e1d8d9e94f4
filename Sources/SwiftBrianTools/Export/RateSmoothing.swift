import SwiftBrian

/// How a population rate is smoothed for export and plots: a window shape and width, as given
/// to ``SwiftBrian/PopulationRateMonitor/smoothRate(window:width:)`` (Brian's `smooth_rate`).
public struct RateSmoothing: Sendable {
    /// The shape of the window.
    public var window: PopulationRateMonitor.Window
    /// The width of the window (a time): a Gaussian's standard deviation, a flat window's length.
    public var width: Quantity

    /// A `window` of `width`.
    public init(window: PopulationRateMonitor.Window = .gaussian, width: Quantity) {
        self.window = window
        self.width = width
    }

    /// The rate of `monitor`, smoothed.
    ///
    /// - Throws: `ModelError` when the width is not a positive time.
    public func smoothedRate(of monitor: PopulationRateMonitor) throws -> QuantityArray {
        try monitor.smoothRate(window: window, width: width)
    }
}
