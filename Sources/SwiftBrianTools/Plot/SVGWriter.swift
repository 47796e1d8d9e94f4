/// Builds SVG text: elements with escaped attributes, text, groups, and compact numbers.
struct SVGWriter {
    /// The SVG written so far.
    private(set) var text = ""

    /// An attribute: name and (unescaped) value.
    typealias Attribute = (name: String, value: String)

    init() {
        text.reserveCapacity(16_384)
    }

    /// Opens `<name attributes>`; close it with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        text += "<\(name)"
        append(attributes)
        text += ">"
    }

    /// `svg`, an element already written (a panel of a figure), as it is.
    mutating func raw(_ svg: String) {
        text += svg
    }

    /// A line break, to keep the text readable.
    mutating func newline() {
        text += "\n"
    }

    /// Closes the element `name`.
    mutating func close(_ name: String) {
        text += "</\(name)>\n"
    }

    /// An empty element `<name attributes/>`.
    mutating func element(_ name: String, _ attributes: [Attribute]) {
        text += "<\(name)"
        append(attributes)
        text += "/>\n"
    }

    /// An element holding the text `content`.
    mutating func element(_ name: String, _ attributes: [Attribute], content: String) {
        open(name, attributes)
        text += Markup.escaped(content)
        close(name)
    }

    private mutating func append(_ attributes: [Attribute]) {
        for attribute in attributes {
            text += " \(attribute.name)=\"\(Markup.escaped(attribute.value))\""
        }
    }

    /// `value` rounded to a tenth, without a trailing `.0` (`12`, `-3.5`): a tenth of a pixel is
    /// finer than any screen shows, and short numbers keep large plots small.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let magnitude = tenths.magnitude
        let sign = tenths < 0 ? "-" : ""
        let whole = magnitude / 10, fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
