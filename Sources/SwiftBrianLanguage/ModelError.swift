/// An error in a model, reported in the user's terms: a kind, a message naming variables and
/// units, and — where the error has a place — the source line with a caret under the mistake.
public struct ModelError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for programs that react to errors.
    public enum Kind: String, Sendable {
        /// The text does not follow the grammar.
        case syntax
        /// A name that is neither a variable, a namespace entry, a unit, a constant nor a function.
        case unknownIdentifier
        /// A name that may not be used for a variable (reserved, a unit, a function, a constant).
        case invalidIdentifier
        /// Two expressions whose units do not fit together.
        case dimensionMismatch
        /// An unknown flag, or a flag that is not allowed where it is used.
        case invalidFlag
        /// The same variable defined twice, a missing definition, or another structural error.
        case invalidEquations
        /// A statement that assigns to something that cannot be assigned.
        case invalidAssignment
        /// A function called with the wrong number or kind of arguments.
        case invalidCall
        /// An integration method that cannot integrate the given equations.
        case integration
        /// An argument with an invalid value.
        case invalidArgument
        /// A model larger than the memory available.
        case insufficientMemory
        /// A value that became NaN or infinite during a run.
        case nonFiniteValue
    }

    /// What went wrong.
    public var kind: Kind
    /// The message, in the user's terms.
    public var message: String
    /// The text the error is in, when it has a place.
    public var source: SourceText?
    /// Where in `source` the error is.
    public var span: SourceSpan?

    /// An error of `kind` with `message`, located at `span` in `source` when both are given.
    public init(_ kind: Kind, _ message: String, source: SourceText? = nil, span: SourceSpan? = nil) {
        self.kind = kind
        self.message = message
        self.source = source
        self.span = span
    }

    /// The text under the span, if the error has one.
    public var excerpt: String? {
        guard let source, let span else { return nil }
        return source.excerpt(span)
    }

    /// The message followed by the offending line with a caret under the span.
    public var description: String {
        guard let source, let span else { return message }
        return "\(message)\n\(source.render(span))"
    }
}
