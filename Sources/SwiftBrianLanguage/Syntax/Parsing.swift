extension Expression {
    /// Parses one expression in Brian's syntax (`(El - v)/taum`, `v > Vt and not_refractory`);
    /// `role` names the text in error messages.
    public init(parsing text: String, role: String = "expression") throws {
        self = try Parser.expression(SourceText(text, role: role))
    }
}

extension Statement {
    /// Parses abstract code: one statement per line (`v = Vr`, `ge += w`), `#` comments allowed;
    /// `role` names the text in error messages.
    public static func parseLines(_ text: String, role: String = "code") throws -> [Statement] {
        try Parser.statements(SourceText(text, role: role))
    }
}
