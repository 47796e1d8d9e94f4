import Foundation
import SwiftBrian
@testable import SwiftBrianModels
import XCTest

/// Each gallery example's statistic that shows it works. Bounds come from Brian 2.9 runs of the
/// same model at the same size and duration (seeds 1–3; the ranges quoted in each test), widened
/// for seed-to-seed variation. Sizes and durations are reduced where the statistic allows, to
/// keep the suite short.
final class GalleryTests: XCTestCase {
    private func assertStatistic(_ result: GalleryResult, _ name: String, in range: ClosedRange<Double>,
                                 brian: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let value = result.statistic(name) else {
            return XCTFail("\(result.example) has no statistic '\(name)'", file: file, line: line)
        }
        XCTAssert(range.contains(value), "\(result.example).\(name) = \(value), expected \(range) (Brian: \(brian))",
                  file: file, line: line)
    }

    func testRegistryNamesAreUniqueAndFindable() {
        let names = Gallery.all.map { $0.name }
        XCTAssertEqual(Set(names).count, names.count)
        for type in Gallery.all {
            XCTAssert(Gallery.example(named: type.name) == type)
            XCTAssertFalse(type.summary.isEmpty)
            XCTAssertFalse(type.reference.isEmpty)
        }
        XCTAssertNil(Gallery.example(named: "no such example"))
    }

    func testCUBA() throws {
        let result = try CUBA().run(seed: 1)
        assertStatistic(result, "mean_rate", in: 4.8...6.4, brian: "5.53–5.62 Hz")
        assertStatistic(result, "cv", in: 0.45...0.6, brian: "0.515–0.528")
        XCTAssertEqual(result.spikes.first?.name, "P")
    }

    func testCOBA() throws {
        let result = try COBA().run(seed: 1)
        assertStatistic(result, "mean_rate", in: 19...25, brian: "21.4–22.1 Hz")
        assertStatistic(result, "cv", in: 1.3...1.8, brian: "1.51–1.59")
    }

    func testCOBAHH() throws {
        var example = COBAHH()
        example.duration = 0.5 * second
        let result = try example.run(seed: 1)
        assertStatistic(result, "mean_rate", in: 28...44, brian: "33.8–37.4 Hz (0.5 s)")
        assertStatistic(result, "cv", in: 1.3...2.2, brian: "1.58–1.66 (0.5 s)")
        XCTAssertEqual(result.states.first?.value.record, [1, 10, 100])
    }

    /// Brunel (2000) at N_E = 2000, epsilon = 0.5 (C_E = 1000 as in the paper), 0.5 s, first
    /// 0.1 s left out; all four regimes, with Brian 2.9's values for the same model and size.
    func testBrunel2000Regimes() throws {
        func run(_ regime: Brunel2000.Regime) throws -> GalleryResult {
            var example = Brunel2000(regime: regime)
            example.N_E = 2000
            example.epsilon = 0.5
            example.transient = 100 * ms
            return try example.run(seed: 1, duration: 0.5 * second)
        }
        let regular = try run(.synchronousRegular)
        assertStatistic(regular, "mean_rate", in: 300...325, brian: "312 Hz")
        assertStatistic(regular, "cv", in: 0...0.05, brian: "regular: CV near 0")
        let ai = try run(.asynchronousIrregular)
        assertStatistic(ai, "mean_rate", in: 28...46, brian: "32.2–41.1 Hz")
        assertStatistic(ai, "cv", in: 0.38...0.5, brian: "0.42–0.46")
        let slow = try run(.synchronousIrregularSlow)
        assertStatistic(slow, "mean_rate", in: 1.5...10, brian: "2.3–7.2 Hz")
        assertStatistic(slow, "synchrony", in: 1.5...6, brian: "2.0–4.2")
        let fast = try run(.synchronousIrregularFast)
        assertStatistic(fast, "mean_rate", in: 45...75, brian: "53–66 Hz")
        assertStatistic(fast, "cv", in: 0.75...1.05, brian: "0.82–0.96")
        XCTAssertGreaterThan(slow.statistic("synchrony") ?? 0, ai.statistic("synchrony") ?? .infinity)
        // One state: a raster of 50 neurons above the rate, over the last 200 ms.
        let figure = try XCTUnwrap(fast.figures.first?.value)
        XCTAssertEqual(figure.panels.map(\.yAxis.title), ["Neuron index", "Rate (Hz)"])
        XCTAssertEqual(figure.panels[0].title, "A  SI-fast: g = 6, \u{3BD}ext/\u{3BD}thr = 4")
        XCTAssertEqual(figure.panels[0].yAxis.range, -0.5...49.5)
        XCTAssertEqual(figure.panels[1].xAxis.range, 300...500)
    }

