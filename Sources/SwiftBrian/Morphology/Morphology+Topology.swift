extension Morphology {
    /// The tree drawn as text, exactly as Brian's `str(morpho.topology())` (after NEURON's
    /// `topology`): one line per section, depth first, a soma as `( )` and a section as one `-`
    /// per compartment followed by `|`, each child indented past its parent and marked with a
    /// backtick, then the section's path (`[root]` for the root):
    ///
    ///     ( )  [root]
    ///        `----|  .trunk
    ///              `---|  .trunk.L
    ///
    /// A section without a name (an SWC type other than 1–4) shows as `None`, as in Brian.
    /// Every line ends with a newline (the root line with a space before it, as Brian's).
    public func topology() -> String {
        var text = ""
        var pending: [(section: Morphology, indent: Int, path: String, isChild: Bool)] = [(self, 0, "", false)]
        while let (section, indent, path, isChild) = pending.popLast() {
            let width = max(1, section.n)
            text += String(repeating: " ", count: indent)
            if isChild { text += "`" }
            text += section is Soma ? "( )" : String(repeating: "-", count: width) + "|"
            text += path.isEmpty ? "  [root] \n" : "  \(path)\n"
            for child in section.children.reversed() {
                let name = section.name(of: child) ?? "None"
                pending.append((child, indent + 2 + width, "\(path).\(name)", true))
            }
        }
        return text
    }
}
