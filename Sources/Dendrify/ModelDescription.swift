/// The text printing a Dendrify model or compartment shows: Brian-style sections of equations,
/// events, event actions and parameters (`g_soma_dend = 15. nS`).
enum ModelDescription {
    /// The sections, each under a heading; an empty section is left out.
    static func text(equations: String, events: [String: String], eventActions: [String: String],
                     parameters: ModelParameters) -> String {
        func section(_ title: String, _ body: String) -> String? {
            body.isEmpty ? nil : "\(title)\n\(String(repeating: "-", count: title.count))\n\(body)"
        }
        func lines(_ entries: [String: String]) -> String {
            entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        }
        return [section("EQUATIONS", equations), section("EVENTS", lines(events)),
                section("EVENT ACTIONS", lines(eventActions)), section("PARAMETERS", parameters.description)]
            .compactMap { $0 }.joined(separator: "\n\n")
    }
}
