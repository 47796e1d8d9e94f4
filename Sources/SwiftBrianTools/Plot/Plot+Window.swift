extension Plot {
    /// The plot over `range` of the horizontal axis only (in its unit, as `200...400` ms): the
    /// points of lines and dots outside are left out, so that the vertical axis fits what is
    /// shown (a late window of a run, without its start-up transient).
    public func window(_ range: ClosedRange<Double>) -> Plot {
        var plot = self
        plot.xAxis.range = range
        for k in plot.series.indices {
            switch plot.series[k].style {
            case .line, .dots, .lineAndDots:
                let series = plot.series[k]
                let kept = series.x.indices.filter { k in k < series.y.count && range.contains(series.x[k]) }
                plot.series[k].x = kept.map { series.x[$0] }
                plot.series[k].y = kept.map { series.y[$0] }
            case .bars, .segments, .discs, .hexagons:
                break
            }
        }
        return plot
    }
}
