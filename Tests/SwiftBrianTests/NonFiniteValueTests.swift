import SwiftBrian
import SwiftBrianNative
import XCTest

/// A variable that becomes NaN or infinite stops the run with an error naming the variable, the
/// element, the time and the last finite value, the same on both backends, with the state kept (in
/// a state update or a reset, the failing element keeps its last finite values); `checkFinite:
/// false` lets the run go on, and the check never changes results.
final class NonFiniteValueTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// Runs `build`'s network on `backend` for `duration`; returns the error message, the
    /// network's time and the values of `variable` afterwards.
    private func failingRun(_ backend: BackendKind, _ duration: Quantity, variable: String,
                            _ build: () throws -> NeuronGroup) throws -> (message: String, t: Double, values: [Double]) {
        let G = try build()
        let net = try Network(G, backend: backend)
        var message = ""
        XCTAssertThrowsError(try net.run(duration)) { error in
            XCTAssertEqual((error as? ModelError)?.kind, .nonFiniteValue, "\(error)")
            message = (error as? ModelError)?.message ?? "\(error)"
        }
        return (message, net.t.value, try G.variable(variable).values.values)
    }

    func testAVariableBlowingUpStopsTheRunOnBothBackends() throws {
        func build() throws -> NeuronGroup {
            // Two variables, two neurons, far into the native loop.
            let G = try NeuronGroup(600, model: "dv/dt = v/ms : volt\ndw/dt = w/ms : 1", method: .euler, name: "G")
            try G.v.set("(1 + (i == 300) + (i == 500)) * mV")
            try G.w.set("0.002*(i == 300)")
            return G
        }
        let native = try failingRun(.native, 1 * second, variable: "v", build)
        let interpreted = try failingRun(.interpreter, 1 * second, variable: "v", build)
        XCTAssertTrue(native.message.hasPrefix("'v' of 'G' became +inf for neuron 300 at t = 0.744 s "
                                               + "(last finite value: 1.83066e+305 volt)"), native.message)
        XCTAssertTrue(native.message.contains(" volt). The run stopped there, its state kept"), native.message)
        XCTAssertTrue(native.message.contains("checkFinite: false"), native.message)
        XCTAssertEqual(native.message, interpreted.message)
        XCTAssertEqual(native.t, interpreted.t)
        XCTAssertEqual(native.t, 0.744, accuracy: 1e-12)
        XCTAssertEqual(native.values.map(\.bitPattern), interpreted.values.map(\.bitPattern))
        // The failing neurons kept their last finite values; the others took the step.
        XCTAssertEqual(String(format: "%g", native.values[300]), "1.83066e+305")
        XCTAssertEqual(native.values[500], native.values[300])
        XCTAssertEqual(native.values[0], native.values[1])
        XCTAssertGreaterThan(native.values[300], 1.05 * native.values[0])
        XCTAssertLessThan(native.values[300], 2 * native.values[0])
    }

    /// In a state update, an element with a value that is not finite keeps all its values (the
    /// finite ones too); the others are updated; the interpreter and the native backend (on one
    /// thread or three) leave the same state, and every backend names the first failing element
    /// and variable (the CUDA emulation stops at the first failing thread, so only its message and
    /// the failing element are compared).
    func testTheFailingElementKeepsAllItsValues() throws {
        var results: [[UInt64]] = []
        let messages = try failingRuns {
            let G = try NeuronGroup(700, model: "dv/dt = -v/ms : 1\ndw/dt = (1 + v*rate)/ms : 1\nrate : 1",
                                    method: .euler, name: "K")
            try G.v.set("1 + i")
            try G.variable("rate").set("1e308 * (i == 650 or i == 660)")
            return G
        } inspect: { backend, G in
            let v = try G.v.values.values, w = try G.variable("w").values.values
            XCTAssertEqual(v[650], 651, "\(backend): v of the failing neuron is kept")
            XCTAssertEqual(w[650], 0, "\(backend)")
            XCTAssertEqual(v[649], 650 * 0.9, accuracy: 1e-9, "\(backend): the others took the step")
            XCTAssertEqual(w[649], 0.1, accuracy: 1e-12, "\(backend)")
            if backend != .cudaEmulated { results.append((v + w).map(\.bitPattern)) }
        }
        XCTAssertTrue(messages[0].hasPrefix("'w' of 'K' became +inf for neuron 650 at t = 0 s (last finite value: 0)"),
                      messages[0])
        XCTAssertEqual(Set(messages).count, 1, "\(messages)")
        XCTAssertEqual(results.count, 3)
        XCTAssertEqual(Set(results).count, 1)
    }

    func testALogarithmOfANegativeNumberInAResetStopsTheRun() throws {
        func build() throws -> NeuronGroup {
            try NeuronGroup(3, model: "dv/dt = (1 + i)/ms : 1", threshold: "v > 1", reset: "v = log(v - 2)",
                            method: .euler, name: "H")
        }
        let native = try failingRun(.native, 10 * ms, variable: "v", build)
        let interpreted = try failingRun(.interpreter, 10 * ms, variable: "v", build)
        XCTAssertTrue(native.message.hasPrefix("'v' of 'H' became NaN for neuron 2 at t = 0.0003 s "
                                               + "(last finite value: 1.2)"), native.message)
        XCTAssertEqual(native.message, interpreted.message)
        XCTAssertEqual(native.values.map(\.bitPattern), interpreted.values.map(\.bitPattern))
    }

    /// A noisy update draws its normal numbers for a block of elements beforehand (two at a time)
    /// and stores only finite elements; the failing element, computed again with the checks, draws
    /// the same numbers: the message and the state are the same on every backend and thread count.
    func testANoisyFailingElementIsReportedAsWithoutBlocks() throws {
        var results: [[UInt64]] = []
        let messages = try failingRuns {
            seed(11)
            let G = try NeuronGroup(700, model: "dv/dt = rate*v/ms + xi/sqrt(ms) : 1\nrate : 1", method: .euler, name: "noisy")
            try G.v.set("1")
            try G.variable("rate").set("1e307 * (i == 601)")
            return G
        } inspect: { backend, G in
            let v = try G.v.values.values
            XCTAssertEqual(v[601], 1, "\(backend): the failing neuron keeps its value")
            if backend != .cudaEmulated { results.append(v.map(\.bitPattern)) }
        }
        XCTAssertTrue(messages[0].hasPrefix("'v' of 'noisy' became "), messages[0])
        XCTAssertTrue(messages[0].contains("for neuron 601 at t = 0 s (last finite value: 1)"), messages[0])
        XCTAssertEqual(Set(messages).count, 1, "\(messages)")
        XCTAssertTrue(results.allSatisfy { $0 == results[0] })
    }

    /// A short update runs a vector of elements at a time first (see `CEmitter.checkedVectors`):
    /// a failing element in a vector (inside a thread's part, or the first of one) or after the
    /// last whole vector is found, and every other element stored, as without vectors, on every
    /// backend and thread count (the CUDA emulation stops at the first failing thread: only its
    /// message and the failing elements are compared).
    func testFailingElementsOfCheckedVectorsAreReportedAsWithoutVectors() throws {
        for (failing, first) in [([300, 1000, 2900], 300), ([2900], 2900), ([1000, 1001], 1000), ([3002], 3002)] {
            var results: [[UInt64]] = []
            let messages = try failingRuns {
                let G = try NeuronGroup(3003, model: "dv/dt = v/ms : 1", method: .exact, name: "B")
                try G.v.set("1 + i")
                for element in failing { try G.v.set(1.7e308, where: "i == \(element)") }
                return G
            } inspect: { backend, G in
                let v = try G.v.values.values
                for element in failing { XCTAssertEqual(v[element], 1.7e308, "\(backend): neuron \(element) is kept") }
                XCTAssertEqual(v[0], exp(0.1), accuracy: 1e-12, "\(backend): the others took the step")
                if backend != .cudaEmulated { results.append(v.map(\.bitPattern)) }
            }
            XCTAssertTrue(messages[0].hasPrefix("'v' of 'B' became +inf for neuron \(first) at t = 0 s "
                                                + "(last finite value: 1.7e+308)"), messages[0])
            XCTAssertEqual(Set(messages).count, 1, "\(messages)")
            XCTAssertEqual(results.count, 3)
            XCTAssertEqual(Set(results).count, 1)
        }
    }

    /// Checked vectors find a failing element with fast math (where `sb_nonfinite_bits` reads the
    /// exponent's bits) and in single precision too.
    func testCheckedVectorsFindAFailingElementWithFastMathAndInSinglePrecision() throws {
        for (fastMath, precision) in [(true, Precision.double), (false, .single)] {
            let G = try NeuronGroup(3000, model: "dv/dt = v/ms : 1", method: .exact, name: "F")
            try G.v.set("1 + i")
            try G.v.set(1.7e308, where: "i == 700")
            let net = try Network(G, fastMath: fastMath, precision: precision)
            XCTAssertThrowsError(try net.run(1 * ms)) { error in
                let message = (error as? ModelError)?.message ?? "\(error)"
                XCTAssertTrue(message.hasPrefix("'v' of 'F' became +inf for neuron 700 at t = 0 s"), message)
            }
            XCTAssertEqual(try G.v.values.values[700], 1.7e308, "fast math \(fastMath), \(precision)")
        }
    }

    /// Runs the group `make` builds for 1 ms on the interpreter, the native backend on one thread
    /// and on three (in parts of any size) and the CUDA emulation, expecting each run to fail;
    /// `inspect` reads the group after each failure. Returns the error messages, in that order.
    private func failingRuns(_ make: () throws -> NeuronGroup,
                             inspect: (BackendKind, NeuronGroup) throws -> Void) throws -> [String] {
        var messages: [String] = []
        for (backend, threads) in [(BackendKind.interpreter, 1), (.native, 1), (.native, 3), (.cudaEmulated, 1)] {
            let G = try make()
            let net = try Network(G, backend: backend, threads: threads)
            (net.backend as? NativeBackend)?.minimumParallelElements = 1
            XCTAssertThrowsError(try net.run(1 * ms)) { error in
                messages.append((error as? ModelError)?.message ?? "\(error)")
            }
            try inspect(backend, G)
        }
        return messages
    }

    func testTheCheckCanBeTurnedOff() throws {
        let G = try NeuronGroup(1, model: "dv/dt = v/ms : 1", method: .euler)
        try G.v.set(1)
        try Network(G, checkFinite: false).run(1 * second)
        XCTAssertEqual(try G.v.values.values, [.infinity])
    }

    func testTheCheckDoesNotChangeResults() throws {
        func spikes(_ backend: BackendKind, checkFinite: Bool) throws -> [Double] {
            seed(4)
            let G = try NeuronGroup(50, model: "dv/dt = (1.2 - v)/(10*ms) + 0.3*xi/sqrt(ms) : 1 (unless refractory)",
                                    threshold: "v > 1", reset: "v = 0", refractory: 2 * ms, method: .euler,
                                    name: "G")
            let monitor = try SpikeMonitor(G)
            try Network(G, monitor, backend: backend, checkFinite: checkFinite).run(50 * ms)
            return monitor.t.values + monitor.i.map(Double.init) + (try G.v.values.values)
        }
        let reference = try spikes(.native, checkFinite: false)
        XCTAssertGreaterThan(reference.count, 100)
        for backend in [BackendKind.native, .interpreter] {
            XCTAssertTrue(try spikes(backend, checkFinite: true).map(\.bitPattern) == reference.map(\.bitPattern),
                          "\(backend)")
        }
    }

    /// Groups with the same model share one compiled function (their kernels differ only in their
    /// buffers and constants); a failed check still names the group whose value failed.
    func testGroupsSharingCodeAreNamedApart() throws {
        for backend in [BackendKind.interpreter, .native] {
            let groups = try (0..<3).map { k in
                try NeuronGroup(4, model: "dv/dt = rate*v : 1\nrate : Hz (constant)", method: .euler, name: "same_\(k)")
            }
            for (k, group) in groups.enumerated() {
                try group.v.set(1.0)
                try group.rate.set(k == 1 ? 1e300 * Hz : 1 * Hz, where: "i == 2")
            }
            let net = try Network(groups, backend: backend)
            assertModelError(try net.run(1 * ms), "'v' of 'same_1' became +inf for neuron 2 at t = 0.0001 s "
                             + "(last finite value: 1e+296)")
        }
    }
}
