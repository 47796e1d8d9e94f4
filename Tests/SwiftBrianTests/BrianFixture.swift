import Foundation
import XCTest

/// Numbers Brian 2.9 produced for a script in Tests/Fixtures/brian (`NAME.py` wrote `NAME.json`;
/// the folder's README lists them): `results` maps a key to a number, a list of numbers or an
/// error message.
struct BrianFixture {
    let name: String
    private let results: [String: Any]

    init(_ name: String) throws {
        self.name = name
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/brian/\(name).json")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        results = try XCTUnwrap(json["results"] as? [String: Any], "\(name).json has no results")
    }

    /// The number under `key`.
    func number(_ key: String) throws -> Double {
        try XCTUnwrap((results[key] as? NSNumber)?.doubleValue, "\(name).json has no number '\(key)'")
    }

    /// The list of numbers under `key`.
    func numbers(_ key: String) throws -> [Double] {
        let list = try XCTUnwrap(results[key] as? [Any], "\(name).json has no list '\(key)'")
        return try list.map { try XCTUnwrap(($0 as? NSNumber)?.doubleValue, "\(name).json: '\(key)' is not numbers") }
    }

    /// The list of whole numbers (steps, indices) under `key`.
    func integers(_ key: String) throws -> [Int] {
        try numbers(key).map { Int($0) }
    }

    /// The text (an error message) under `key`.
    func text(_ key: String) throws -> String {
        try XCTUnwrap(results[key] as? String, "\(name).json has no text '\(key)'")
    }
}
