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
        // The head, and the subscripts: what follows `_`s, and the head's trailing digits.
        var parts = name.split(separator: "_").map(String.init)
        guard !name.hasPrefix("_"), var head = parts.first else { return "\\mathit{\(escapedIdentifier(name))}" }
        parts.removeFirst()
        let letters = String(head.prefix { !$0.isNumber })
        if !letters.isEmpty, letters.count < head.count, head.dropFirst(letters.count).allSatisfy(\.isNumber) {
            parts.insert(String(head.dropFirst(letters.count)), at: 0)
            head = letters
        }
        guard parts.isEmpty else {
            let subscripts = parts.map { greek.contains($0) ? "\\\($0)" : escapedIdentifier($0) }
            return "\(typesetHead(head))_{\(subscripts.joined(separator: ","))}"
        }
        for prefix in greekPrefixes where head.hasPrefix(prefix) {
            let rest = head.dropFirst(prefix.count)
            if (1...4).contains(rest.count), rest.allSatisfy(\.isLetter) { return "\\\(prefix)_{\(rest)}" }
        }
        if head.count == 2, head.allSatisfy(\.isLetter), let first = head.first, let last = head.last {
            return "\(first)_{\(last)}"
        }
        return typesetHead(head)
    }

    /// A name without subscripts: a Greek letter, a single letter, or a word in italics.
    private static func typesetHead(_ head: String) -> String {
        if greek.contains(head) { return "\\" + head }
        return head.count <= 1 ? escapedIdentifier(head) : "\\mathit{\(escapedIdentifier(head))}"
    }

    /// An identifier's characters safe in math mode (`_` is the only special one it can hold).
    private static func escapedIdentifier(_ text: String) -> String {
        text.replacingOccurrences(of: "_", with: "\\_")
    }
}
