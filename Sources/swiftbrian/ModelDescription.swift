import Foundation
import SwiftBrian

/// A model as the command line describes it: equations, namespace, threshold, reset, refractoriness.
struct ModelDescription {
    /// Where the equations came from, for the report's first line.
    var origin: String
    var equations: String
    var namespace: Namespace
    var threshold: String?
    var reset: String?
    var refractory: String?

    /// The CUBA network's neuron model (Brette et al. 2007), analyzed when no file is given.
    static let cuba = ModelDescription(
        origin: "the built-in CUBA model",
        equations: """
            dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
            dge/dt = -ge/taue : volt (unless refractory)
            dgi/dt = -gi/taui : volt (unless refractory)
            """,
        namespace: Namespace(),
        threshold: "v > Vt", reset: "v = Vr", refractory: "5 ms")
    static let cubaNamespace = """
        taum = 20 ms
        taue = 5 ms
        taui = 10 ms
        Vt = -50 mV
        Vr = -60 mV
        El = -49 mV
        """

    /// Reads the equations from `file` ('-' for standard input; nil for the built-in CUBA model)
    /// and the namespace from `namespaceFile` and then each `name=value` of `namespace`.
    static func load(file: String?, namespace assignments: [String], namespaceFile: String?,
                     threshold: String?, reset: String?, refractory: String?) throws -> ModelDescription {
        var model: ModelDescription
        if let file {
            model = ModelDescription(origin: file == "-" ? "standard input" : file,
                                     equations: try readText(file), namespace: Namespace())
        } else {
            model = cuba
            model.namespace = try Namespace(assignments: cubaNamespace)
        }
        if let namespaceFile {
            let extra = try Namespace(assignments: try readText(namespaceFile))
            model.namespace.values.merge(extra.values) { _, new in new }
        }
        for assignment in assignments { try model.namespace.add(assignment: assignment) }
        model.threshold = threshold ?? model.threshold
        model.reset = (reset?.replacingOccurrences(of: ";", with: "\n")) ?? model.reset
        model.refractory = refractory ?? model.refractory
        return model
    }

    private static func readText(_ path: String) throws -> String {
        if path == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelError(.invalidArgument, "Cannot read the file '\(path)'")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The report `swiftbrian analyze` prints: variables, external names, integration method,
    /// update statements, threshold, reset and refractoriness.
    func analysisReport(method methodName: String?) throws -> String {
        let method = try methodName.map { name -> IntegrationMethod in
            guard let method = IntegrationMethod(rawValue: name) else {
                throw ModelError(.invalidArgument, "Unknown integration method '\(name)'; choose one of "
                                 + IntegrationMethod.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return method
        }
        if reset != nil, threshold == nil {
            throw ModelError(.invalidArgument, "A reset runs after a spike, so it needs a threshold (--threshold)")
        }
        let equations = try Equations(self.equations)
        let groupVariables = [
            VariableDescription(name: "not_refractory", dimension: .dimensionless, type: .boolean, kind: .builtin,
                                isWritable: true, isConstant: false),
            VariableDescription(name: "lastspike", dimension: .time, kind: .builtin, isWritable: true,
                                isConstant: false),
        ]
        let analyzed = try AnalyzedEquations(equations, namespace: namespace, extraVariables: groupVariables)
        let update = try StateUpdate.make(for: analyzed, method: method)
        let thresholdCondition = try threshold.map { try analyzed.checkCondition($0, role: "threshold") }
        let resetStatements = try reset.map { try analyzed.checkCode($0, role: "reset", allowsSharedWrites: false).statements } ?? []
        let refractoryDescription = try refractory.map { try describeRefractory($0, analyzed) }

        var lines = ["Model from \(origin)", "", "Variables"]
        lines += table(equations.map { equation in
            let type = equation.type == .float ? equation.dimension.unitSpecification : equation.type.rawValue
            let flags = equation.flags.isEmpty ? "" : "(\(equation.flags.map(\.rawValue).joined(separator: ", ")))"
            return [equation.name, type, equation.kind.rawValue, flags]
        })
        let used = equations.externalIdentifiers.union(thresholdCondition?.identifiers ?? [])
            .union(resetStatements.flatMap(\.value.identifiers))
        let external = used.filter { analyzed.variable($0) == nil }.sorted()
        if !external.isEmpty {
            lines += ["", "External names"]
            lines += table(external.map { name in
                if let value = namespace.values[name] { return [name, "\(value)", "namespace"] }
                if let unit = UnitRegistry.named(name) { return [name, "\(unit)", "unit"] }
                return [name, Identifiers.constants[name].map { "\($0)" } ?? "", "constant"]
            })
        }
        let how = method == nil ? "chosen automatically" : "as requested"
        lines += ["", "Integration method: \(update.method.rawValue) (\(how))", "", "State update, once per time step"]
        lines += update.statements.map { "  \($0)" }
        if let thresholdCondition { lines += ["", "Threshold", "  \(thresholdCondition)"] }
        if !resetStatements.isEmpty { lines += ["", "Reset"] + resetStatements.map { "  \($0)" } }
        if let refractoryDescription { lines += ["", "Refractory", "  \(refractoryDescription)"] }
        return lines.joined(separator: "\n")
    }

    /// A refractory period is a time (`5 ms`, `ref`) or a condition (`v > -40*mV`).
    private func describeRefractory(_ text: String, _ analyzed: AnalyzedEquations) throws -> String {
        if let period = try? UnitSpecification.parseQuantity(text, role: "refractory", known: namespace.values) {
            guard period.dimension == .time else {
                throw ModelError(.dimensionMismatch, "The refractory period must be a time, but '\(text)' is in "
                                 + period.dimension.unitSpecification,
                                 source: SourceText(text, role: "refractory"), span: SourceSpan(0, text.utf8.count))
            }
            return "\(period)"
        }
        let expression = try Expression(parsing: text, role: "refractory")
        let checker = DimensionChecker(scope: analyzed.scope, source: SourceText(text, role: "refractory"))
        if try checker.isBoolean(expression) {
            return "\(try analyzed.checkCondition(text, role: "refractory")) (a condition)"
        }
        return "\(try analyzed.checkExpression(text, role: "refractory period", dimension: .time))"
    }

    private func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            "  " + zip(row, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
