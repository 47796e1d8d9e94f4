import SwiftBrian

extension NeuroMLExporter {
    /// The simulation's outputs: a file of values per StateMonitor (one column per variable and
    /// recorded neuron), a file of spikes per SpikeMonitor, and per PopulationRateMonitor a file
    /// of its population's spikes (LEMS records no rates; the rate is their count per step).
    func addMonitors() throws {
        for object in network.objects {
            switch object {
            case let monitor as StateMonitor:
                let (population, offset) = try recordedPopulation(monitor.source, monitor: monitor.name)
                guard monitor.clock.dt == dt else {
                    throw NeuroMLExport.unsupported(monitor.name, "recording every \(monitor.clock.dt) (LEMS records every step)")
                }
                var columns: [(variable: String, index: Int)] = []
                var elements: [LEMSElement] = []
                for variable in monitor.variables {
                    guard monitor.source.equations.names.contains(variable) else {
                        throw NeuroMLExport.unsupported(monitor.name, "recording '\(variable)', which is not a variable of the model")
                    }
                    for index in monitor.record {
                        columns.append((variable, index))
                        elements.append(LEMSElement("OutputColumn", [("id", "\(variable)_\(index)"),
                                                                     ("quantity", "\(population)[\(index + offset)]/\(variable)")]))
                    }
                }
                let file = "\(monitor.name).dat"
                stateFiles[monitor.name] = (file, columns)
                outputs.append(LEMSElement("OutputFile", [("id", monitor.name), ("fileName", file)], elements))
            case let monitor as EventMonitor:
                guard monitor.event == "spike", monitor.variables.isEmpty else {
                    throw NeuroMLExport.unsupported(monitor.name, monitor.event == "spike"
                        ? "recording variables with the spikes" : "monitoring the event '\(monitor.event)'")
                }
                try addSpikeFile(monitor.name, monitor.source)
            case let monitor as PopulationRateMonitor:
                try addSpikeFile(monitor.name, monitor.source)
            default:
                break
            }
        }
    }

    /// A file of the spikes of every neuron of `source`, for the monitor `monitor`.
    private func addSpikeFile(_ monitor: String, _ source: Group) throws {
        let (population, offset) = try recordedPopulation(source, monitor: monitor)
        let file = "\(monitor).spikes"
        spikeFiles[monitor] = file
        outputs.append(LEMSElement("EventOutputFile", [("id", monitor), ("fileName", file), ("format", "TIME_ID")],
                                   (0..<source.size).map { index in
            LEMSElement("EventSelection", [("id", "\(index)"), ("select", "\(population)[\(index + offset)]"), ("eventPort", "spike")])
        }))
    }

    /// The population a monitor of `source` records from, and the index there of its first neuron.
    private func recordedPopulation(_ source: Group, monitor: String) throws -> (String, Int) {
        let (group, offset) = Self.root(of: source)
        guard populations.contains(group.name) else {
            throw NeuroMLExport.unsupported(monitor, "monitoring '\(source.name)', which is not a population")
        }
        return (group.name, offset)
    }
}
