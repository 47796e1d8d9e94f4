import ArgumentParser
import Foundation
import SwiftBrian
import SwiftBrianModels

/// `swiftbrian bench`: times one of Brian's speed-test models, printing one line like
/// `shared/reference/brian2_bench.py` does, so the two can be compared side by side.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time one of Brian 2's speed-test models.",
        discussion: """
            Builds MODEL with N neurons as Brian's speed tests do, runs 1 ms to compile (excluded from \
            the timing, as in brian2_bench.py), then times the run and prints one line: spikes, synapses, \
            compile_s (the first run's compilation, 0 when the library was cached), run_s (wall-clock time), \
            cpu_s (processor time, which other work on the machine does not lengthen) and the mean rate. \
            For the multicompartment models (rallpack3: N compartments of an axon, ball_and_stick: N cells) \
            the line also gives the compartments, the memory per compartment in bytes and the mean membrane \
            potential at the end, as scripts/brian2_spatial_bench.py prints them for Brian. For \
            dendrify_network (N neurons with dendrites, half excitatory, half inhibitory) it also gives the \
            dendritic spikes and the rate of each population, as scripts/dendrify_bench.py prints them.
            """
    )

    @Argument(help: ArgumentHelp("The model.", valueName: BenchmarkModel.allCases.map(\.rawValue).joined(separator: "|")))
    var model: String

    @Option(name: .long, parsing: .unconditional, help: "The number of neurons (rallpack3: compartments; ball_and_stick: cells; dendrify_network: both populations).")
    var n: Int = 4000

    @Option(name: .long, parsing: .unconditional, help: "The simulated time in seconds (default: as in Brian's script, 1 s; 10 s for linear; 20 ms for rallpack3 and ball_and_stick).")
    var duration: Double?

    @Option(name: .long, help: "native, interpreter, cuda (an NVIDIA GPU) or cudaEmulated (the GPU's kernels on the CPU, for testing).")
    var backend: String = "native"

    @Option(name: .long, parsing: .unconditional, help: "The random seed (Brian's script uses 1).")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Let the C compiler reorder and vectorize floating-point arithmetic (as Brian's C++ targets do).")
    var fastMath = false

    @Option(name: .long, parsing: .unconditional, help: "The number of threads of the native backend (default: every core, or SWIFTBRIAN_THREADS; 1: one thread).")
    var threads: Int?

    @Flag(name: .long, help: "Do not stop the run when a variable becomes NaN or infinite (the check's cost).")
    var noCheckFinite = false

    func run() throws {
        do {
            guard let model = BenchmarkModel(rawValue: model) else {
                let names = BenchmarkModel.allCases.map(\.rawValue)
                let hint = Suggestions.hint(for: self.model, among: names)
                throw ModelError(.invalidArgument, "Unknown model '\(self.model)'\(hint); choose one of "
                                 + names.joined(separator: ", "))
            }
            guard let backend = BackendKind(rawValue: backend) else {
                throw ModelError(.invalidArgument, "Unknown backend '\(self.backend)'; choose native, interpreter, cuda or cudaEmulated")
            }
            if let threads { try ThreadCount.setDefault(threads) }
            guard n > 0 else { throw ModelError(.invalidArgument, "--n must be positive, but it is \(n)") }
            let instance = try model.build(n: n, backend: backend, fastMath: fastMath, seed: seed)
            instance.network.checkFinite = !noCheckFinite
            let duration = self.duration.map { $0 * second } ?? instance.duration
            guard duration.value > 0 else { throw ModelError(.invalidArgument, "--duration must be positive") }
            try instance.network.run(1 * ms)
            let compile = instance.network.compileSeconds, prepare = instance.network.prepareSeconds
            let spikesBefore = instance.spikes?.numEvents ?? 0
            let dendriticSpikesBefore = instance.dendriticSpikes?.numEvents ?? 0
            let started = Date(), startedCPU = BenchCommand.processorSeconds()
            try instance.network.run(duration)
            let wall = Date().timeIntervalSince(started), cpu = BenchCommand.processorSeconds() - startedCPU
            let spikes = (instance.spikes?.numEvents ?? 0) - spikesBefore
            let synapses = instance.synapses.map(\.size).reduce(0, +)
            let bytes = synapses == 0 ? 0 : instance.synapses.map { $0.bytesPerSynapse * $0.size }.reduce(0, +) / synapses
            let rate = instance.monitored.map { Double(spikes) / (Double($0.size) * duration.value) } ?? 0
            let target = backend.rawValue + (fastMath ? "-fastmath" : "") + (noCheckFinite ? "-nocheck" : "")
            print("swiftbrian \(model.rawValue) N=\(n) target=\(target) spikes=\(spikes) synapses=\(synapses) "
                  + String(format: "compile_s=%.3f prepare_s=%.3f run_s=%.3f cpu_s=%.3f rate_hz=%.2f", compile, prepare, wall,
                                   cpu, rate)
                  + (synapses > 0 ? " bytes_per_synapse=\(bytes)" : "") + (try spatialFigures(instance.neurons))
                  + dendriticFigures(instance, spikesBefore: spikesBefore, dendriticSpikesBefore: dendriticSpikesBefore,
                                     duration: duration))
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The dendritic spikes of the timed run and the rate of each population (as
    /// scripts/dendrify_bench.py prints them); empty for models without dendritic spikes.
    private func dendriticFigures(_ instance: BenchmarkModel.Instance, spikesBefore: Int, dendriticSpikesBefore: Int,
                                  duration: Quantity) -> String {
        guard let dendriticSpikes = instance.dendriticSpikes else { return "" }
        let timed = instance.spikes.map { Array($0.i.dropFirst(spikesBefore)) } ?? []
        return " dspikes=\(dendriticSpikes.numEvents - dendriticSpikesBefore)" + instance.populations.map { population in
            let count = timed.filter { population.range.contains($0) }.count
            return String(format: " rate_%@_hz=%.2f", population.name,
                          Double(count) / (Double(population.range.count) * duration.value))
        }.joined()
    }

    /// The processor time this process has used (all threads), in seconds: on a shared machine,
    /// other work lengthens the wall time of a run but not this.
    private static func processorSeconds() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }

    /// The compartments, the memory per compartment and the mean membrane potential (mV) at the
    /// end, of all `neurons`; empty without any.
    private func spatialFigures(_ neurons: [SpatialNeuron]) throws -> String {
        let compartments = neurons.map(\.size).reduce(0, +)
        guard compartments > 0 else { return "" }
        let bytes = neurons.map { $0.bytesPerCompartment * $0.size }.reduce(0, +) / compartments
        let v = try neurons.flatMap { try $0.v.plainValues }
        let mean = v.reduce(0, +) / Double(compartments) / 1e-3
        return " compartments=\(compartments) bytes_per_compartment=\(bytes)" + String(format: " v_mean_mV=%.4f", mean)
    }
}
