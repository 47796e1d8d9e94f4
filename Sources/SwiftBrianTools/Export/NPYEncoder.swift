import Foundation

/// Writes arrays in NumPy's `.npy` format, version 1.0, as `numpy.save` does: the magic string
/// `\x93NUMPY`, the version, a little-endian 2-byte header length, a header that is a Python
/// dictionary literal (`descr`, `fortran_order`, `shape`) padded with spaces and ended by a
/// newline so that the data starts at a multiple of 64 bytes, then the elements in C order,
/// little-endian.
public enum NPYEncoder {
    /// The alignment of the data in the file (NumPy's `ARRAY_ALIGN`).
    static let alignment = 64
    /// The bytes every `.npy` file starts with, before the version.
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// The contents of a `.npy` file holding `array`.
    ///
    /// - Throws: ``ToolsError/tooLarge(_:)`` when the header does not fit version 1.0 (a shape
    ///   of thousands of axes).
    public static func encode(_ array: NumPyArray) throws -> Data {
        let header = try self.header(for: array)
        var data = Data(capacity: header.count + byteCount(of: array))
        data.append(contentsOf: header)
        appendElements(of: array, to: &data)
        return data
    }

    /// Writes `array` to a `.npy` file at `url`.
    public static func write(_ array: NumPyArray, to url: URL) throws {
        try encode(array).write(to: url, options: .atomic)
    }

    /// The magic string, version, header length and padded header.
    static func header(for array: NumPyArray) throws -> [UInt8] {
        let dictionary = "{'descr': '\(array.descriptor)', 'fortran_order': False, "
            + "'shape': \(NumPyArray.pythonTuple(array.shape)), }"
        let prefixLength = magic.count + 2 + 2
        let unpadded = prefixLength + dictionary.utf8.count + 1
        let padding = (alignment - unpadded % alignment) % alignment
        let headerLength = dictionary.utf8.count + padding + 1
        guard headerLength <= Int(UInt16.max) else {
            throw ToolsError.tooLarge("The .npy header of an array of shape \(NumPyArray.pythonTuple(array.shape)) "
                                      + "is \(headerLength) bytes, more than version 1.0 allows (65535)")
        }
        var bytes = magic + [1, 0, UInt8(headerLength & 0xFF), UInt8(headerLength >> 8)]
        bytes += Array(dictionary.utf8)
        bytes += [UInt8](repeating: 0x20, count: padding)
        bytes.append(0x0A)
        return bytes
    }

    /// The size of the element data in bytes.
    static func byteCount(of array: NumPyArray) -> Int {
        switch array.elements {
        case .float64(let values): return values.count * 8
        case .int64(let values): return values.count * 8
        case .int32(let values): return values.count * 4
        case .unicode(let strings): return strings.count * array.unicodeWidth * 4
        }
    }

    private static func appendElements(of array: NumPyArray, to data: inout Data) {
        switch array.elements {
        case .float64(let values):
            appendLittleEndian(values.map { $0.bitPattern.littleEndian }, to: &data)
        case .int64(let values):
            appendLittleEndian(values.map { $0.littleEndian }, to: &data)
        case .int32(let values):
            appendLittleEndian(values.map { $0.littleEndian }, to: &data)
        case .unicode(let strings):
            // UTF-32, little-endian, each string padded with zeros to the common width.
            let width = array.unicodeWidth
            var scalars: [UInt32] = []
            scalars.reserveCapacity(strings.count * width)
            for string in strings {
                let own = string.unicodeScalars.map { $0.value.littleEndian }
                scalars += own
                scalars += [UInt32](repeating: 0, count: width - own.count)
            }
            appendLittleEndian(scalars, to: &data)
        }
    }

    /// Appends the bytes of values already converted to little-endian.
    private static func appendLittleEndian<T>(_ values: [T], to data: inout Data) {
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }
}
