/// The code of a Synapses' `onPre` or `onPost` argument: one pathway (`"v_post += w"`, named
/// `pre` or `post`), or several named pathways, each with its own delay (Brian's
/// `on_pre={'up': 'v_post += 1', 'down': 'v_post -= 0.5'}`).
///
///     let S = try Synapses(P, H, onPre: ["up": "v_post += 1", "down": "v_post -= 0.5"],
///                          delays: ["up": 1 * ms])
///     try S.pathway("down").delay.set(try QuantityArray([0.2 * ms, 0.5 * ms]))
public struct PathwayCode: ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral, Sendable {
    /// The code of each pathway; a nil name is the default pathway (`pre` or `post`).
    let pathways: [(name: String?, code: String)]

    /// One pathway with `code`.
    public init(_ code: String) {
        pathways = [(nil, code)]
    }

    /// Pathways by name.
    public init(_ named: [String: String]) {
        pathways = named.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public init(stringLiteral code: String) {
        self.init(code)
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
