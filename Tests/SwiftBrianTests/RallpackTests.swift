import Foundation
import SwiftBrian
import SwiftBrianModels
import XCTest

/// Brian 2.9's six cable tests (`brian2/tests/test_spatialneuron.py`: test_infinitecable,
/// test_finitecable, test_rallpack1/2/3, test_rall) with the same setups, error measures and pass
/// criteria, on the native backend; Tests/Fixtures/compartments/rallpack/README.md spells them out.
/// Each test prints the errors SwiftBrian reaches next to Brian's own (brian_test_metrics.json) and
/// requires them to be no larger than Brian's (× 1.05). Short prefixes of the three Rallpacks run on
/// both backends with bit-identical traces.
final class RallpackTests: XCTestCase {
    /// Brian's `assert_allclose` (brian2/tests/utils.py): rtol = 4.5e8 × eps.
    static let rtol = 4.5e8 * Double.ulpOfOne

    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    override func tearDown() {
        defaultClock.dt = 0.1 * ms
    }

    // MARK: The six tests

    /// test_infinitecable (Brian's `long` test): a 3 mm cable of 500 compartments, 1 nA in the middle
    /// for 0.02 ms, v 120 µm away against the Green's function of the infinite cable after 0.5 ms.
    func testInfiniteCable() throws {
        defaultClock.dt = 0.001 * ms
        let diameter = 1 * um, Cm = 1 * uF / cm2, gL = 1e-4 * siemens / cm2, N = 500
        let morpho = try Cylinder(diameter: diameter, length: 3 * mm, n: N)
        let neuron = try SpatialNeuron(morphology: morpho, model: """
            Im = -gL*v : amp/meter**2
            I : amp (point current)
            """, Cm: Cm, Ri: 100 * ohm * cm, namespace: ["gL": gL])
        let M = try StateMonitor(neuron, "v", record: [N / 2 - 20])
        let net = try Network(neuron, M)
        try neuron.I.set(1 * nA, where: "i == \(N / 2)")
        try net.run(0.02 * ms)
        try neuron.I.set(0 * amp)
        try net.run(3 * ms)
        let t = M.t.values, v = try M.values("v", index: N / 2 - 20).values
        XCTAssertEqual(t.count, 3020)
        let x = 20 * morpho.length.values[0], lambda = try neuron.space_constant[0].value
        let tau = (Cm / gL).value, dt = defaultClock.dt.value, charge = 1e-9 * 0.02e-3
        let theory = t.map { t in
            1 / (lambda * Cm.value * Double.pi * diameter.value) * (tau / (4 * Double.pi * (t + dt))).squareRoot()
                * exp(-(t + dt) / tau - tau / (4 * (t + dt)) * (x / lambda) * (x / lambda)) * charge
        }
        let late = t.indices.filter { t[$0] > 0.5e-3 }
        let ours = Closeness(late.map { v[$0] }, late.map { theory[$0] }, atol: 6.32e-6)
        try report("test_infinitecable", [("max_abs_error_V", ours.maxError), ("criterion_ratio", ours.ratio)])
        XCTAssertLessThanOrEqual(ours.ratio, 1, "assert_allclose(v, theory, atol=6.32 uV) for t > 0.5 ms")
    }

    /// test_finitecable: a sealed 300 µm cable of 200 compartments with 0.02 nA at its left end;
    /// the steady state after 100 ms against the finite cable's cosh profile.
    func testFiniteCable() throws {
        let diameter = 1 * um, length = 300 * um
        let (EL, Ri, current) = (Passive.EL, Passive.Ri, Passive.current)
        let neuron = try Passive.steadyState(try Cylinder(diameter: diameter, length: length, n: 200))
        let lambda = try neuron.space_constant[0].value
        let ra = lambda * 4 * Ri.value / (Double.pi * diameter.value * diameter.value)
        let theory = try neuron.distance.plainValues.map { x in
            ra * current.value * cosh((length.value - x) / lambda) / sinh(length.value / lambda)
        }
        let ours = Closeness(try neuron.v.plainValues.map { $0 - EL.value }, theory, atol: 1e-6)
        try report("test_finitecable", [("max_abs_error_V", ours.maxError), ("criterion_ratio", ours.ratio)])
        XCTAssertLessThanOrEqual(ours.ratio, 1, "assert_allclose(v - EL, theory - EL, atol=1 uV)")
    }

