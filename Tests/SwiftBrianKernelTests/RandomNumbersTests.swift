@testable import SwiftBrianKernel
import XCTest

/// The counter-based generator against Philox-4x32-10's published known-answer vectors, and the
/// distributions built on it.
final class RandomNumbersTests: XCTestCase {
    func testPhiloxKnownAnswers() {
        let zero = RandomNumbers.philox((0, 0, 0, 0), key: (0, 0))
        XCTAssertEqual([zero.0, zero.1, zero.2, zero.3], [0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8])
        let ones = RandomNumbers.philox((.max, .max, .max, .max), key: (.max, .max))
        XCTAssertEqual([ones.0, ones.1, ones.2, ones.3], [0x408F_276D, 0x41C8_3B0E, 0xA20B_C7C6, 0x6D54_51FD])
        let pi = RandomNumbers.philox((0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344), key: (0xA409_3822, 0x299F_31D0))
        XCTAssertEqual([pi.0, pi.1, pi.2, pi.3], [0xD16C_FE09, 0x94FD_CCEB, 0x5001_E420, 0x2412_6EA1])
    }

    func testUniformAndNormalMoments() {
        let n = 200_000
        let uniforms = (0..<n).map { RandomNumbers.uniform(seed: 7, stream: 1, step: $0 / 100, element: $0 % 100, site: 0) }
        XCTAssertTrue(uniforms.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = uniforms.reduce(0, +) / Double(n)
        XCTAssertEqual(mean, 0.5, accuracy: 5 * (1 / 12.0).squareRoot() / Double(n).squareRoot())
        let normals = (0..<n).map { RandomNumbers.normal(seed: 7, stream: 2, step: $0, element: 3, site: 1) }
        let normalMean = normals.reduce(0, +) / Double(n)
        let variance = normals.map { ($0 - normalMean) * ($0 - normalMean) }.reduce(0, +) / Double(n - 1)
        XCTAssertEqual(normalMean, 0, accuracy: 5 / Double(n).squareRoot())
        XCTAssertEqual(variance, 1, accuracy: 5 * (2 / Double(n)).squareRoot())
    }

    /// Normal draws come two from a Philox block: the cosine and sine values of elements 2k and
    /// 2k + 1. Over elements of both parities they are standard normal, the two of a pair
    /// uncorrelated, and the sum of their squares (twice an exponential) has mean 2.
    func testNormalPairsAreIndependentStandardNormals() {
        let pairs = 100_000
        let draws = (0..<2 * pairs).map { RandomNumbers.normal(seed: 11, stream: 3, step: $0 / 1000, element: $0 % 1000, site: 2) }
        let n = Double(draws.count)
        let mean = draws.reduce(0, +) / n
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        XCTAssertEqual(mean, 0, accuracy: 5 / n.squareRoot())
        XCTAssertEqual(variance, 1, accuracy: 5 * (2 / n).squareRoot())
        let even = stride(from: 0, to: draws.count, by: 2).map { draws[$0] }
        let odd = stride(from: 1, to: draws.count, by: 2).map { draws[$0] }
        let correlation = zip(even, odd).map { $0 * $1 }.reduce(0, +) / Double(pairs)
        XCTAssertEqual(correlation, 0, accuracy: 5 / Double(pairs).squareRoot())
        let squares = zip(even, odd).map { $0 * $0 + $1 * $1 }.reduce(0, +) / Double(pairs)
        XCTAssertEqual(squares, 2, accuracy: 5 * 2 / Double(pairs).squareRoot())
        // Each value depends on its own element only: the same wherever a loop starts.
        XCTAssertEqual(RandomNumbers.normal(seed: 11, stream: 3, step: 0, element: 7, site: 2), draws[7])
        XCTAssertNotEqual(draws[6], draws[7])
    }

    /// Uniform draws come two from a Philox block: elements 2k and 2k + 1 take its first and its
    /// last two words. Over elements of both parities they are uniform, and the two of a pair
    /// uncorrelated; each value depends on its own element only.
    func testUniformPairsShareABlockAndAreIndependent() {
        let pairs = 100_000
        let draws = (0..<2 * pairs).map { RandomNumbers.uniform(seed: 13, stream: 5, step: $0 / 1000, element: $0 % 1000, site: 4) }
        let n = Double(draws.count)
        let mean = draws.reduce(0, +) / n
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        XCTAssertEqual(mean, 0.5, accuracy: 5 * (1 / 12.0).squareRoot() / n.squareRoot())
        XCTAssertEqual(variance, 1 / 12.0, accuracy: 5 * (1 / 180.0 / n).squareRoot())
        let even = stride(from: 0, to: draws.count, by: 2).map { draws[$0] - 0.5 }
        let odd = stride(from: 1, to: draws.count, by: 2).map { draws[$0] - 0.5 }
        let covariance = zip(even, odd).map { $0 * $1 }.reduce(0, +) / Double(pairs)
        XCTAssertEqual(covariance, 0, accuracy: 5 / 12.0 / Double(pairs).squareRoot())
        let block = RandomNumbers.words(seed: 13, stream: 5, step: 0, element: 3, site: 4)
        XCTAssertEqual(draws[6], RandomNumbers.unit(block.0, block.1))
        XCTAssertEqual(draws[7], RandomNumbers.unit(block.2, block.3))
        XCTAssertEqual(RandomNumbers.uniform(seed: 13, stream: 5, step: 0, element: 7, site: 4), draws[7])
    }

    func testDrawsDependOnEveryPartOfTheKey() {
        let base = RandomNumbers.uniform(seed: 1, stream: 2, step: 3, element: 4, site: 5)
        XCTAssertEqual(base, RandomNumbers.uniform(seed: 1, stream: 2, step: 3, element: 4, site: 5))
        for other in [RandomNumbers.uniform(seed: 9, stream: 2, step: 3, element: 4, site: 5),
                      RandomNumbers.uniform(seed: 1, stream: 9, step: 3, element: 4, site: 5),
                      RandomNumbers.uniform(seed: 1, stream: 2, step: 9, element: 4, site: 5),
                      RandomNumbers.uniform(seed: 1, stream: 2, step: 3, element: 9, site: 5),
                      RandomNumbers.uniform(seed: 1, stream: 2, step: 3, element: 4, site: 9)] {
            XCTAssertNotEqual(base, other)
        }
    }

    func testBinomialMeanAndVariance() {
        let trials = 100, p = 0.05, n = 50_000
        let draws = (0..<n).map { k in
            RandomNumbers.binomial(trials: trials, probability: p,
                                   uniform: RandomNumbers.uniform(seed: 3, stream: 4, step: k, element: 0, site: 0))
        }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        let expectedVariance = Double(trials) * p * (1 - p)
        XCTAssertEqual(mean, Double(trials) * p, accuracy: 5 * (expectedVariance / Double(n)).squareRoot())
        XCTAssertEqual(variance, expectedVariance, accuracy: 0.05 * expectedVariance)
        XCTAssertEqual(RandomNumbers.binomial(trials: 10, probability: 0, uniform: 0.99), 0)
        XCTAssertEqual(RandomNumbers.binomial(trials: 10, probability: 1, uniform: 0.01), 10)
    }
}
