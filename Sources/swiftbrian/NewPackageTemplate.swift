/// The files of a new SwiftBrian project (`swiftbrian new NAME`): a Swift package with one
/// executable, `NAME`, whose `main.swift` simulates a small model, plots it and exports its data.
struct NewPackageTemplate {
    /// The package and executable name.
    let name: String
    /// The SwiftBrian checkout the package depends on, as a path.
    let swiftBrianPath: String

    /// The package's identity in SwiftPM: the last component of the dependency's path.
    private var swiftBrianIdentity: String {
        swiftBrianPath.split(separator: "/").last.map(String.init) ?? "SwiftBrian"
    }

    /// The files by path relative to the package folder.
    var files: [(path: String, contents: String)] {
        [("Package.swift", packageManifest), ("Sources/\(name)/main.swift", mainSource), (".gitignore", "/.build\n/out\n")]
    }

    var packageManifest: String {
        """
        // swift-tools-version:6.0
        import PackageDescription

        // A model written with SwiftBrian. `swift run -c release` builds and runs it.
        // SwiftBrian comes from a local checkout; to take it from its git repository instead, write
        //     .package(url: "https://github.com/OWNER/SwiftBrian.git", branch: "main"),
        // and `package: "SwiftBrian"` below.
        let package = Package(
            name: "\(name)",
            dependencies: [
                .package(path: "\(swiftBrianPath)"),
            ],
            targets: [
                .executableTarget(name: "\(name)", dependencies: [
                    .product(name: "SwiftBrian", package: "\(swiftBrianIdentity)"),
                    .product(name: "SwiftBrianTools", package: "\(swiftBrianIdentity)"),
                ]),
            ],
            swiftLanguageModes: [.v5]
        )

        """
    }

    var mainSource: String {
        """
        import Foundation
        import SwiftBrian
        import SwiftBrianTools

        // \(name): 100 leaky integrate-and-fire neurons driven by Poisson input, as a Brian script
        // would write them. `swift run` simulates one second, prints what happened and writes plots
        // (SVG, and PNG where a converter is installed) and the recorded data (NumPy .npz) into out/.
        do {
            seed(1)
            let namespace: Namespace = ["tau": 10 * ms, "El": -60 * mV, "Vt": -50 * mV, "Vr": -60 * mV]
            let G = try NeuronGroup(100, model: "dv/dt = (El - v)/tau : volt (unless refractory)",
                                    threshold: "v > Vt", reset: "v = Vr", refractory: 5 * ms, method: .exact,
                                    namespace: namespace, name: "G")
            try G.v.set("Vr + rand()*(Vt - Vr)")
            // 1000 independent Poisson inputs at 10 Hz per neuron, each spike adding 0.12 mV: on average
            // v would settle 12 mV above El, 2 mV above threshold.
            let input = try PoissonInput(G, "v", N: 1000, rate: 10 * Hz, weight: 0.12 * mV)
            let spikes = try SpikeMonitor(G)
            let trace = try StateMonitor(G, "v", record: [0, 1, 2])
            let rate = try PopulationRateMonitor(G)
            try Network(G, input, spikes, trace, rate).run(1 * second)

            print("\\(spikes.numEvents) spikes, \\(Double(spikes.numEvents) / 100) Hz per neuron")
            let v0 = try trace[0].v                   // neuron 0's v over trace.t (Brian's trace[0].v)
            print("v of neuron 0 ranged from \\(v0.min()) to \\(v0.max())")
            // Plot.of plots whatever it is given, as brian2tools' brian_plot.
            let plots = [("raster", try Plot.of(spikes)), ("v", try Plot.of(trace)), ("rate", try Plot.of(rate))]
            for (file, plot) in plots {
                try plot.writeSVG(to: "out/\\(file).svg")
                do {
                    try plot.writePNG(to: "out/\\(file).png")
                } catch {
                    print("out/\\(file).png not written: \\(error)")
                }
            }
            try spikes.writeNPZ(to: "out/spikes.npz")
            try trace.writeNPZ(to: "out/v.npz")
            print("Plots and data in out/")
        } catch {
            FileHandle.standardError.write(Data("error: \\(error)\\n".utf8))
            exit(1)
        }

        """
    }
}