    /// test_rallpack1: a passive 1 mm cable of 1000 compartments, 0.1 nA at one end, 250 ms at
    /// dt = 0.05 ms against the analytical solution at both ends.
    func testRallpack1() throws {
        defaultClock.dt = 0.05 * ms
        let (net, M) = try rallpack1(.native)
        try net.run(250 * ms + defaultClock.dt)
        try checkRallpack("test_rallpack1", M, files: ("ref_cable.0", "ref_cable.x"), ends: (0, 999), bound: 0.1)
    }

    /// test_rallpack2: a binary tree of 10 levels (1023 one-compartment sections), 0.1 nA at the
    /// root, 250 ms at dt = 0.1 ms against the analytical solution at the root and at a tip; all
    /// 512 tips equal.
    func testRallpack2() throws {
        defaultClock.dt = 0.1 * ms
        let (net, M, tips) = try rallpack2(.native)
        XCTAssertEqual(tips.count, 512)
        try net.run(250 * ms + defaultClock.dt)
        let first = try M.values("v", index: tips[0]).values
        var spread = 0.0
        for tip in tips {
            let v = try M.values("v", index: tip).values
            spread = max(spread, zip(v, first).map { abs($0 - $1) }.max() ?? 0)
            XCTAssertLessThanOrEqual(Closeness(v, first, atol: 1e-9).ratio, 1, "tip \(tip) differs from tip \(tips[0])")
        }
        print("test_rallpack2: max difference between the 512 tips \(spread) V (Brian "
              + "\(try brian("test_rallpack2", "max_difference_between_endpoints_V")) V)")
        try checkRallpack("test_rallpack2", M, files: ("ref_branch.0", "ref_branch.x"), ends: (0, tips[0]),
                          bound: 0.25, every: 2)
    }

    /// test_rallpack3 (Brian's `long` test): a Hodgkin–Huxley axon of 1 mm and 1000 compartments,
    /// 0.1 nA at one end (a spike train), 250 ms at dt = 1 µs (250,000 steps) against NEURON's
    /// solution at both ends. The longest test of the suite: about 40 s of CPU time natively (the
    /// whole run is generated C; the Swift build configuration hardly matters).
    func testRallpack3() throws {
        defaultClock.dt = 1 * us
        let (net, M) = try rallpack3(.native)
        let start = Date()
        try net.run(250 * ms + defaultClock.dt)
        print("test_rallpack3: 250 ms at dt = 1 µs on 1000 compartments took "
              + String(format: "%.1f s (%.1f s of it preparing the code)", Date().timeIntervalSince(start), net.prepareSeconds))
        try checkRallpack("test_rallpack3", M, files: ("ref_axon.0.neuron", "ref_axon.x.neuron"), ends: (0, 999),
                          bound: 0.1)
    }

