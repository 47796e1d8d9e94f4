import Foundation
import SwiftBrian

/// The equations and parameters Dendrify builds for one compartment (names suffixed `_name`) or
/// a point neuron (no suffix): the library model, then each mechanism's equations appended and
/// its current inserted right after `I_ext` (so the terms of `I` appear in reverse order of
/// addition, as in Dendrify).
struct ModelText: Sendable {
    /// `"_soma"`, or `""` for a point neuron.
    let suffix: String
    /// What the messages call the owner (`"the compartment 'soma'"`).
    let owner: String
    /// The equations.
    private(set) var text: String
    /// Synaptic, noise and user parameters, in the order added.
    private(set) var parameters = ModelParameters()
    /// The synapses added, by Dendrify's id (`AMPA_x`).
    private var synapses: Set<String> = []
    /// Whether noise was added.
    private var hasNoise = false
    /// The number of currents inserted after `I_ext` (couplings, synapses, noise, dSpikes).
    private(set) var insertedCurrents = 0

    init(model: CompartmentModel, suffix: String, owner: String) {
        self.suffix = suffix
        self.owner = owner
        text = model.equations(suffix: suffix)
    }

    /// The voltage variable (`V_soma`, or `V`).
    var voltage: String { "V\(suffix)" }

    /// Inserts `current` right after `I_ext` in the definition of `I` (`= I_ext_soma + current`),
    /// wherever `= I_ext<suffix>` stands as a whole name.
    mutating func insertCurrent(_ current: String) {
        insertedCurrents += current.components(separatedBy: " + ").count
        let marker = "= I_ext\(suffix)"
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: marker) {
            result += rest[..<range.upperBound]
            let next = rest[range.upperBound...].first
            if next.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true {
                result += " + \(current)"
            }
            rest = rest[range.upperBound...]
        }
        text = result + rest
    }

    /// Appends equations on a new line.
    mutating func append(_ equations: String) {
        text += "\n" + equations
    }

    /// Adds a synaptic current of `kind` tagged `tag` (Dendrify's `synapse`).
    mutating func addSynapse(_ kind: SynapseKind, tag: String, g: Quantity, tRise: Quantity?, tDecay: Quantity,
                             scaleG: Bool) throws {
        try ArgumentChecks.identifier(tag, "synapse tag")
        let synapse = "the \(kind.rawValue) synapse '\(tag)' of \(owner)"
        guard !synapses.contains("\(kind.rawValue)_\(tag)") else {
            throw ModelError(.invalidArgument, "\(owner) already has an \(kind.rawValue) synapse tagged '\(tag)': "
                             + "use another tag")
        }
        try ArgumentChecks.positive(g, "g", of: synapse, dimension: .conductance, unit: "a conductance")
        try ArgumentChecks.positive(tDecay, "tDecay", of: synapse, dimension: .time, unit: "a time")
        if let tRise {
            try ArgumentChecks.positive(tRise, "tRise", of: synapse, dimension: .time, unit: "a time")
            guard tRise.value < tDecay.value else {
                throw ModelError(.invalidArgument, "tRise of \(synapse) must be shorter than its tDecay, but they are "
                                 + "\(tRise) and \(tDecay)")
            }
        }
        if scaleG, tRise == nil {
            throw ModelError(.invalidArgument, "scaleG of \(synapse) needs tRise: only a rise–decay conductance "
                             + "is scaled to peak at g")
        }
        let id = "\(tag)\(suffix)"
        let k = kind.rawValue
        insertCurrent("I_\(k)_\(id)")
        append(kind.equations(id: id, voltage: voltage, riseAndDecay: tRise != nil))
        parameters.set("w_\(k)_\(id)", Quantity(value: 1))
        var conductance = g
        if scaleG, let tRise {
            conductance = g * SynapseKind.peakNormalization(rise: tRise.value, decay: tDecay.value)
        }
        parameters.set("g_\(k)_\(id)", conductance)
        if let tRise { parameters.set("t_\(k)_rise_\(id)", tRise) }
        parameters.set("t_\(k)_decay_\(id)", tDecay)
        synapses.insert("\(k)_\(tag)")
    }

    /// Adds Dendrify's noise current `I_noise`: an Ornstein–Uhlenbeck current with time constant
    /// `tau`, standard deviation `sigma` and mean `mean`.
    mutating func addNoise(tau: Quantity, sigma: Quantity, mean: Quantity) throws {
        let noise = "the noise of \(owner)"
        guard !hasNoise else { throw ModelError(.invalidArgument, "\(owner) already has noise") }
        try ArgumentChecks.positive(tau, "tau", of: noise, dimension: .time, unit: "a time")
        try ArgumentChecks.notNegative(sigma, "sigma", of: noise, dimension: .current, unit: "a current")
        try ArgumentChecks.finite(mean, "mean", of: noise, dimension: .current, unit: "a current")
        let s = suffix
        insertCurrent("I_noise\(s)")
        append("dI_noise\(s)/dt = (mean_noise\(s)-I_noise\(s)) / tau_noise\(s) + sigma_noise\(s) * "
               + "(sqrt(2/(tau_noise\(s)*dt)) * randn()) :amp")
        parameters.set("tau_noise\(s)", tau)
        parameters.set("sigma_noise\(s)", sigma)
        parameters.set("mean_noise\(s)", mean)
        hasNoise = true
    }

    /// Throws unless the equations parse, saying which compartment's do not and, when its
    /// current sums very many terms, why.
    func checkParses() throws {
        do {
            _ = try Equations(text)
        } catch let error as ModelError {
            let many = insertedCurrents > Expression.maximumDepth / 2
                ? " (I\(suffix) sums I_ext and \(insertedCurrents) currents of couplings, synapses, noise and dSpikes; "
                    + "SwiftBrian's expressions have at most \(Expression.maximumDepth) terms: spread them over more "
                    + "compartments)" : ""
            throw ModelError(error.kind, "The equations of \(owner) do not parse\(many): \(error.message)",
                             source: error.source, span: error.span)
        }
    }

    /// Appends the user's `equations`, which must parse and define nothing already defined.
    mutating func addEquations(_ equations: String) throws {
        text = try ModelText.joined(text, equations, separator: "\n", owner: owner)
    }

    /// Replaces `old` text by `new` (Dendrify's `replace_equations`); the result must parse.
    mutating func replaceEquations(_ old: String, with new: String) throws {
        guard !old.isEmpty, text.contains(old) else {
            throw ModelError(.invalidArgument, "The equations of \(owner) do not contain '\(old)'")
        }
        let replaced = text.replacingOccurrences(of: old, with: new)
        _ = try Equations(replaced)
        text = replaced
    }

    /// Adds the user's parameters (a name already present takes the new value).
    mutating func addParameters(_ values: KeyValuePairs<String, any NamespaceValue>) throws {
        parameters.merge(try ModelParameters.user(values))
    }

    /// `base` and `extra` joined by `separator`, after checking that `extra` parses and defines
    /// no variable of `base`.
    static func joined(_ base: String, _ extra: String, separator: String, owner: String) throws -> String {
        let added = try Equations(extra)
        let existing = Set(try Equations(base).names)
        if let twice = added.names.first(where: existing.contains) {
            throw ModelError(.invalidEquations, "The equations added to \(owner) define '\(twice)', which it "
                             + "already defines")
        }
        return base + separator + extra
    }
}
