/// An element of a LEMS or NeuroML document: a tag, its attributes in order, and its children,
/// written as indented XML.
struct LEMSElement {
    var tag: String
    var attributes: [(String, String)]
    var children: [LEMSElement]

    /// An element `tag` with `attributes` (in this order) and `children`.
    init(_ tag: String, _ attributes: [(String, String)] = [], _ children: [LEMSElement] = []) {
        self.tag = tag
        self.attributes = attributes
        self.children = children
    }

    /// The element as XML, indented by `depth` levels, one element a line.
    func rendered(depth: Int = 0) -> String {
        var lines: [String] = []
        render(into: &lines, depth: depth)
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(into lines: inout [String], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        let attributeText = attributes.map { " \($0.0)=\"\(Markup.escaped($0.1))\"" }.joined()
        guard !children.isEmpty else {
            lines.append("\(indent)<\(tag)\(attributeText)/>")
            return
        }
        lines.append("\(indent)<\(tag)\(attributeText)>")
        for child in children { child.render(into: &lines, depth: depth + 1) }
        lines.append("\(indent)</\(tag)>")
    }
}
