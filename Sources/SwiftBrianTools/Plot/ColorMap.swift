/// A continuous colour map: numbers from 0 to 1 to colours, linearly between evenly spaced anchor
/// colours, in a number of steps (by default ``levels``, as matplotlib's 256-entry maps), so that
/// equal colours can be drawn together.
public struct ColorMap: Sendable {
    /// An anchor colour: red, green and blue from 0 to 255.
    struct Anchor: Sendable {
        let red: Double, green: Double, blue: Double
    }

    /// The anchor colours, evenly spaced from 0 (first) to 1 (last); at least one.
    let anchors: [Anchor]

    /// The number of distinct colours a map gives by default.
    public static let levels = 256

    /// matplotlib's default map "viridis" (dark blue through green to yellow): perceptually
    /// uniform and readable in grey and by colour-blind readers. Anchors every tenth.
    public static let viridis = ColorMap(anchors: [
        Anchor(red: 68, green: 1, blue: 84), Anchor(red: 72, green: 36, blue: 117),
        Anchor(red: 65, green: 68, blue: 135), Anchor(red: 53, green: 95, blue: 141),
        Anchor(red: 42, green: 120, blue: 142), Anchor(red: 33, green: 145, blue: 140),
        Anchor(red: 34, green: 168, blue: 132), Anchor(red: 68, green: 191, blue: 112),
        Anchor(red: 122, green: 209, blue: 81), Anchor(red: 189, green: 223, blue: 38),
        Anchor(red: 253, green: 231, blue: 37),
    ])

    /// The colour at `fraction` of the map (clamped to 0...1; NaN gives the first colour), one of
    /// `levels` evenly spaced colours (at least 2).
    public func color(at fraction: Double, levels: Int = ColorMap.levels) -> PlotColor {
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        let steps = Double(max(levels, 2) - 1)
        let level = (clamped * steps).rounded() / steps
        let position = level * Double(anchors.count - 1)
        let low = min(anchors.count - 1, Int(position)), high = min(anchors.count - 1, low + 1)
        let weight = position - Double(low)
        func channel(_ value: KeyPath<Anchor, Double>) -> Int {
            Int((anchors[low][keyPath: value] * (1 - weight) + anchors[high][keyPath: value] * weight).rounded())
        }
        return PlotColor(hex: channel(\.red), channel(\.green), channel(\.blue))
    }

    /// The colour of `value` on a scale from `range.lowerBound` (first colour) to
    /// `range.upperBound` (last), one of `levels`, or nil for a value that is not finite. An
    /// empty range gives the middle colour.
    public func color(for value: Double, in range: ClosedRange<Double>, levels: Int = ColorMap.levels) -> PlotColor? {
        guard value.isFinite else { return nil }
        let span = range.upperBound - range.lowerBound
        return color(at: span > 0 ? (value - range.lowerBound) / span : 0.5, levels: levels)
    }

    /// The anchors as gradient stops: the offset from 0 to 1 and the colour. A linear gradient
    /// through them shows the whole map.
    var stops: [(offset: Double, color: PlotColor)] {
        let last = max(anchors.count - 1, 1)
        return anchors.indices.map { k in
            (Double(k) / Double(last), PlotColor(hex: Int(anchors[k].red), Int(anchors[k].green), Int(anchors[k].blue)))
        }
    }
}

extension PlotColor {
    /// The colour with `red`, `green` and `blue` from 0 to 255 (clamped), as `#rrggbb`.
    init(hex red: Int, _ green: Int, _ blue: Int) {
        let digits = Array("0123456789abcdef")
        let text = [red, green, blue].map { value -> String in
            let byte = min(255, max(0, value))
            return String([digits[byte / 16], digits[byte % 16]])
        }.joined()
        self.init("#" + text)
    }
}
