import Foundation

extension Morphology {
    /// The morphology in the SWC file at `path` (Brian's `Morphology.from_file` /
    /// `from_swc_file`), read with the rules of ``fromPoints(_:sphericalSoma:)``.
    ///
    /// An SWC file has comment lines starting with `#`, blank lines, and one line per point:
    /// `index type x y z radius parent`, separated by spaces or tabs, coordinates and radius in
    /// µm. The radius is doubled into a diameter. Types 1–4 name the sections `soma`, `axon`,
    /// `dend` and `apic`; other non-negative integer types (0, 5, 6, 7, ... as in NeuroMorpho's
    /// extensions) give sections without a type name, as in Brian.
    ///
    /// - Throws: ``ModelError`` when the file cannot be read, and for every error of
    ///   ``fromSWC(text:name:sphericalSoma:)``.
    public static func fromSWC(_ path: String, sphericalSoma: Bool = true) throws -> Morphology {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ModelError(.invalidArgument, "Cannot read the SWC file '\(path)': \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ModelError(.invalidArgument, "The SWC file '\(path)' is not UTF-8 text")
        }
        return try fromSWC(text: text, name: path, sphericalSoma: sphericalSoma)
    }

    /// The morphology in SWC `text` (see ``fromSWC(_:sphericalSoma:)``); `name` names it in
    /// messages.
    ///
    /// - Throws: ``ModelError`` with the line number and a caret under the offending entry for
    ///   a line without exactly 7 entries, an index or parent that is not an integer, a type
    ///   that is not a non-negative integer, a coordinate or radius that is not a finite number,
    ///   a radius that is not positive, a repeated index, a missing parent, a parent listed after
    ///   its child, a cycle of parents, a second root, and a 3-point soma that does not fit; for
    ///   a file without points.
    public static func fromSWC(text: String, name: String = "SWC text", sphericalSoma: Bool = true) throws -> Morphology {
        let file = try SWCFile(text: text, name: name)
        return try PointTree(points: file.points, where: { "line \(file.lines[$0].number)" },
                             location: { (file.source, file.lines[$0].span) }).morphology(sphericalSoma: sphericalSoma)
    }
}

/// The points of an SWC text, each with its line.
struct SWCFile {
    /// A line of the file that holds a point.
    struct Line {
        /// The 1-based line number.
        var number: Int
        /// The line's text in `source`.
        var span: SourceSpan
    }

    let source: SourceText
    private(set) var points: [MorphologyPoint] = []
    private(set) var lines: [Line] = []

    /// The type names of SWC types 1–4.
    static let typeNames = [1: "soma", 2: "axon", 3: "dend", 4: "apic"]

    init(text: String, name: String) throws {
        source = SourceText(text, role: "SWC file '\(name)'")
        let bytes = Array(text.utf8)
        var lineStart = 0
        var number = 0
        while lineStart <= bytes.count {
            number += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            try read(bytes, lineStart..<lineEnd, number: number)
            lineStart = lineEnd + 1
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Reads one line: nothing for a comment or blank line, else a point.
    private mutating func read(_ bytes: [UInt8], _ range: Range<Int>, number: Int) throws {
        var fields: [Range<Int>] = []
        var k = range.lowerBound
        while k < range.upperBound {
            while k < range.upperBound, Self.isSpace(bytes[k]) { k += 1 }
            let start = k
            while k < range.upperBound, !Self.isSpace(bytes[k]) { k += 1 }
            if k > start { fields.append(start..<k) }
        }
        guard let first = fields.first, bytes[first.lowerBound] != UInt8(ascii: "#") else { return }
        let lineSpan = SourceSpan(first.lowerBound, fields[fields.count - 1].upperBound)
        func fail(_ message: String, _ span: SourceSpan) -> ModelError {
            ModelError(.syntax, "Line \(number) of \(source.role): \(message)", source: source, span: span)
        }
        guard fields.count == 7 else {
            throw fail("an SWC line has 7 entries (index type x y z radius parent), but this one has \(fields.count)", lineSpan)
        }
        let texts = fields.map { String(decoding: bytes[$0], as: UTF8.self) }
        let spans = fields.map { SourceSpan($0.lowerBound, $0.upperBound) }
        func integer(_ k: Int, _ what: String) throws -> Int {
            guard let value = Int(texts[k]) else { throw fail("the \(what) '\(texts[k])' is not an integer", spans[k]) }
            return value
        }
        func decimal(_ k: Int, _ what: String) throws -> Double {
            guard let value = Double(texts[k]), value.isFinite else {
                throw fail("the \(what) '\(texts[k])' is not a finite number", spans[k])
            }
            return value
        }
        let index = try integer(0, "index")
        guard let type = Int(texts[1]), type >= 0 else {
            throw fail("unknown type '\(texts[1])': an SWC type is a non-negative integer (1 soma, 2 axon, 3 dendrite, "
                       + "4 apical dendrite, others unnamed)", spans[1])
        }
        let x = try decimal(2, "x coordinate"), y = try decimal(3, "y coordinate"), z = try decimal(4, "z coordinate")
        let radius = try decimal(5, "radius")
        guard radius > 0 else { throw fail("the radius \(texts[5]) is not positive", spans[5]) }
        let parent = try integer(6, "parent index")
        points.append(MorphologyPoint(index: index, type: Self.typeNames[type], x: x, y: y, z: z,
                                      diameter: 2 * radius, parent: parent))
        lines.append(Line(number: number, span: lineSpan))
    }
}