    /// By default the four states of Fig. 8 side by side, statistics named by state.
    func testBrunel2000FigureShowsTheStatesSideBySide() throws {
        var example = Brunel2000()
        example.N_E = 200
        XCTAssertEqual(example.regimes, "SR, SI-fast, AI, SI-slow")
        example.regimes = "SR, AI"
        let result = try example.run(seed: 1, duration: 50 * ms)
        XCTAssertEqual(result.spikes.map(\.name), ["SR", "AI"])
        XCTAssertNotNil(result.statistic("SR_mean_rate"))
        XCTAssertNotNil(result.statistic("AI_cv"))
        XCTAssertNil(result.statistic("mean_rate"))
        let figure = try XCTUnwrap(result.figures.first?.value)
        XCTAssertEqual(figure.columns, 2)
        XCTAssertEqual(figure.panels.map(\.title).filter { !$0.isEmpty }.map { String($0.prefix(5)) }, ["A  SR", "B  AI"])
        example.regimes = "SR, fast"
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) {
            XCTAssertTrue("\($0)".contains("'fast' is not a state"), "\($0)")
        }
    }

    /// After 30 s (the example runs 100 s: 0.274 near 0 and 0.174 near gmax, Brian 0.280 and 0.176
    /// with the same seed number).
    func testSTDPWeightsBecomeBimodal() throws {
        let result = try STDP().run(seed: 1, duration: 30 * second)
        assertStatistic(result, "fraction_near_zero", in: 0.17...0.27, brian: "0.208–0.225 after 30 s")
        assertStatistic(result, "fraction_near_gmax", in: 0.08...0.16, brian: "0.113–0.126 after 30 s")
        let weights = try XCTUnwrap(result.synapses.first?.value).w.values.values.map { $0 / 0.01 }
        let middle = SpikeStatistics.fraction(of: weights, near: 0.5, tolerance: 0.1)
        // A uniform distribution (the start) has 0.2 of its weights within 0.1 gmax of a bound.
        XCTAssertGreaterThan(result.statistic("fraction_near_zero") ?? 0, middle)
        XCTAssertGreaterThan((result.statistic("fraction_near_zero") ?? 0) + (result.statistic("fraction_near_gmax") ?? 0),
                             0.27)
        // Song et al.'s figure: weights against the input index, their histogram, two over time.
        let figure = try XCTUnwrap(result.figures.first?.value)
        XCTAssertEqual(figure.panels.map(\.xAxis.title), ["Input neuron index i", "w / gmax", "Time (s)"])
        XCTAssertEqual(figure.panels[0].series[0].y.count, 1000)
        XCTAssertEqual(figure.panels[1].series[0].y.reduce(0, +), 1000)
        XCTAssertEqual(figure.panels[2].series.compactMap(\.label), ["synapse 0", "synapse 1"])
    }

    func testHodgkinHuxleyFICurve() throws {
        let result = try HodgkinHuxleyFICurve().run(seed: 1)
        assertStatistic(result, "rheobase", in: 0.0205...0.0215, brian: "0.021 nA")
        assertStatistic(result, "max_rate", in: 89...90, brian: "89.5 Hz")
        assertStatistic(result, "monotone", in: 1...1, brian: "monotone")
        XCTAssertEqual(result.curves.first?.value.x.count, 100)
    }

    func testLIFFICurve() throws {
        let result = try LIFFICurve().run(seed: 1)
        assertStatistic(result, "rheobase", in: 10.005...10.015, brian: "10.01 mV")
        assertStatistic(result, "max_rate", in: 84...84, brian: "84 Hz")
        assertStatistic(result, "monotone", in: 1...1, brian: "monotone")
    }

    /// The trajectories themselves are compared with Brian in the `adex_patterns` reference case;
    /// here the patterns' signatures.
    func testAdExFiringPatterns() throws {
        let result = try AdExFiringPatterns().run(seed: 1)
        assertStatistic(result, "tonic_adaptation_ratio", in: 0.9...1.2, brian: "regular")
        assertStatistic(result, "adaptation_adaptation_ratio", in: 3...20, brian: "adapting")
        assertStatistic(result, "initial_burst_adaptation_ratio", in: 5...100, brian: "burst then regular")
        assertStatistic(result, "regular_bursting_isi_cv", in: 0.8...5, brian: "bursts")
        assertStatistic(result, "delayed_accelerating_adaptation_ratio", in: 0...0.9, brian: "accelerating")
        assertStatistic(result, "transient_spiking_spikes", in: 1...3, brian: "transient")
        // The paper's figure: the membrane potential of each pattern, titled with its name.
        let figure = try XCTUnwrap(result.figures.first?.value)
        XCTAssertEqual(figure.panels.map(\.title), AdExFiringPatterns.patterns.map(\.title))
        XCTAssertEqual(figure.panels[5].title, "Delayed regular bursting")
        XCTAssertEqual(Set(figure.panels.map(\.yAxis.title)), ["vm (mV)"])
        XCTAssertEqual(result.stateLabels["vm, w"]?.first, "Tonic")
    }

    func testIzhikevich2003Rhythm() throws {
        let result = try Izhikevich2003().run(seed: 1)
        assertStatistic(result, "mean_rate", in: 7.5...10.5, brian: "8.85–9.16 Hz")
        assertStatistic(result, "cv", in: 0.33...0.47, brian: "0.39–0.40")
        assertStatistic(result, "synchrony", in: 0.5...1.0, brian: "0.75–0.83")
        assertStatistic(result, "rhythm_frequency", in: 5...45, brian: "7.8–32 Hz (alpha and gamma peaks)")
    }

    func testSynfireChainPropagates() throws {
        let result = try Diesmann1999().run(seed: 1)
        assertStatistic(result, "groups_reached", in: 10...10, brian: "10")
        assertStatistic(result, "last_group_spikes", in: 90...130, brian: "110–111")
        assertStatistic(result, "last_group_width", in: 0...3, brian: "1.9–2.1 ms")
        // The volley above the chain's spikes, each neuron at its group.
        let figure = try XCTUnwrap(result.figures.first?.value)
        XCTAssertEqual(figure.panels.map(\.yAxis.title), ["Input neuron", "Group (neuron index / 100)"])
        XCTAssertTrue(figure.sharesXAxis)
        XCTAssertEqual(figure.panels[1].yAxis.range, 0...10)
        XCTAssertTrue(figure.panels[1].series[0].y.allSatisfy { (0..<10).contains($0) })
    }

    func testBrunelHakimFastOscillation() throws {
        var example = BrunelHakim1999()
        example.transient = 50 * ms
        let result = try example.run(seed: 1, duration: 0.3 * second)
        assertStatistic(result, "oscillation_frequency", in: 120...155, brian: "136 Hz")
        assertStatistic(result, "mean_rate", in: 3.2...4.0, brian: "3.56–3.60 Hz")
        assertStatistic(result, "synchrony", in: 0.9...1.5, brian: "1.20–1.22")
        assertStatistic(result, "cv", in: 0.1...0.35, brian: "0.18–0.21")
    }

    /// Deterministic: the spike counts and last spike times equal Brian's.
    func testGapJunctions() throws {
        let result = try GapJunctions().run(seed: 1)
        let spikes = try XCTUnwrap(result.spikes.first?.value)
        XCTAssertEqual(spikes.count, [12, 12, 12, 12, 12, 12, 12, 13, 13, 13])
        let brianLast = [485.7, 481.7, 477.7, 473.8, 469.8, 465.8, 461.9, 497.7, 493.5, 489.8]
        let trains = spikes.spikeTrains()
        for (k, expected) in brianLast.enumerated() {
            XCTAssertEqual((trains[k].values.last ?? 0) * 1000, expected, accuracy: 0.15)
        }
        assertStatistic(result, "final_spread", in: 35.7...35.9, brian: "35.8 ms")
    }

    /// Deterministic: the ratios of the fifth to the first postsynaptic current equal Brian's.
    func testTsodyksMarkramRatios() throws {
        let result = try TsodyksMarkram().run(seed: 1)
        assertStatistic(result, "psc_ratio_depressing", in: 0.4036...0.4046, brian: "0.4041")
        assertStatistic(result, "psc_ratio_facilitating", in: 2.497...2.503, brian: "2.4999")
        assertStatistic(result, "first_psc_depressing", in: 149.9...150.1, brian: "150 pA")
        assertStatistic(result, "first_psc_facilitating", in: 24.99...25.01, brian: "25 pA")
    }

    /// Deterministic: the same model, inputs and sampling as Tests/Fixtures/gallery/dendritic_cell.py,
    /// whose Brian 2.9 run prints 2 somatic spikes at 43.3 and 62.05 ms, a dendritic EPSP of
    /// 53.439955372887965 mV, 0.5803346170766416 mV at the soma, an attenuation of 92.08472801792288.
    /// The cable step performs Brian's operations in Brian's order, so SwiftBrian agrees to 1e-12
    /// relative although the soma makes the linear system ill-conditioned (a formulation that
    /// skips the sealed ends' nodes differed by up to 4e-7 relative).
    func testDendriticCellAttenuatesEPSPsAndFires() throws {
        let result = try DendriticCell().run(seed: 1)
        assertStatistic(result, "soma_spikes", in: 2...2, brian: "2")
        assertStatistic(result, "epsp_dendrite", in: 53.439955372887965.relative(1e-12), brian: "53.439955372887965 mV")
        assertStatistic(result, "epsp_soma", in: 0.5803346170766416.relative(1e-12), brian: "0.5803346170766416 mV")
        assertStatistic(result, "attenuation", in: 92.08472801792288.relative(1e-12), brian: "92.08472801792288")
        assertStatistic(result, "first_soma_spike", in: 43.2999999...43.3000001, brian: "43.3 ms")
        XCTAssertEqual(result.spikes.first?.value.numEvents, 1 + 13 * 20)
        XCTAssertEqual(result.states.first?.value.record, [0, 87, 262])
        XCTAssertEqual(result.stateLabels["v"], ["the soma", "the first tip (87)", "the farthest tip (262)"])
        XCTAssertEqual(result.figures.map(\.name), ["morphology_v", "morphology_v_spike"])
    }

    /// The embedded SWC text is Brian's file, unchanged.
    func testDendriticCellMorphologyIsBriansSWCFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/compartments/mp_ma_40984_gc2.CNG.swc")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(BrianSWCMorphology.text + "\n", text)
        XCTAssertEqual(try BrianSWCMorphology.morphology().totalCompartments, 353)
    }

    /// The same axon, stimulus and fit as Tests/Fixtures/compartments/spatial_hh_axon.py, whose
    /// Brian 2.9 run gives the conduction velocity 12.249055879710717 m/s.
    func testAxonPropagationVelocity() throws {
        let result = try AxonPropagation().run(seed: 1)
        assertStatistic(result, "conduction_velocity", in: 12.249055879...12.249055881, brian: "12.249055879710717 m/s")
        assertStatistic(result, "compartments_fired", in: 300...300, brian: "every compartment")
        XCTAssertEqual(result.states.first?.value.record, [50, 150, 250])
        XCTAssertEqual(result.figures.map(\.name), ["space_time_v"])
    }

    /// Both backends give the same numbers (here for shortened runs).
    func testSpatialExamplesAgreeOnBothBackends() throws {
        for (example, duration) in [(DendriticCell() as any GalleryExample, 50 * ms), (AxonPropagation(), 3 * ms)] {
            let native = try example.run(seed: 1, backend: .native, duration: duration)
            let interpreted = try example.run(seed: 1, backend: .interpreter, duration: duration)
            XCTAssertFalse(native.statistics.isEmpty, native.example)
            XCTAssertEqual(native.statistics, interpreted.statistics, native.example)
        }
    }

    /// A Dendrify reference case of Tests/Fixtures/compartments/dendrify (Dendrify 2.2.0 on Brian
    /// 2.9.0): its JSON object.
    private func dendrifyCase(_ name: String) throws -> [String: Any] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/compartments/dendrify/\(name).json")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    /// Checks every statistic of the reference case `name` against the example's statistic of the
    /// same name, within the case's tolerance; `scale(name)` converts the case's SI value to the
    /// example's unit (1000 for mV).
    private func assertDendrifyStatistics(_ result: GalleryResult, _ name: String, scale: (String) -> Double,
                                          file: StaticString = #filePath, line: UInt = #line) throws {
        let statistics = try XCTUnwrap(try dendrifyCase(name)["statistics"] as? [String: [String: Any]])
        XCTAssertFalse(statistics.isEmpty)
        for (statistic, entry) in statistics.sorted(by: { $0.key < $1.key }) {
            let expected = try XCTUnwrap(entry["expected"] as? Double), tolerance = try XCTUnwrap(entry["tolerance"] as? Double)
            let factor = scale(statistic)
            assertStatistic(result, statistic, in: ((expected - tolerance) * factor)...((expected + tolerance) * factor),
                            brian: "\(expected * factor) (\(name))", file: file, line: line)
        }
    }

    /// The spike (or event) steps of the reference `monitor` (`"neurons"`, `"neurons.spike_Na_dend"`),
    /// as (neuron, step) pairs at dt = 0.1 ms.
    private func referenceEvents(_ name: String, _ monitor: String) throws -> [[Int]] {
        let spikes = try XCTUnwrap((try dendrifyCase(name)["spikes"] as? [String: [String: [Double]]])?[monitor])
        return zip(try XCTUnwrap(spikes["i"]), try XCTUnwrap(spikes["t"])).map { [Int($0), Int(($1 / 1e-4).rounded())] }
    }

    /// The events of the monitor called `name` in `result`'s network, as (neuron, step) pairs.
    private func events(_ result: GalleryResult, _ name: String) throws -> [[Int]] {
        let monitor = try XCTUnwrap(result.network.objects.first { $0.name == name } as? EventMonitor, name)
        return zip(monitor.i, monitor.t.values).map { [$0, Int(($1 / 1e-4).rounded())] }
    }

    /// dendrify_attenuation: the steady deflections (mV) and their ratios to the soma's.
    func testDendriticAttenuationMatchesDendrify() throws {
        let result = try DendriticAttenuation().run(seed: 1)
        try assertDendrifyStatistics(result, "dendrify_attenuation") { $0.hasPrefix("dV_") ? 1e3 : 1 }
        XCTAssertEqual(result.statistics.map(\.name), ["dV_soma", "dV_trunk", "dV_prox", "dV_dist", "ratio_trunk",
                                                       "ratio_prox", "ratio_dist"])
        XCTAssertEqual(result.figures.map(\.name), ["compartment_voltages", "deflection_vs_distance"])
    }

    /// dendrify_io: the peak EPSP for 1 to 15 synapses (mV), the jump at 9 synapses where the
    /// dSpikes start, and the dSpike events step by step.
    func testDendriticIOCurveMatchesDendrify() throws {
        let result = try DendriticIO().run(seed: 1)
        try assertDendrifyStatistics(result, "dendrify_io") { _ in 1e3 }
        assertStatistic(result, "dspike_threshold_synapses", in: 9...9, brian: "9")
        assertStatistic(result, "epsp_jump", in: 30.79...30.80, brian: "58.074 - 27.278 mV")
        assertStatistic(result, "somatic_spikes", in: 0...0, brian: "0")
        XCTAssertEqual(try events(result, "dspikes"), try referenceEvents("dendrify_io", "neurons.spike_Na_dend"))
        XCTAssertEqual(result.figures.map(\.name), ["io_curve", "dendritic_traces"])
        XCTAssertEqual(result.figures.last?.value.panels.first?.series.compactMap(\.label),
                       ["1 synapse", "8 synapses", "9 synapses (dSpike)", "15 synapses (dSpike)"])
    }

    /// dendrify_network_small: the 50 somatic spikes and 62 dSpikes, step by step.
    func testDendrifyNetworkMatchesDendrify() throws {
        let result = try DendrifyNetwork().run(seed: 1)
        XCTAssertEqual(try events(result, "spikes"), try referenceEvents("dendrify_network_small", "neurons"))
        XCTAssertEqual(try events(result, "dspikes"),
                       try referenceEvents("dendrify_network_small", "neurons.spike_Na_apical"))
        assertStatistic(result, "somatic_spikes", in: 50...50, brian: "50")
        assertStatistic(result, "dendritic_spikes", in: 62...62, brian: "62")
        assertStatistic(result, "first_somatic_spike", in: 24.0999...24.1001, brian: "24.1 ms")
        assertStatistic(result, "first_dendritic_spike", in: 11.1999...11.2001, brian: "11.2 ms")
        XCTAssertEqual(result.figures.map(\.name), ["raster", "voltages_neuron0", "voltages_neuron1", "voltages_neuron2"])
    }

    /// Both backends give the same numbers for the Dendrify examples (shortened runs).
    func testDendrifyExamplesAgreeOnBothBackends() throws {
        for (example, duration) in [(DendriticAttenuation() as any GalleryExample, 100 * ms), (DendriticIO(), 30 * ms),
                                    (DendrifyNetwork(), 110 * ms)] {
            let native = try example.run(seed: 1, backend: .native, duration: duration)
            let interpreted = try example.run(seed: 1, backend: .interpreter, duration: duration)
            XCTAssertFalse(native.statistics.isEmpty, native.example)
            XCTAssertEqual(native.statistics, interpreted.statistics, native.example)
        }
    }

    func testDendrifyExamplesRefuseBadParameters() throws {
        XCTAssertThrowsError(try DendriticAttenuation.configured(["rAxial=0*ohm*cm"]).run(seed: 1)) { error in
            XCTAssert("\(error)".contains("'rAxial' of 'dendritic_attenuation' must be positive"), "\(error)")
        }
        XCTAssertThrowsError(try DendriticIO.configured(["synapses=0"])) { error in
            XCTAssert("\(error)".contains("[1, 1000]"), "\(error)")
        }
        XCTAssertThrowsError(try DendrifyNetwork.configured(["ringDelay=-1*ms"])) { error in
            XCTAssert("\(error)".contains("must not be negative"), "\(error)")
        }
    }

    /// Brian 2.9 (`examples/frompapers/Stimberg_et_al_2019/example_3_bisection.py`, numpy and
    /// cython, first estimate exactly 25 mV) ends at 40.771484375, 24.462890625, 13.037109375,
    /// 8.837890625 and 8.154296875 mV; the bisection's last step is 25/2^10 mV.
    func testThresholdBisectionMatchesBrian() throws {
        let result = try ThresholdBisection().run(seed: 1)
        for (gNa, brian) in [("15", 40.771484375), ("23.5", 24.462890625), ("57.5", 13.037109375), ("91.5", 8.837890625),
                             ("99.15", 8.154296875)] {
            assertStatistic(result, "threshold_gNa_\(gNa)", in: (brian - 1e-9)...(brian + 1e-9), brian: "\(brian) mV")
        }
        XCTAssertEqual(result.figures.map(\.name), ["estimates", "threshold_vs_gNa"])
    }

    /// The textbook quotient form of the rates is 0/0 at the first estimate, 25 mV: the run stops
    /// with an error naming the variable (Brian 2.9's cython target raises ZeroDivisionError there;
    /// its numpy target warns of NaN after the run and goes on: no neuron spikes, and every estimate
    /// moves up to 50 mV).
    func testThresholdBisectionQuotientRatesAtTheSingularityStopWithAnError() throws {
        var example = ThresholdBisection()
        example.N = 5
        example.rateFunctions = .quotient
        XCTAssertThrowsError(try example.run(seed: 1, backend: .interpreter)) { error in
            XCTAssertEqual((error as? ModelError)?.kind, .nonFiniteValue, "\(error)")
            XCTAssert("\(error)".contains("'v' of 'neurons' became NaN for neuron 0 at t = 0 s"), "\(error)")
        }
        example.v0 = 25.001 * mV
        example.iterations = 2
        XCTAssertEqual(try XCTUnwrap(try example.run(seed: 1).statistic("threshold_gNa_15")), 25.001 + 25 - 12.5,
                       accuracy: 1e-9)
    }

    /// Brian 2.9, 10 s, seeds 1–6: correlation 0.961–0.987 (mean 0.978), RMS object position
    /// 0.335–0.536 (mean 0.467), relative error (RMS error / RMS object position) 0.428–0.478 (mean
    /// 0.448). SwiftBrian, seeds 1–12: 0.947–0.991 (mean 0.975), 0.295–0.630 (mean 0.45),
    /// 0.409–0.531 (mean 0.46). The object's path differs with the seed, so the bounds hold for any.
    func testSmoothPursuitEyeFollowsTheObject() throws {
        for seed in [1, 3] as [UInt64] {
            let result = try SmoothPursuit().run(seed: seed)
            assertStatistic(result, "correlation", in: 0.9...1, brian: "0.961–0.987")
            assertStatistic(result, "relative_error", in: 0.3...0.65, brian: "0.428–0.478")
            assertStatistic(result, "rms_object", in: 0.2...0.8, brian: "0.335–0.536")
        }
    }

    /// Brian 2.9 (cpp_standalone), the full 59.5 s, seeds 1, 2, 3, 123456: the adapted AB/PD
    /// period 1.900, 1.904, 1.897, 1.966 s, AB/PD → LP → PY in every cycle, 12, 12, 12, 23 AB/PD
    /// spikes in the last 4 s (SwiftBrian, seeds 2, 3: 1.895, 1.898 s, 12, 12 spikes). Here 30 s:
    /// Brian 2.9, seeds 2, 3: 1.938, 1.958 s, triphasic, 12, 13 spikes (SwiftBrian: 1.893, 1.912 s,
    /// triphasic, 12, 12). Since uniform draws share Philox blocks (2026-12-02), SwiftBrian at
    /// 30 s, seeds 1–4: 15, 17, 12, 13 spikes, periods 1.92–2.05 s, triphasic in each; the spike
    /// count's window is Brian's spread over seeds (12–23), the period and the order are the test.
    func testPyloricNetworkAdaptsToATriphasicRhythm() throws {
        let result = try PyloricNetwork().run(seed: 2, duration: 30 * second)
        assertStatistic(result, "adapted_period", in: 1.8...2.05, brian: "1.938–1.958 s at 30 s")
        assertStatistic(result, "adapted_triphasic", in: 1...1, brian: "1")
        assertStatistic(result, "adapted_spikes_ABPD", in: 10...23, brian: "12–13 at 30 s, 12–23 over seeds at 59.5 s")
        XCTAssertEqual(result.figures.map(\.name), ["rhythm"])
    }

    /// The interpreter and the emulated CUDA backend give the native backend's numbers for the
    /// paper's case studies (shortened runs).
    func testPaperCaseStudiesAgreeOnEveryBackend() throws {
        var bisection = ThresholdBisection()
        bisection.N = 10
        bisection.iterations = 3
        var pyloric = PyloricNetwork()
        pyloric.init_time = 10 * ms
        pyloric.observe_time = 20 * ms
        for (example, duration) in [(bisection as any GalleryExample, 20 * ms), (SmoothPursuit(), 0.5 * second),
                                    (pyloric, 60 * ms)] {
            let native = try assertIdenticalOnEveryBackend(example, seed: 1, duration: duration)
            XCTAssertFalse(native.statistics.isEmpty, native.example)
        }
    }

    /// Brian 2.9 (numpy target), the whole 2100 time units: 8 spikes in one burst at I = 0.4; 97
    /// spikes in 4 bursts, the last of 9 spikes, 430.8 units after the previous one, at I = 2; 265
    /// spikes in one run at I = 4 (x at the end −1.52596, −1.22134, −0.74344). SwiftBrian: the
    /// same counts and period, on every backend.
    func testHindmarshRoseBurstsAsInBrian() throws {
        let native = try HindmarshRose().run(seed: 1)
        for (name, value) in [("spikes_I_0.4", 8.0), ("bursts_I_0.4", 1), ("spikes_I_2", 97), ("bursts_I_2", 4),
                              ("last_burst_spikes_I_2", 9), ("spikes_I_4", 265), ("bursts_I_4", 1)] {
            assertStatistic(native, name, in: value...value, brian: "\(value)")
        }
        assertStatistic(native, "last_burst_period_I_2", in: 430.7...430.9, brian: "430.8 time units")
        let x = try XCTUnwrap(native.states.first?.value)
        for (k, brian) in [-1.5259631227053956, -1.2213387194717216, -0.7434416534829444].enumerated() {
            XCTAssertEqual(try XCTUnwrap(x.values("x", index: k).values.last), brian, accuracy: 1e-8)
        }
        try assertIdenticalOnEveryBackend(HindmarshRose(), seed: 1, duration: 500 * ms)  // NaN periods too
    }

    /// The order parameter averaged over the last fifth of the run. Brian 2.9, N = 50, 5 s, seeds
    /// 1–5: K = 0: 0.046–0.240, K = 1: 0.190–0.721, K = 2: 0.887–0.978, K = 4: 0.9934–0.9956
    /// (SwiftBrian, seeds 1–3: 0.032–0.152, 0.165–0.534, 0.902–0.977, 0.9931–0.9951). The full example (N = 100, 10 s):
    /// Brian 2.9, seeds 214040893 (the original's), 1, 2: 0.086–0.147, 0.772–0.782, 0.960–0.979,
    /// 0.992–0.995; SwiftBrian, seed 1: 0.15, 0.774, 0.977, 0.995.
    func testKuramotoSynchronyGrowsWithCoupling() throws {
        var example = Kuramoto()
        example.N = 50
        let result = try example.run(seed: 1, duration: 5 * second)
        assertStatistic(result, "order_K_0", in: 0...0.35, brian: "0.046–0.240")
        assertStatistic(result, "order_K_1", in: 0.1...0.9, brian: "0.190–0.721")
        assertStatistic(result, "order_K_2", in: 0.85...1, brian: "0.887–0.978")
        assertStatistic(result, "order_K_4", in: 0.98...1, brian: "0.9934–0.9956")
        let order = ["K_0", "K_1", "K_2", "K_4"].map { result.statistic("order_\($0)") ?? .nan }
        XCTAssertEqual(order, order.sorted(), "synchrony grows with K")
        example.N = 20
        example.K_values = [2]
        let native = try example.run(seed: 1, duration: 300 * ms)
        for backend in [BackendKind.interpreter, .cudaEmulated] {
            let other = try example.run(seed: 1, backend: backend, duration: 300 * ms)
            XCTAssertEqual(other.statistics, native.statistics, "\(backend)")
            XCTAssertEqual(other.figures.first?.value.panels.first?.series.first?.y, native.figures.first?.value.panels.first?.series.first?.y)
        }
        example.K_values = []
        XCTAssertThrowsError(try example.run(seed: 1)) { error in
            XCTAssert("\(error)".contains("'K_values' of 'kuramoto' must hold at least one coupling strength"), "\(error)")
        }
    }

    /// Shortened (NE = 400, epsilon = 0.4: the original's 160 excitatory and 40 inhibitory inputs
    /// per neuron; 6 s). Brian 2.9 (cpp_standalone), seeds 1–3: rate before plasticity 165.05–165.10
    /// Hz, in the last second 7.68, 9.55, 8.18 Hz (SwiftBrian, seeds 1–3: 165.0–165.6 Hz; 10.78,
    /// 11.23, 4.00 Hz). The full example (NE = 8000, 10 s), Brian 2.9, seed 1: 165.8 Hz, then 164.7,
    /// 70.2, 17.7, 13.7, 11.6, 10.9, 10.4, 9.5, 8.9, 8.5 Hz in seconds 1–10, still falling towards
    /// the 3 Hz target at the end (SwiftBrian, seed 1: 165.3 Hz, 9.20 Hz in the last second).
    func testVogels2011InhibitoryPlasticityLowersTheRate() throws {
        var example = Vogels2011()
        example.NE = 400
        example.epsilon = 0.4
        let result = try example.run(seed: 1, duration: 6 * second)
        assertStatistic(result, "rate_before", in: 140...190, brian: "165.05–165.10 Hz")
        assertStatistic(result, "rate_after", in: 2...20, brian: "7.68–9.55 Hz")
        example.NE = 40
        example.static_time = 50 * ms
        let native = try example.run(seed: 1, duration: 150 * ms)
        XCTAssertGreaterThan(native.spikes.first?.value.numEvents ?? 0, 0)
        for backend in [BackendKind.interpreter, .cudaEmulated] {
            let other = try example.run(seed: 1, backend: backend, duration: 150 * ms)
            XCTAssertEqual(other.statistics, native.statistics, "\(backend)")
            XCTAssertEqual(other.spikes.first?.value.t.values, native.spikes.first?.value.t.values, "\(backend)")
            XCTAssertEqual(try other.synapses.first?.value.w.values.values, try native.synapses.first?.value.w.values.values)
        }
        example.target_rate = 3 * ms
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("'target_rate' of 'vogels2011' must be a rate"), "\(error)")
        }
    }

    /// Bursts are runs of spikes less than 0.2 s apart; a cycle runs from one AB/PD burst onset to
    /// the next, and is triphasic when LP's first burst in it starts before PY's.
    func testBurstRhythmFindsPeriodAndOrder() {
        let rhythm = BurstRhythm([[1.0, 1.05, 1.1, 3.0, 3.1, 5.0], [1.5, 1.6, 3.4, 4.0], [2.0, 3.2, 3.25, 4.5]])
        XCTAssertEqual(rhythm.spikeCounts, [6, 4, 4])
        XCTAssertEqual(rhythm.period, 2, accuracy: 1e-12)
        XCTAssertEqual(rhythm.triphasicFraction, 0.5)  // 1–3 s: LP then PY; 3–5 s: PY (3.2) before LP (3.4)
        XCTAssert(BurstRhythm([[1.0], [], []]).period.isNaN)
        XCTAssert(BurstRhythm([[1.0, 2.0], [], []]).triphasicFraction == 0)
    }

    func testPaperCaseStudiesRefuseBadParameters() throws {
        XCTAssertThrowsError(try ThresholdBisection.configured(["rateFunctions=taylor"])) { error in
            XCTAssert("\(error)".contains("not a valid value for 'rateFunctions'"), "\(error)")
        }
        XCTAssertThrowsError(try SmoothPursuit.configured(["N=1"])) { error in
            XCTAssert("\(error)".contains("[2, 100000]"), "\(error)")
        }
        var pursuit = SmoothPursuit()
        pursuit.N = 1
        XCTAssertThrowsError(try pursuit.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("'N' of 'smooth_pursuit' must be at least 2"), "\(error)")
        }
        var bisection = ThresholdBisection()
        bisection.step = 1 * ms
        XCTAssertThrowsError(try bisection.run(seed: 1)) { error in
            XCTAssert("\(error)".contains("'step' of 'threshold_bisection' must be a voltage"), "\(error)")
        }
        var pyloric = PyloricNetwork()
        pyloric.Ca_target = [0.05]
        XCTAssertThrowsError(try pyloric.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("one target per cell type"), "\(error)")
        }
    }

    func testSpatialExamplesRefuseBadParameters() throws {
        XCTAssertThrowsError(try DendriticCell.configured(["tree=dend2.dend3"]).run(seed: 1)) { error in
            XCTAssert("\(error)".contains("'tree' of 'dendritic_cell'"), "\(error)")
            XCTAssert("\(error)".contains("no child 'dend3'"), "\(error)")
        }
        XCTAssertThrowsError(try DendriticCell.configured(["burstRate=0*Hz"]).run(seed: 1)) { error in
            XCTAssert("\(error)".contains("'burstRate' of 'dendritic_cell' must be positive"), "\(error)")
        }
        XCTAssertThrowsError(try AxonPropagation.configured(["n=2"])) { error in
            XCTAssert("\(error)".contains("[6, 10000]"), "\(error)")
        }
    }
}

private extension Double {
    /// The values within `tolerance` of this one, relative to it.
    func relative(_ tolerance: Double) -> ClosedRange<Double> {
        (self - abs(self) * tolerance)...(self + abs(self) * tolerance)
    }
}
