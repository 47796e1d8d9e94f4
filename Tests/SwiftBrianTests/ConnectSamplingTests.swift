import SwiftBrian
import XCTest

/// `connect(p:)` and its relatives draw synapses by geometric skipping when the probability does
/// not depend on `j`: the synapses of each row must still be Binomial(candidates, p), spread
/// uniformly over the candidates.
final class ConnectSamplingTests: XCTestCase {
    private let sources = 2000, targets = 500

    /// The synapses of `S` per presynaptic neuron, and their postsynaptic neurons.
    private func rows(_ S: Synapses) throws -> (counts: [Int], j: [Int]) {
        var counts = [Int](repeating: 0, count: sources)
        for i in try S.i { counts[i] += 1 }
        return (counts, try S.j)
    }

    private func synapses(_ name: String) throws -> Synapses {
        seed(3)
        let G = try NeuronGroup(sources, model: "v : 1", threshold: "v > 1", name: "\(name)_pre")
        let H = try NeuronGroup(targets, model: "v : 1", name: "\(name)_post")
        return try Synapses(G, H, onPre: "v_post += 1", name: name)
    }

    /// Within 5 standard errors of `expected`.
    private func assertWithin5SE(_ value: Double, _ expected: Double, variance: Double, _ what: String,
                                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThan(abs(value - expected), 5 * variance.squareRoot(), "\(what): \(value), expected \(expected)",
                          file: file, line: line)
    }

    /// Row counts with mean `n*p` and variance `n*p*(1-p)`, over every row.
    private func assertBinomialRows(_ counts: [Int], candidates n: Double, p: Double,
                                    file: StaticString = #filePath, line: UInt = #line) {
        let rows = Double(counts.count)
        let mean = Double(counts.reduce(0, +)) / rows
        let variance = counts.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / (rows - 1)
        let binomialVariance = n * p * (1 - p)
        assertWithin5SE(mean, n * p, variance: binomialVariance / rows, "mean synapses per row", file: file, line: line)
        // The sample variance of nearly normal counts has variance 2σ⁴/(rows - 1).
        assertWithin5SE(variance, binomialVariance, variance: 2 * binomialVariance * binomialVariance / (rows - 1),
                        "variance of synapses per row", file: file, line: line)
    }

    func testConstantProbability() throws {
        let S = try synapses("constant")
        try S.connect(p: 0.1)
        let (counts, j) = try rows(S)
        assertBinomialRows(counts, candidates: Double(targets), p: 0.1)
        let lowerHalf = Double(j.filter { $0 < targets / 2 }.count)
        assertWithin5SE(lowerHalf, Double(j.count) / 2, variance: Double(j.count) / 4, "synapses onto j < N_post/2")
        XCTAssertEqual(Set(zip(try S.i, j).map { "\($0) \($1)" }).count, j.count, "no pair twice")
    }

    func testConditionIsTestedOnTheSelectedCandidates() throws {
        let S = try synapses("conditional")
        try S.connect(condition: "j % 2 == 0", p: 0.2)
        let (counts, j) = try rows(S)
        XCTAssertTrue(j.allSatisfy { $0 % 2 == 0 })
        assertBinomialRows(counts, candidates: Double(targets / 2), p: 0.2)
    }

    func testGeneratorSample() throws {
        let S = try synapses("sampled")
        try S.connect(j: "k for k in sample(N_post, p=0.05)")
        assertBinomialRows(try rows(S).counts, candidates: Double(targets), p: 0.05)
    }

    /// A probability of `i` skips geometrically with each row's own probability.
    func testProbabilityOfI() throws {
        let S = try synapses("rising")
        try S.connect(p: "0.2*i/N_pre")
        let counts = try rows(S).counts
        let p = (0..<sources).map { 0.2 * Double($0) / Double(sources) }
        let expected = p.map { Double(targets) * $0 }.reduce(0, +)
        let variance = p.map { Double(targets) * $0 * (1 - $0) }.reduce(0, +)
        assertWithin5SE(Double(counts.reduce(0, +)), expected, variance: variance, "synapses")
        let firstHalf = Double(counts[..<(sources / 2)].reduce(0, +))
        assertWithin5SE(firstHalf, p[..<(sources / 2)].map { Double(targets) * $0 }.reduce(0, +),
                        variance: variance, "synapses from the first half")
    }

    /// A probability of `j` is still a draw per candidate.
    func testProbabilityOfJ() throws {
        let S = try synapses("columns")
        try S.connect(p: "0.3*(j < N_post/2)")
        let (counts, j) = try rows(S)
        XCTAssertTrue(j.allSatisfy { $0 < targets / 2 })
        assertBinomialRows(counts, candidates: Double(targets / 2), p: 0.3)
    }
}
