import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// The `.npy` format 1.0, byte by byte, and the ZIP container of `.npz` files.
final class NPYEncoderTests: XCTestCase {
    /// The header text of an encoded array, and where the data starts.
    private func header(_ data: Data) throws -> (text: String, dataStart: Int) {
        let bytes = [UInt8](data)
        XCTAssertEqual(Array(bytes[0..<6]), [0x93] + Array("NUMPY".utf8))
        XCTAssertEqual(bytes[6], 1, "major version")
        XCTAssertEqual(bytes[7], 0, "minor version")
        let length = Int(bytes[8]) | Int(bytes[9]) << 8
        XCTAssertEqual((10 + length) % 64, 0, "the data starts at a multiple of 64 bytes")
        XCTAssertEqual(bytes[10 + length - 1], 0x0A, "the header ends with a newline")
        return (String(decoding: bytes[10..<10 + length], as: UTF8.self), 10 + length)
    }

    func testFloatArrayHeaderAndLittleEndianData() throws {
        let data = try NPYEncoder.encode(NumPyArray([1.0, -2.5, 0.1]))
        let (text, start) = try header(data)
        XCTAssertEqual(text.trimmingCharacters(in: .whitespacesAndNewlines),
                       "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }")
        XCTAssertEqual(data.count, start + 24)
        let values = (0..<3).map { k in
            Double(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[start + 8 * k + $1]) << (8 * $1) })
        }
        XCTAssertEqual(values, [1.0, -2.5, 0.1])
    }

    func testShapesAndTypes() throws {
        let matrix = try NumPyArray(rows: [[1, 2, 3], [4, 5, 6]])
        XCTAssertTrue(try header(NPYEncoder.encode(matrix)).text.contains("'shape': (2, 3)"))
        XCTAssertTrue(try header(NPYEncoder.encode(NumPyArray([Int32(7)]))).text.contains("'descr': '<i4'"))
        XCTAssertTrue(try header(NPYEncoder.encode(NumPyArray([Int64(7)]))).text.contains("'descr': '<i8'"))
        let string = try NPYEncoder.encode(NumPyArray(string: "µvolt"))
        let (text, start) = try header(string)
        XCTAssertTrue(text.contains("'descr': '<U5'") && text.contains("'shape': ()"), text)
        XCTAssertEqual(string.count - start, 20, "5 characters of UTF-32")
        XCTAssertEqual(Array(string[start..<start + 4]), [0xB5, 0, 0, 0], "µ is U+00B5, little-endian")
        XCTAssertTrue(try header(NPYEncoder.encode(NumPyArray([Double]()))).text.contains("'shape': (0,)"))
    }

    func testShapeMustHoldTheElements() {
        XCTAssertThrowsError(try NumPyArray(.float64([1, 2, 3]), shape: [2, 2])) { error in
            XCTAssertTrue("\(error)".contains("shape (2, 2) holds 4 elements, but 3 were given"), "\(error)")
        }
        XCTAssertThrowsError(try NumPyArray(rows: [[1, 2], [3]])) { error in
            XCTAssertTrue(error is ModelError && "\(error)".contains("row 1 has 1 values"), "\(error)")
        }
    }

    func testCRC32OfTheCheckString() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([UInt8]()), 0)
    }

    func testArchiveNamesAreUniqueAndUnitsRideAlong() throws {
        var archive = NPZArchive()
        try archive.add(ExportedArray("t", QuantityArray(values: [0.001], dimension: .time)))
        XCTAssertEqual(archive.names, ["t", "t_unit"])
        XCTAssertThrowsError(try archive.add("t", NumPyArray([1.0]))) { error in
            XCTAssertTrue("\(error)".contains("already has an array named 't'"), "\(error)")
        }
        XCTAssertThrowsError(try archive.add("", NumPyArray([1.0])))
        let data = try archive.data()
        // The end of central directory record: 2 entries, directory right after the files.
        let end = [UInt8](data.suffix(22))
        XCTAssertEqual(Array(end[0..<4]), [0x50, 0x4B, 0x05, 0x06])
        XCTAssertEqual(Int(end[10]) | Int(end[11]) << 8, 2)
        XCTAssertEqual(Array(data.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
    }
}
