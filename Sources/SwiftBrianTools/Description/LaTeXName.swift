/// Names of the model language typeset in LaTeX math, the way a paper writes them: Greek letter
/// names as letters (`tau` → `\tau`, `taum` → `\tau_{m}`), a name's part after `_` or its
/// trailing digits as a subscript (`v_post` → `v_{post}`, `x1` → `x_{1}`), a two-letter name as a
/// letter with a subscript (`ge` → `g_{e}`, `Vt` → `V_{t}`), longer names upright-italic as one
/// word (`wmax` → `\mathit{wmax}`).
public enum LaTeXName {
    private static let greek: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
        "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
        "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    ]
    /// Greek names that begin a name with a subscript (`taum`); the short ones that begin common
    /// words (`nu` in `number`, `pi` in `pixel`) are left out.
    private static let greekPrefixes = ["epsilon", "lambda", "alpha", "gamma", "delta", "theta", "kappa", "sigma",
                                        "omega", "beta", "tau"]
    /// Names written as they are (the time step reads as `dt`, not `d_{t}`).
    private static let verbatim: Set<String> = ["dt"]

    /// `name` in LaTeX math.
    public static func typeset(_ name: String) -> String {
        if verbatim.contains(name) { return name }
        if greek.contains(name) { return "\\" + name }
        if let underscore = name.firstIndex(of: "_"), underscore != name.startIndex {
            let rest = name[name.index(after: underscore)...]
            let base = typeset(String(name[..<underscore]))
            return rest.isEmpty ? base : "\(base)_{\(subscriptText(String(rest)))}"
        }
        let letters = name.prefix { !$0.isNumber }
        if !letters.isEmpty, letters.count < name.count, name[letters.endIndex...].allSatisfy(\.isNumber) {
            return "\(typeset(String(letters)))_{\(name[letters.endIndex...])}"
        }
        for prefix in greekPrefixes where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if (1...4).contains(rest.count), rest.allSatisfy(\.isLetter) { return "\\\(prefix)_{\(rest)}" }
        }
        if name.count == 2, name.allSatisfy(\.isLetter), let first = name.first, let last = name.last {
            return "\(first)_{\(last)}"
        }
        if name.count <= 1 { return escapedIdentifier(name) }
        return "\\mathit{\(escapedIdentifier(name))}"
    }

    /// The subscript of `v_post_x`: `post,x`, with Greek names typeset.
    private static func subscriptText(_ text: String) -> String {
        text.split(separator: "_").map { part in
            greek.contains(String(part)) ? "\\\(part)" : escapedIdentifier(String(part))
        }.joined(separator: ",")
    }

    /// An identifier's characters safe in math mode (`_` is the only special one it can hold).
    private static func escapedIdentifier(_ text: String) -> String {
        text.replacingOccurrences(of: "_", with: "\\_")
    }
}
