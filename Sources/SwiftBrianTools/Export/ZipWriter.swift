import Foundation

/// Writes a ZIP archive of stored (uncompressed) files, as `numpy.savez` does: for each file a
/// local header and its bytes, then the central directory and its end record. Dates are fixed
/// (1980-01-01 00:00), so the same files always give the same archive.
struct ZipWriter {
    private var archive = Data()
    private var directory = Data()
    private var entryCount = 0

    /// The most files and the largest size and offset the format allows without ZIP64.
    private static let maximumEntries = Int(UInt16.max)
    private static let maximumSize = Int(UInt32.max)

    /// The DOS time (midnight) and date (1980-01-01) of every file.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// Adds the file `name` with `contents`.
    ///
    /// - Throws: ``ToolsError/tooLarge(_:)`` beyond 65535 files or 4 GiB.
    mutating func add(_ name: String, _ contents: Data) throws {
        guard entryCount < Self.maximumEntries else {
            throw ToolsError.tooLarge("A ZIP archive without ZIP64 holds at most \(Self.maximumEntries) files")
        }
        guard contents.count < Self.maximumSize, archive.count < Self.maximumSize - contents.count else {
            throw ToolsError.tooLarge("'\(name)' does not fit a ZIP archive without ZIP64 (4 GiB at most)")
        }
        let nameBytes = Array(name.utf8)
        let isASCII = nameBytes.allSatisfy { $0 < 0x80 }
        let flags: UInt16 = isASCII ? 0 : 1 << 11  // bit 11: the name is UTF-8
        let crc = CRC32.checksum(contents)
        let offset = UInt32(archive.count)
        let size = UInt32(contents.count)

        var local = ByteWriter()
        local.uint32(0x0403_4B50)
        local.uint16(20)  // version needed: 2.0
        local.uint16(flags)
        local.uint16(0)  // stored
        local.uint16(Self.dosTime)
        local.uint16(Self.dosDate)
        local.uint32(crc)
        local.uint32(size)
        local.uint32(size)
        local.uint16(UInt16(nameBytes.count))
        local.uint16(0)  // no extra field
        local.bytes(nameBytes)
        archive.append(contentsOf: local.data)
        archive.append(contents)

        var central = ByteWriter()
        central.uint32(0x0201_4B50)
        central.uint16(20)  // made by: 2.0, MS-DOS attributes
        central.uint16(20)
        central.uint16(flags)
        central.uint16(0)
        central.uint16(Self.dosTime)
        central.uint16(Self.dosDate)
        central.uint32(crc)
        central.uint32(size)
        central.uint32(size)
        central.uint16(UInt16(nameBytes.count))
        central.uint16(0)  // extra field
        central.uint16(0)  // comment
        central.uint16(0)  // disk
        central.uint16(0)  // internal attributes
        central.uint32(0)  // external attributes
        central.uint32(offset)
        central.bytes(nameBytes)
        directory.append(contentsOf: central.data)
        entryCount += 1
    }

    /// The complete archive.
    ///
    /// - Throws: ``ToolsError/tooLarge(_:)`` when the directory would start beyond 4 GiB.
    func finished() throws -> Data {
        guard archive.count + directory.count < Self.maximumSize else {
            throw ToolsError.tooLarge("The archive exceeds 4 GiB, the limit of ZIP without ZIP64")
        }
        var end = ByteWriter()
        end.uint32(0x0605_4B50)
        end.uint16(0)  // this disk
        end.uint16(0)  // disk of the directory
        end.uint16(UInt16(entryCount))
        end.uint16(UInt16(entryCount))
        end.uint32(UInt32(directory.count))
        end.uint32(UInt32(archive.count))
        end.uint16(0)  // comment
        return archive + directory + end.data
    }
}

/// Little-endian integers and raw bytes, appended in order.
private struct ByteWriter {
    private(set) var data: [UInt8] = []

    mutating func uint16(_ value: UInt16) {
        data += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    mutating func uint32(_ value: UInt32) {
        data += (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }
    }

    mutating func bytes(_ bytes: [UInt8]) {
        data += bytes
    }
}
