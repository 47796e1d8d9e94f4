import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage
import struct SwiftBrianLanguage.Expression

/// Brian's `j` argument of `connect`: a single target (`"i + 1"`, `"i + 1 if i % 2 == 0"`) or a
/// generator over a range (`"k for k in range(i-3, i+4) if k != i"`) or a random sample
/// (`"k for k in sample(N_post, p=0.1)"`, `"k for k in sample(N_post, size=10)"`), taken apart
/// into the bounds of the candidate targets, their step, and a condition.
struct SynapseGenerator {
    /// The first candidate `j` (an expression of `i`).
    var start: Expression
    /// One past the last candidate.
    var stop: Expression
    /// The step between candidates.
    var step: Int
    /// A condition on the candidate (`j` stands for the generator's variable), if any.
    var condition: Expression?
    /// The probability of keeping a candidate (`sample(..., p=...)`), if any.
    var probability: Expression?
    /// The number of distinct candidates drawn for each `i` (`sample(..., size=...)`), if any.
    var sampleSize: Expression?

    /// Parses `text`.
    init(_ text: String) throws {
        let source = SourceText(text, role: "j")
        func fail(_ message: String) -> ModelError {
            ModelError(.syntax, message, source: source, span: SourceSpan(0, text.utf8.count))
        }
        guard let forRange = SynapseGenerator.topLevel(" for ", in: text) else {
            var targetText = text
            if let ifRange = SynapseGenerator.topLevel(" if ", in: text) {
                condition = try Expression(parsing: String(text[ifRange.upperBound...]), role: "condition of j")
                targetText = String(text[..<ifRange.lowerBound])
            }
            let target = try Expression(parsing: targetText, role: "j")
            start = target
            stop = Expression(.binary(.add, target, Expression(.integer(1))))
            step = 1
            return
        }
        let element = text[..<forRange.lowerBound].trimmingCharacters(in: .whitespaces)
        let rest = String(text[forRange.upperBound...])
        guard let inRange = SynapseGenerator.topLevel(" in ", in: rest) else {
            throw fail("Expected 'VARIABLE in range(...)' or 'in sample(...)' after 'for' in '\(text)'")
        }
        let variable = rest[..<inRange.lowerBound].trimmingCharacters(in: .whitespaces)
        guard element == variable else {
            throw fail("Only generators of the form '\(variable) for \(variable) in ...' are supported, "
                       + "not '\(element) for \(variable) in ...'")
        }
        var iterator = String(rest[inRange.upperBound...])
        var condition: Expression?
        if let ifRange = SynapseGenerator.topLevel(" if ", in: iterator) {
            let conditionText = String(iterator[ifRange.upperBound...])
            condition = try Expression(parsing: conditionText, role: "condition of j").substituting([variable: .j])
            iterator = String(iterator[..<ifRange.lowerBound])
        }
        self.condition = condition
        // `sample(..., p=0.1)`, `sample(..., size=3)`: a keyword argument is read as the comparison
        // `_p == 0.1`, `_size == 3`.
        let call = try Expression(parsing: iterator
            .replacingOccurrences(of: #"\bp\s*=(?!=)"#, with: "_p==", options: .regularExpression)
            .replacingOccurrences(of: #"\bsize\s*=(?!=)"#, with: "_size==", options: .regularExpression), role: "j")
        guard case .call(let function, var arguments) = call.node, function == "range" || function == "sample" else {
            throw fail("Expected range(...) or sample(...) after 'in', found '\(iterator.trimmingCharacters(in: .whitespaces))'")
        }
        probability = nil
        sampleSize = nil
        if function == "sample" {
            guard let last = arguments.last, case .binary(.equal, let name, let value) = last.node,
                  case .name(let keyword) = name.node, keyword == "_p" || keyword == "_size" else {
                throw fail("sample(...) needs a probability or a size as its last argument, as in "
                           + "sample(N_post, p=0.1) or sample(N_post, size=10)")
            }
            if keyword == "_p" { probability = value } else { sampleSize = value }
            arguments.removeLast()
        }
        guard (1...3).contains(arguments.count) else {
            throw fail("\(function)(...) takes 1 to 3 bounds, but \(arguments.count) were given")
        }
        start = arguments.count == 1 ? Expression(.integer(0)) : arguments[0]
        stop = arguments.count == 1 ? arguments[0] : arguments[1]
        if arguments.count == 3 {
            guard case .integer(let value) = arguments[2].node, value != 0 else {
                throw fail("The step of \(function)(...) must be a non-zero whole number")
            }
            step = value
        } else {
            step = 1
        }
    }

    /// The range of the first `keyword` in `text` outside parentheses.
    private static func topLevel(_ keyword: String, in text: String) -> Range<String.Index>? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0, text[index...].hasPrefix(keyword) {
                return index..<text.index(index, offsetBy: keyword.count)
            }
            index = text.index(after: index)
        }
        return nil
    }
}

extension Expression {
    /// The name `j`.
    static var j: Expression { Expression(.name("j")) }
}
