import Foundation
import SwiftBrian
import XCTest

/// Single precision (`Network(..., precision: .single)`) on Brian's reference cases: how far its
/// results are from Brian's double-precision ones. The measured errors are printed; the bounds
/// asserted are what float arithmetic (relative precision 6e-8) allows over these runs. README's
/// "Single precision" section records the numbers.
final class SinglePrecisionTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private func maxRelativeError(_ actual: [Double], _ expected: [Double], floor: Double) -> Double {
        zip(actual, expected).map { abs($0 - $1) / max(abs($1), floor) }.max() ?? 0
    }

    /// Spike steps per neuron, for comparing spike trains.
    private func trains(_ i: [Int], _ t: [Double], dt: Double) -> [Int: [Int]] {
        var trains: [Int: [Int]] = [:]
        for (index, time) in zip(i, t) { trains[index, default: []].append(Int((time / dt).rounded())) }
        return trains
    }

    func testLinearAndLIFCases() throws {
        let linear = try ReferenceCase("coupled_linear_exact")
        let A = try NeuronGroup(5, model: "dv/dt = (ge - v)/taum : 1\ndge/dt = -ge/taue : 1", method: .exact,
                                namespace: ["taum": 20 * ms, "taue": 5 * ms], name: "A")
        try A.v.set("0.1*i")
        try A.ge.set("1 - 0.2*i")
        try Network(A, precision: .single).run(linear.duration)
        let expected = try XCTUnwrap((linear.json["final_state"] as? [String: Any])?["A.v"] as? [Double])
        let linearError = maxRelativeError(try A.v.values.values, expected, floor: 1e-3)
        print("single precision: coupled_linear_exact A.v max relative error \(linearError)")
        XCTAssertLessThan(linearError, 1e-4)

        let lif = try ReferenceCase("lif_threshold_reset")
        let G = try NeuronGroup(20, model: "dv/dt = (I - v)/tau : 1\nI : 1 (constant)", threshold: "v > 1",
                                reset: "v = 0", method: .exact, namespace: ["tau": 10 * ms], name: "G")
        try G.I.set(linspace(0.9, 2.0, 20))
        let S = try SpikeMonitor(G)
        try Network(G, S, precision: .single).run(lif.duration)
        let spikes = try XCTUnwrap((lif.json["spikes"] as? [String: Any])?["G"] as? [String: Any])
        let reference = trains(try XCTUnwrap(spikes["i"] as? [Int]), try XCTUnwrap(spikes["t"] as? [Double]), dt: 1e-4)
        let ours = trains(S.i, S.t.values, dt: 1e-4)
        var worst = 0
        for (neuron, steps) in reference {
            XCTAssertEqual(ours[neuron]?.count, steps.count, "spike count of neuron \(neuron)")
            for (a, b) in zip(ours[neuron] ?? [], steps) { worst = max(worst, abs(a - b)) }
        }
        print("single precision: lif_threshold_reset largest spike shift \(worst) steps")
        XCTAssertLessThanOrEqual(worst, 1)
    }

    func testHodgkinHuxley() throws {
        let reference = try ReferenceCase("hh_exponential_euler")
        let area = 20000 * umetre.raised(to: 2)
        let namespace: Namespace = [
            "Cm": 1 * ufarad * cm.raised(to: -2) * area, "gl": 5e-5 * siemens * cm.raised(to: -2) * area,
            "El": -65 * mV, "EK": -90 * mV, "ENa": 50 * mV, "g_na": 100 * msiemens * cm.raised(to: -2) * area,
            "g_kd": 30 * msiemens * cm.raised(to: -2) * area, "VT": -63 * mV,
        ]
        let G = try NeuronGroup(10, model: """
            dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
            dm/dt = 0.32*(mV**-1)*(13.*mV-v+VT)/(exp((13.*mV-v+VT)/(4.*mV))-1.)/ms*(1-m)-0.28*(mV**-1)*(v-VT-40.*mV)/(exp((v-VT-40.*mV)/(5.*mV))-1.)/ms*m : 1
            dn/dt = 0.032*(mV**-1)*(15.*mV-v+VT)/(exp((15.*mV-v+VT)/(5.*mV))-1.)/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
            dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
            I : amp
            """, threshold: "v > -40*mV", refractory: "v > -40*mV", method: .exponentialEuler,
            namespace: namespace, name: "G")
        try G.v.set(-65 * mV)
        try G.I.set("0.7*nA*i/N")
        let S = try SpikeMonitor(G)
        try Network(G, S, precision: .single).run(reference.duration)
        let spikes = try XCTUnwrap((reference.json["spikes"] as? [String: Any])?["G"] as? [String: Any])
        let expected = try XCTUnwrap(spikes["i"] as? [Int])
        let referenceCounts = (0..<10).map { n in expected.filter { $0 == n }.count }
        print("single precision: hh_exponential_euler spike counts \(S.count) (Brian: \(referenceCounts))")
        XCTAssertEqual(S.count, referenceCounts)
        let v = try XCTUnwrap((reference.json["final_state"] as? [String: Any])?["G.v"] as? [Double])
        let error = zip(try G.v.values.values, v).map { abs($0 - $1) }.max() ?? 0
        print("single precision: hh_exponential_euler final v largest difference \(error * 1e3) mV")
        XCTAssertLessThan(error, 5e-3)
    }

    func testInterpreterRefusesSinglePrecision() throws {
        let G = try NeuronGroup(1, model: "v : 1", name: "G")
        XCTAssertThrowsError(try Network(G, backend: .interpreter, precision: .single)) { error in
            XCTAssertTrue("\(error)".contains("Single precision needs the native backend"), "\(error)")
        }
    }
}
