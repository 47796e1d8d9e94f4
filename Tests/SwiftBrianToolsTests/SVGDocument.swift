import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// An SVG (or XHTML) document read back with Foundation's XML parser: its elements with their
/// attributes and text, in document order.
struct SVGDocument {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
        /// The position of the enclosing element in ``SVGDocument/elements`` (nil for the root).
        var parent: Int?
    }

    private(set) var elements: [Element] = []

    /// Parses `text`, failing when it is not well-formed XML.
    init(_ text: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw NSError(domain: "SVGDocument", code: 1, userInfo: [
                NSLocalizedDescriptionKey: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "unknown error") "
                    + "at line \(parser.lineNumber), column \(parser.columnNumber)",
            ])
        }
        elements = delegate.elements
    }

    /// Checks that `text` is well-formed with an `<svg>` root.
    @discardableResult
    static func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> SVGDocument {
        let document = try SVGDocument(text)
        XCTAssertEqual(document.elements.first?.name, "svg", file: file, line: line)
        return document
    }

    /// The elements named `name`.
    func all(_ name: String) -> [Element] {
        elements.filter { $0.name == name }
    }

    /// The elements directly inside the first element whose `class` contains `className`.
    func children(ofClass className: String) -> [Element] {
        guard let index = elements.firstIndex(where: {
            ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className))
        }) else { return [] }
        return elements.filter { $0.parent == index }
    }

    /// The elements whose `class` attribute contains `className`.
    func withClass(_ className: String) -> [Element] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let parent = open.last
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributeDict, text: "", parent: parent))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = open.last { elements[current].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            open.removeLast()
        }
    }
}

/// Reading plots back from their SVG in tests.
protocol SVGAssertions {}

extension SVGAssertions {
    /// The text of the first element of `document` whose class contains `className`.
    func text(_ document: SVGDocument, _ className: String) -> String? {
        document.withClass(className).first?.text
    }

    /// Asserts the title and the two axis labels of a plot's SVG.
    func assertLabels(_ document: SVGDocument, title: String, x: String, y: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(text(document, "title"), title, file: file, line: line)
        XCTAssertEqual(text(document, "x-label"), x, file: file, line: line)
        XCTAssertEqual(text(document, "y-label"), y, file: file, line: line)
    }

    /// The number of marks in a dots path: one subpath each.
    func marks(_ element: SVGDocument.Element?) -> Int {
        (element?.attributes["d"] ?? "").filter { $0 == "M" }.count
    }
}
