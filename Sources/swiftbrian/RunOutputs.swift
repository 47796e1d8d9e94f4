import Foundation
import SwiftBrian
import SwiftBrianModels
import SwiftBrianTools

/// What `swiftbrian run` writes for a gallery example: a plot per monitor (SVG, and PNG where
/// librsvg is installed), the recorded data as one NumPy `.npz` and one CSV per monitor, the
/// model description (`description.md`), and an HTML report gathering the summary, a link to the
/// description and the plots.
enum RunOutputs {
    /// Writes the outputs of `result` into `folder` and returns the files written, in order, and
    /// warnings for what could not be written (PNG without librsvg).
    static func write(_ result: GalleryResult, summary: RunSummary, to folder: URL, plots wantPlots: Bool) throws
        -> (files: [String], warnings: [String]) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [String] = [], warnings: [String] = []
        func path(_ name: String) -> URL { folder.appendingPathComponent(fileName(name)) }
        func file(_ name: String) { files.append(path(name).path) }
        // Monitor names may hold spaces and commas ("vm, w"); file names keep letters, digits, - _ .
        func fileName(_ name: String) -> String {
            String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        }

        var archive = NPZArchive()
        for spikes in result.spikes {
            for array in try spikes.value.exportedArrays() { try archive.add(prefixed("spikes_\(spikes.name)", array)) }
            try spikes.value.writeCSV(to: path("spikes_\(spikes.name).csv"))
            file("spikes_\(spikes.name).csv")
        }
        for states in result.states {
            for array in try states.value.exportedArrays() { try archive.add(prefixed("state_\(states.name)", array)) }
            try states.value.writeCSV(to: path("state_\(states.name).csv"))
            file("state_\(states.name).csv")
        }
        for rates in result.rates {
            for array in try rates.value.exportedArrays() { try archive.add(prefixed("rate_\(rates.name)", array)) }
            try rates.value.writeCSV(to: path("rate_\(rates.name).csv"))
            file("rate_\(rates.name).csv")
        }
        try archive.write(to: path("\(result.example).npz"))
        file("\(result.example).npz")

        try Data(result.network.describe(title: "Model description: \(result.example)").utf8)
            .write(to: path(descriptionFile))
        file(descriptionFile)
        var report = Report(title: "SwiftBrian: \(result.example)").add(summary, caption: "Summary")
            .add(link: "Model description (Markdown)", to: descriptionFile)
        if wantPlots {
            for (name, plot) in try plots(result) {
                try plot.writeSVG(to: path("\(name).svg"))
                file("\(name).svg")
                do {
                    try plot.writePNG(to: path("\(name).png"))
                    file("\(name).png")
                } catch let error as ToolsError {
                    if warnings.isEmpty { warnings.append("PNG plots were not written: \(error)") }
                }
                report = report.add(plot)
            }
        }
        try report.write(to: path("report.html"))
        file("report.html")
        return (files, warnings)
    }

    /// The model description written beside the report.
    static let descriptionFile = "description.md"

    /// `array` named `prefix_name`.
    private static func prefixed(_ prefix: String, _ array: ExportedArray) -> ExportedArray {
        var copy = array
        copy.name = "\(prefix)_\(array.name)"
        return copy
    }

    /// The plots of a result, with file names: the example's own figures, then, each drawn by the
    /// generic ``Plot/of(_:_:)``, rasters, state traces, population rates and weight histograms
    /// (of synapses with a `w`), and computed curves.
    private static func plots(_ result: GalleryResult) throws -> [(String, any Picture)] {
        var plots: [(String, any Picture)] = result.figures.map { ($0.name, $0.value) }
        for spikes in result.spikes {
            plots.append(("raster_\(spikes.name)", try Plot.of(spikes.value, PlotOptions(title: "Spikes of \(spikes.name)"))))
        }
        for states in result.states {
            let indices = Array(states.value.record.prefix(5))
            let labels = result.stateLabels[states.name].flatMap { $0.count >= indices.count ? $0.prefix(indices.count) : nil }
            for variable in states.value.variables {
                let title = "\(variable) of \(states.value.source.name)"
                plots.append(("state_\(states.name)_\(variable)", try Plot.of(states.value, PlotOptions(
                    title: title, variable: variable, indices: indices, labels: labels?.map { "\(variable) (\($0))" }))))
            }
        }
        for rates in result.rates {
            plots.append(("rate_\(rates.name)", try Plot.of(rates.value, PlotOptions(title: "Population rate of \(rates.name)"))))
        }
        for synapses in result.synapses {
            guard let weights = try? synapses.value.variable("w") else { continue }
            plots.append(("weights_\(synapses.name)", try Plot.of(weights, PlotOptions(
                title: "Weights of \(synapses.name)", synapticView: .histogram(bins: 20)))))
        }
        for curve in result.curves {
            plots.append(("curve_\(curve.name)", try Plot.of(curve.value)))
        }
        return plots
    }
}
