@testable import SwiftBrian
import XCTest

/// Stopping a run from outside it (Ctrl-C), the report's own period, and the chunks the native
/// loop runs between returns to Swift.
final class RunInterruptionTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
        RunInterruption.reset()
    }

    override func tearDown() {
        RunInterruption.reset()
    }

    private func ramp() throws -> (Network, NeuronGroup) {
        let G = try NeuronGroup(3, model: "dv/dt = (1 + i)/second : 1", name: "ramp")
        return (try Network(G), G)
    }

    func testAnInterruptionStopsTheRunAtTheEndOfAStepAndLaterRunsUntilReset() throws {
        let (net, G) = try ramp()
        // The first report after the start comes after the first chunk of native steps.
        try net.run(10 * second, report: .custom(every: 0 * second) { fraction, _ in
            if fraction > 0 { RunInterruption.request() }
        })
        let stoppedAt = net.t.value
        XCTAssertGreaterThan(stoppedAt, 0)
        XCTAssertLessThan(stoppedAt, 10, "the run ended early")
        let steps = (stoppedAt / 1e-4).rounded()
        XCTAssertEqual(stoppedAt, steps * 1e-4, accuracy: 1e-12, "at the end of a time step")
        XCTAssertEqual(try G.v[2].value, 3 * steps * 1e-4, accuracy: 1e-9, "the state of that step")

        try net.run(1 * second)
        XCTAssertEqual(net.t.value, stoppedAt, "a run started while the request stands stops at once")
        RunInterruption.reset()
        try net.run(1 * ms)
        XCTAssertEqual(net.t.value, stoppedAt + 1e-3, accuracy: 1e-12)
    }

    func testAnInterruptionFromANetworkOperationStopsAfterItsStep() throws {
        let (_, G) = try ramp()
        let watch = try NetworkOperation(dt: 1 * ms) { _ in
            if try G.v[0].value >= 0.0029 { RunInterruption.request() }
        }
        let net = try Network(G, watch)
        try net.run(100 * ms)
        XCTAssertEqual(net.t.value, 0.0031, accuracy: 1e-12)
    }

    func testChunksAndReportsDoNotChangeResults() throws {
        func simulate(report: ProgressReport?) throws -> ([Double], [Int]) {
            seed(11)
            let G = try NeuronGroup(40, model: "dv/dt = (1.2 - v)/(10*ms) + 0.5*sqrt(2/(10*ms))*xi : 1",
                                    threshold: "v > 1", reset: "v = rand()*0.1", name: "noisy")
            try G.v.set("rand()")
            let spikes = try SpikeMonitor(G)
            try Network(G, spikes).run(300 * ms, report: report)
            return (try G.v.values.values, spikes.i)
        }
        let plain = try simulate(report: nil)
        var reports = 0
        let reported = try simulate(report: .custom(every: 0 * second) { _, _ in reports += 1 })
        XCTAssertEqual(plain.0, reported.0)
        XCTAssertEqual(plain.1, reported.1)
        XCTAssertFalse(plain.1.isEmpty)
        XCTAssertGreaterThan(reports, 2)
    }

    func testAReportSetsItsOwnPeriodUnlessTheRunGivesOne() throws {
        var calls = 0
        let (net, _) = try ramp()
        try net.run(50 * ms, report: .custom { _, _ in calls += 1 })
        XCTAssertEqual(calls, 2, "Brian's 10 s period: only the start and the end of a short run")
        calls = 0
        try net.run(50 * ms, report: .custom(every: 0 * second) { _, _ in calls += 1 })
        XCTAssertGreaterThan(calls, 2)
        calls = 0
        try net.run(50 * ms, report: .custom(every: 0 * second) { _, _ in calls += 1 }, reportPeriod: 100 * second)
        XCTAssertEqual(calls, 2, "the run's period wins")
        XCTAssertEqual(ProgressReport.custom(every: 0.25 * second) { _, _ in }.period, 0.25 * second)
        XCTAssertThrowsError(try net.run(1 * ms, report: .custom(every: 1 * mV) { _, _ in })) { error in
            XCTAssertTrue("\(error)".contains("The report period must be a time"), "\(error)")
        }
    }

    func testLoopChunksGrowAndShrinkToTheTargetTime() {
        var chunking = LoopChunking()
        XCTAssertEqual(chunking.steps, 1)
        chunking.adapt(toSeconds: LoopChunking.target / 4)
        XCTAssertEqual(chunking.steps, 4)
        chunking.adapt(toSeconds: LoopChunking.target / 100)
        XCTAssertEqual(chunking.steps, 32, "at most 8 times more at once")
        chunking.adapt(toSeconds: LoopChunking.target)
        XCTAssertEqual(chunking.steps, 32, "on target: unchanged")
        chunking.adapt(toSeconds: LoopChunking.target * 2)
        XCTAssertEqual(chunking.steps, 16)
        for _ in 0..<40 { chunking.adapt(toSeconds: 0) }
        XCTAssertEqual(chunking.steps, LoopChunking.maximumSteps)
        for _ in 0..<40 { chunking.adapt(toSeconds: 1) }
        XCTAssertEqual(chunking.steps, 1)
    }
}