    /// test_rall: a cable with two branches obeying Rall's 3/2 rule, 0.02 nA at the left end; the
    /// space constants against the cable formula and the steady state after 100 ms against the
    /// equivalent cylinder's cosh profile on the trunk and both branches.
    func testRall() throws {
        let (gL, EL, Ri, current) = (Passive.gL, Passive.EL, Passive.Ri, Passive.current)
        func spaceConstant(_ d: Double) -> Double {
            let rm = 1 / (gL.value * Double.pi * d), ra = 4 * Ri.value / (Double.pi * d * d)
            return (rm / ra).squareRoot()
        }
        let diameter = 1e-6, length = 300e-6, d1 = 0.5e-6, L1 = 200e-6
        let d2 = pow(pow(diameter, 1.5) - pow(d1, 1.5), 1 / 1.5)
        let la = spaceConstant(diameter), l1 = spaceConstant(d1), l2 = spaceConstant(d2), L2 = L1 / l1 * l2
        let morpho = try Cylinder(diameter: diameter * meter, length: length * meter, n: 500)
        morpho.L = try Cylinder(diameter: d1 * meter, length: L1 * meter, n: 500)
        morpho.R = try Cylinder(diameter: d2 * meter, length: L2 * meter, n: 500)
        let neuron = try Passive.steadyState(morpho)

        let lambdas = try neuron.space_constant.plainValues, distance = try neuron.distance.plainValues
        let v = try neuron.v.plainValues.map { $0 - EL.value }
        let main = morpho.indices, left = try XCTUnwrap(morpho.L).indices, right = try XCTUnwrap(morpho.R).indices
        var lambdaError = 0.0
        for (expected, index) in [(la, main.lowerBound), (l1, left.lowerBound), (l2, right.lowerBound)] {
            XCTAssertLessThanOrEqual(Closeness([lambdas[index]], [expected], atol: 1e-9).ratio, 1, "space constant")
            lambdaError = max(lambdaError, abs(expected / lambdas[index] - 1))
        }
        let ra = la * 4 * Ri.value / (Double.pi * diameter * diameter)
        let l = length / la + L1 / l1, xm = distance[main.upperBound - 1]
        let trunk = Closeness(main.map { v[$0] }, main.map { ra * current.value * cosh(l - distance[$0] / la) / sinh(l) },
                              atol: 2e-6)
        func branch(_ range: Range<Int>, _ lambda: Double) -> Closeness {
            Closeness(range.map { v[$0] }, range.map {
                ra * current.value * cosh(l - xm / la - (distance[$0] - xm) / lambda) / sinh(l)
            }, atol: 2e-6)
        }
        let onL = branch(left, l1), onR = branch(right, l2)
        try report("test_rall", [("space_constant_rel_error", lambdaError), ("max_abs_error_main_V", trunk.maxError),
                                 ("max_abs_error_L_V", onL.maxError), ("max_abs_error_R_V", onR.maxError),
                                 ("criterion_ratio", max(trunk.ratio, onL.ratio, onR.ratio))])
        for (closeness, part) in [(trunk, "main"), (onL, "L"), (onR, "R")] {
            XCTAssertLessThanOrEqual(closeness.ratio, 1, "assert_allclose(v - EL, theory - EL, atol=2 uV) on \(part)")
        }
    }

    // MARK: Both backends

    /// The first 2 ms of each Rallpack (every step sampled) give bit-identical traces on the
    /// interpreter and natively.
    func testRallpackPrefixesIdenticalOnBothBackends() throws {
        let cases: [(String, Quantity, Quantity, (BackendKind) throws -> (Network, StateMonitor))] = [
            ("rallpack1", 0.05 * ms, 2 * ms, { try self.rallpack1($0, sample: nil) }),
            ("rallpack2", 0.1 * ms, 2 * ms, { backend in
                let (net, M, _) = try self.rallpack2(backend, sample: nil)
                return (net, M)
            }),
            ("rallpack3", 1 * us, 2 * ms, { try self.rallpack3($0, sample: nil) }),
        ]
        for (name, dt, duration, build) in cases {
            try onBothBackends(name) { backend in
                defaultClock.dt = dt
                let (net, M) = try build(backend)
                try net.run(duration)
                var result = CaseResult()
                try result.samples("v", M, "v")
                return result
            }
        }
    }

    // MARK: Models

    /// The passive model of test_finitecable and test_rall.
    enum Passive {
        static let gL = 1e-4 * siemens / cm2, EL = -70 * mV, Ri = 150 * ohm * cm, current = 0.02 * nA

        /// The neuron on `morpho` (Cm = 1 µF/cm², v = EL) with `current` into compartment 0, after
        /// 100 ms at dt = 0.01 ms.
        static func steadyState(_ morpho: Morphology) throws -> SpatialNeuron {
            defaultClock.dt = 0.01 * ms
            let neuron = try SpatialNeuron(morphology: morpho, model: """
                Im = gL*(EL - v) : amp/meter**2
                I : amp (point current)
                """, Cm: 1 * uF / cm2, Ri: Ri, namespace: ["gL": gL, "EL": EL])
            try neuron.v.set(EL)
            try neuron.I.set(current, where: "i == 0")
            try Network(neuron).run(100 * ms)
            return neuron
        }
    }

