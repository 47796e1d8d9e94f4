import Foundation
import SwiftBrian

/// The files written by ``SwiftBrian/Network/exportNeuroML(to:name:)``: a NeuroML 2 document
/// with the neuron models as ComponentTypes, and a LEMS file that includes it and holds the
/// populations, connections and the `Simulation` whose outputs match the monitors.
public struct NeuroMLExport: Sendable {
    /// The NeuroML 2 document (`NAME.nml`): one ComponentType per population's model.
    public let neuroMLFile: URL
    /// The LEMS file to run (`LEMS_NAME.xml`, as `pynml LEMS_NAME.xml -nogui`).
    public let lemsFile: URL
    /// For each StateMonitor, by name: the file the simulation writes (time, then one column per
    /// recorded variable and element, in SI) and the columns after the time, in order.
    public let stateFiles: [String: (file: String, columns: [(variable: String, index: Int)])]
    /// For each SpikeMonitor and PopulationRateMonitor, by name: the file of its spikes the
    /// simulation writes (time in seconds, then the neuron's index).
    public let spikeFiles: [String: String]

    /// The error thrown for what LEMS cannot express: `what` of `owner` (an object's name).
    static func unsupported(_ owner: String, _ what: String) -> ModelError {
        ModelError(.invalidArgument, "'\(owner)' cannot be exported to NeuroML/LEMS: LEMS cannot express \(what)")
    }
}

extension Network {
    /// Writes the network as run so far as NeuroML 2 and LEMS into `directory` (created if
    /// needed): `NAME.nml` with each neuron model as a LEMS ComponentType (state variables, time
    /// derivatives, threshold and reset as an `OnCondition`, refractoriness as regimes, synaptic
    /// effects as `OnEvent`s), and `LEMS_NAME.xml` with the populations and their initial values,
    /// one event connection per synapse with its delay, and a `Simulation` of all runs whose
    /// output files match the monitors. Run it with `pynml LEMS_NAME.xml -nogui`.
    ///
    /// - Throws: `ModelError` naming the object and the construct when something cannot be
    ///   expressed in LEMS (a network operation, a user function, `randn()`, plasticity,
    ///   per-synapse weights, values set between runs); nothing is left out silently.
    @discardableResult
    public func exportNeuroML(to directory: URL, name: String = "network") throws -> NeuroMLExport {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                                                              || $0 == "_") }) else {
            throw ModelError(.invalidArgument, "The name of a NeuroML export must be letters, digits and underscores, "
                             + "starting with a letter, but it is '\(name)'")
        }
        let exporter = try NeuroMLExporter(network: self, name: name)
        let nml = directory.appendingPathComponent("\(name).nml")
        let lems = directory.appendingPathComponent("LEMS_\(name).xml")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(exporter.neuroMLDocument.utf8).write(to: nml)
            try Data(exporter.lemsDocument(including: nml.lastPathComponent).utf8).write(to: lems)
        } catch {
            throw ModelError(.invalidArgument, "Cannot write the NeuroML export to '\(directory.path)': "
                             + error.localizedDescription)
        }
        return NeuroMLExport(neuroMLFile: nml, lemsFile: lems, stateFiles: exporter.stateFiles,
                             spikeFiles: exporter.spikeFiles)
    }
}