    /// The passive membrane of Rallpacks 1 and 2 on `morpho` (gL = 1/(40000 Ω·cm²), EL = −65 mV,
    /// Cm = 1 µF/cm², Ri = 100 Ω·cm, v = EL) with a constant 0.1 nA into compartment 0.
    private func passiveRallpack(_ morpho: Morphology, method: IntegrationMethod? = nil) throws -> SpatialNeuron {
        let neuron = try SpatialNeuron(morphology: morpho, model: """
            Im = gL*(EL - v) : amp/meter**2
            I : amp (point current, constant)
            """, Cm: 1 * uF / cm2, Ri: 100 * ohm * cm, method: method,
            namespace: ["gL": 1 / (40000 * ohm * cm2), "EL": -65 * mV])
        try neuron.v.set(-65 * mV)
        try neuron.I.set(0.1 * nA, where: "i == 0")
        return neuron
    }

    /// Rallpack 1's model, recorded at both ends in the `start` slot every `sample`.
    private func rallpack1(_ backend: BackendKind, sample: Quantity? = 0.05 * ms) throws -> (Network, StateMonitor) {
        let neuron = try passiveRallpack(try Cylinder(diameter: 1 * um, length: 1 * mm, n: 1000))
        let M = try StateMonitor(neuron, "v", record: [0, 999], dt: sample, when: .start)
        return (try Network(neuron, M, backend: backend), M)
    }

    /// Rallpack 2's model: the binary tree, recorded at the root and at the first compartment of
    /// every tip, in the `start` slot every `sample`; also returns the tips' indices.
    private func rallpack2(_ backend: BackendKind, sample: Quantity? = 0.1 * ms) throws
        -> (Network, StateMonitor, [Int]) {
        var diameter = 32e-6, length = 16e-6
        let morpho = try Cylinder(diameter: diameter * meter, n: 1, y: [0, length] * meter)
        var endpoints: [Morphology] = [morpho]
        for _ in 1..<10 {
            diameter /= pow(2, 1.0 / 3.0)
            length /= pow(2, 2.0 / 3.0)
            var next: [Morphology] = []
            for endpoint in endpoints {
                let left = try Cylinder(diameter: diameter * meter, length: length * meter, n: 1)
                let right = try Cylinder(diameter: diameter * meter, length: length * meter, n: 1)
                endpoint.L = left
                endpoint.R = right
                next += [left, right]
            }
            endpoints = next
        }
        XCTAssertEqual(morpho.totalCompartments, 1023)
        let neuron = try passiveRallpack(morpho, method: .rk4)
        let tips = endpoints.map(\.indices.lowerBound)
        let M = try StateMonitor(neuron, "v", record: [0] + tips, dt: sample, when: .start)
        return (try Network(neuron, M, backend: backend), M, tips)
    }

    /// Rallpack 3's model: the Hodgkin–Huxley axon at its equilibrium, recorded at both ends in
    /// the `start` slot every `sample`.
    private func rallpack3(_ backend: BackendKind, sample: Quantity? = 0.05 * ms) throws -> (Network, StateMonitor) {
        let axon = try BenchmarkModel.rallpack3Axon(compartments: 1000, spikesAtFarEnd: false)
        let M = try StateMonitor(axon, "v", record: [0, 999], dt: sample, when: .start)
        return (try Network(axon, M, backend: backend), M)
    }

    // MARK: Measures

    /// How close `actual` is to `desired` by Brian's `assert_allclose`: the largest difference and
    /// the largest ratio of a difference to its allowance `atol + rtol·|desired|` (at most 1 passes).
    struct Closeness {
        var maxError = 0.0
        var ratio = 0.0

        init(_ actual: [Double], _ desired: [Double], atol: Double) {
            XCTAssertEqual(actual.count, desired.count, "compared arrays")
            for (a, d) in zip(actual, desired) {
                maxError = max(maxError, abs(a - d))
                ratio = max(ratio, abs(a - d) / (atol + RallpackTests.rtol * abs(d)))
            }
        }
    }

    /// Compares the samples of the compartments `ends` in `monitor` with the reference files
    /// (every `every`-th row): times equal, Brian's error measures below `bound` (rel RMS, in %) and
    /// 0.5 % (max rel), and no worse than Brian's.
    private func checkRallpack(_ test: String, _ monitor: StateMonitor, files: (String, String), ends: (Int, Int),
                               bound: Double, every: Int = 1) throws {
        var measures: [(key: String, value: Double)] = []
        for (label, file, index) in [("0", files.0, ends.0), ("x", files.1, ends.1)] {
            let rows = try RallpackTests.reference(file).enumerated().filter { $0.offset % every == 0 }.map(\.element)
            let t = monitor.t.values, v = try monitor.values("v", index: index).values
            XCTAssertEqual(t.count, rows.count, "\(test): samples against the rows of \(file)")
            XCTAssertLessThanOrEqual(Closeness(t, rows.map(\.t), atol: 1e-9).ratio, 1, "\(test): times of \(file)")
            let reference = rows.map(\.v)
            let scale = (reference.max() ?? 0) - (reference.min() ?? 0)
            let squared = zip(reference, v).map { ($0 - $1) * ($0 - $1) }
            let relRMS = 100 * (squared.reduce(0, +) / Double(squared.count)).squareRoot() / scale
            let maxRel = 100 * (squared.max() ?? .nan).squareRoot() / scale
            XCTAssertLessThan(relRMS, bound, "\(test): 100*rel_RMS_\(label)")
            XCTAssertLessThan(maxRel, 0.5, "\(test): 100*max_rel_\(label)")
            measures += [("rel_RMS_\(label)_percent", relRMS), ("max_rel_\(label)_percent", maxRel)]
        }
        try report(test, measures)
    }

    /// Prints one line with each measure (the key of Brian's value in brian_test_metrics.json and
    /// ours; volts, `_V`, are printed in µV, `_percent` in %) next to Brian's, and requires each to
    /// be at most Brian's × 1.05 (+ 1e-9).
    private func report(_ test: String, _ measures: [(key: String, value: Double)]) throws {
        var parts: [String] = []
        for (key, ours) in measures {
            let theirs = try brian(test, key)
            let (name, factor, unit) = key.hasSuffix("_V") ? (String(key.dropLast(2)), 1e6, " µV")
                : key.hasSuffix("_percent") ? (String(key.dropLast(8)), 1, " %") : (key, 1, "")
            parts.append(String(format: "%@ %.8g%@ (Brian %.8g%@)", name, ours * factor, unit, theirs * factor, unit))
            XCTAssertLessThanOrEqual(ours, theirs * 1.05 + 1e-9, "\(test): \(name) is larger than Brian's")
        }
        print("\(test): " + parts.joined(separator: ", "))
    }

    // MARK: Fixtures

    static let folder = CompartmentFixture.folder.appendingPathComponent("rallpack")

    /// The value `key` Brian 2.9 reaches in `test` (brian_test_metrics.json).
    private func brian(_ test: String, _ key: String) throws -> Double {
        let data = try Data(contentsOf: RallpackTests.folder.appendingPathComponent("brian_test_metrics.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = try XCTUnwrap(json["tests"] as? [String: Any])
        let values = try XCTUnwrap(tests[test] as? [String: Any], "no metrics of \(test)")
        return try XCTUnwrap(values[key] as? Double, "no \(key) in the metrics of \(test)")
    }

    /// The rows (time, v) of the reference file `name`: two whitespace-separated columns.
    static func reference(_ name: String) throws -> [(t: Double, v: Double)] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline).map { line in
            let columns = line.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
            guard columns.count == 2 else { throw ModelError(.invalidArgument, "bad row '\(line)' in \(name)") }
            return (columns[0], columns[1])
        }
    }
}
