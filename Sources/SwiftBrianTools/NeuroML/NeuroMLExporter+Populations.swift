import SwiftBrian

extension NeuroMLExporter {
    /// How a population's neurons emit spikes.
    enum SpikeSource {
        /// When the threshold condition holds (a NeuronGroup), then reset and refractoriness.
        case threshold
        /// With probability `rates*dt` in each step (a PoissonGroup).
        case poisson
    }

    /// Adds `group` as a population: its model as a ComponentType of the NeuroML document, and a
    /// LEMS population type that makes `N` instances and gives them their initial values.
    func addPopulation(_ group: Group, spikes: SpikeSource) throws {
        let population = group.name
        registerPopulation(population)
        let equations = Array(group.equations)
        let definition = (group as? NeuronGroup)?.definition
        try check(equations, definition: definition, owner: population)
        let refractory = definition?.refractoryPeriod.flatMap { $0.value > 0 ? $0 : nil }
        var variables = Set(equations.map(\.name))
        if refractory != nil { variables.formUnion(["lastspike", "not_refractory"]) }
        let constants = constants(of: population)
        let printer = LEMSExpression(owner: population, rename: names(of: group, variables: variables, constants: constants))

        var stateVariables: [LEMSElement] = []
        var derived: [LEMSElement] = []
        var exposures: [LEMSElement] = []
        var derivatives: [LEMSElement] = []
        for equation in equations {
            let dimension = try quantities.name(of: equation.dimension, owner: population, what: "the variable '\(equation.name)'")
            exposures.append(LEMSElement("Exposure", [("name", equation.name), ("dimension", dimension)]))
            let attributes = [("name", equation.name), ("dimension", dimension), ("exposure", equation.name)]
            switch equation.kind {
            case .subexpression:
                derived.append(LEMSElement("DerivedVariable", attributes + [("value", try printer.write(equation.expression ?? Expression(.integer(0))))]))
            case .differential:
                stateVariables.append(LEMSElement("StateVariable", attributes))
                // As in Brian, a variable that does not change while refractory has its derivative
                // multiplied by not_refractory (1 or 0).
                let rate = try printer.write(equation.expression ?? Expression(.integer(0)))
                derivatives.append(LEMSElement("TimeDerivative", [
                    ("variable", equation.name),
                    ("value", refractory != nil && equation.has(.unlessRefractory) ? "(not_refractory * \(rate))" : rate),
                ]))
            case .parameter:
                stateVariables.append(LEMSElement("StateVariable", attributes))
            }
        }

        // Initial values: a property of each instance, assigned by the population.
        let initial = try initialValues(group, stateVariables: Set(equations.filter { $0.kind != .subexpression }.map(\.name)))
        var properties: [LEMSElement] = []
        var onStart: [LEMSElement] = []
        for (variable, _) in initial {
            guard let equation = equations.first(where: { $0.name == variable }) else { continue }
            let dimension = try quantities.name(of: equation.dimension, owner: population, what: "the variable '\(variable)'")
            // jLEMS reads a property when it makes the instance, before the population assigns it.
            properties.append(LEMSElement("Property", [("name", "\(variable)_init"), ("dimension", dimension),
                                                       ("defaultValue", "0")]))
            onStart.append(LEMSElement("StateAssignment", [("variable", variable), ("value", "\(variable)_init")]))
        }

        // Spikes: the threshold with the reset, or a Poisson draw.
        var onSpike: [LEMSElement] = []
        let test: String
        switch spikes {
        case .threshold:
            guard let threshold = definition?.threshold else {
                test = ""
                break
            }
            test = try printer.write(try Expression(parsing: threshold, role: "threshold"))
            if let reset = definition?.reset {
                onSpike = try assignments(try Statement.parseLines(reset, role: "reset"), printer: printer) { target in
                    guard variables.contains(target), target != "lastspike" else {
                        throw NeuroMLExport.unsupported(population, "a reset of '\(target)', which is not a variable of the model")
                    }
                    return target
                }
            }
        case .poisson:
            test = "random(1) .lt. \(try printer.write(try Expression(parsing: "rates * dt")))"
        }
        onSpike.append(LEMSElement("EventOut", [("port", "spike")]))

        var spikeTest = test
        if let refractory {
            // Refractoriness as Brian computes it: not_refractory is 1 from the step where
            // floor(refractory/dt) steps have passed since the last spike, and gates the threshold.
            // (Not as LEMS regimes: jLEMS ignores a Dynamics' OnEvent once it has regimes, and the
            // NeuroML schema allows no OnEvent in a Regime.)
            let steps = (refractory.value / dt.value + 1e-3).rounded(.down)
            let period = constants.add("refractory", Quantity(value: steps * dt.value, dimension: .time))
            let step = constants.add("dt", dt)
            stateVariables.append(LEMSElement("StateVariable", [("name", "lastspike"), ("dimension", "time")]))
            derived.append(LEMSElement("DerivedVariable", [
                ("name", "not_refractory"), ("dimension", "none"),
                ("value", "H(((t - lastspike) - (\(period) - \(step) / 2)) / \(step))"),
            ]))
            onStart.append(LEMSElement("StateAssignment", [
                ("variable", "lastspike"), ("value", constants.add("never", Quantity(value: -1e4, dimension: .time))),
            ]))
            if !test.isEmpty { spikeTest = "(\(test)) .and. (not_refractory .gt. 0.5)" }
            onSpike.insert(LEMSElement("StateAssignment", [("variable", "lastspike"), ("value", "t")]), at: onSpike.count - 1)
        }
        var dynamics = stateVariables + derived + derivatives
        if !onStart.isEmpty { dynamics.append(LEMSElement("OnStart", [], onStart)) }
        dynamics += (inputPorts[population] ?? []).map(\.handler)
        if !spikeTest.isEmpty { dynamics.append(LEMSElement("OnCondition", [("test", spikeTest)], onSpike)) }
        cellTypes.append(LEMSElement("ComponentType", [
            ("name", Self.cellType(population)), ("extends", Self.portsType(population)),
            ("description", "The model of the population '\(population)' of SwiftBrian"),
        ], properties + (try constants.elements(quantities, owner: population)) + exposures
            + [LEMSElement("Dynamics", [], dynamics)]))
        try addPopulationType(group, initial: initial)
    }

    /// Refuses what a model's ComponentType cannot express.
    private func check(_ equations: [Equation], definition: NeuronDefinition?, owner: String) throws {
        for equation in equations {
            if equation.type == .boolean {
                throw NeuroMLExport.unsupported(owner, "the boolean variable '\(equation.name)'")
            }
            if !equation.stochasticVariables.isEmpty {
                throw NeuroMLExport.unsupported(owner, "the stochastic equation of '\(equation.name)' (LEMS has no noise)")
            }
            for flag in equation.flags where [.linked, .summed, .constantOverDt, .pointCurrent].contains(flag) {
                throw NeuroMLExport.unsupported(owner, "the flag '\(flag.rawValue)' of '\(equation.name)'")
            }
        }
        if let definition {
            if definition.refractoryCondition != nil {
                throw NeuroMLExport.unsupported(owner, "refractoriness given as an expression or condition")
            }
            if let event = definition.events.keys.sorted().first {
                throw NeuroMLExport.unsupported(owner, "the custom event '\(event)'")
            }
        }
    }

    /// The values set on each state variable of `group` before the first run, in order, from
    /// the last one set for all neurons: each one quantity or one expression (of `i`, `N`,
    /// namespace values and units), for all neurons or a range of them (a subgroup's); the rates
    /// of a PoissonGroup from their values.
    private func initialValues(_ group: Group, stateVariables: Set<String>) throws -> [(String, [InitializationRecord])] {
        if let poisson = group as? PoissonGroup {
            guard stateVariables.contains("rates") else { return [] }  // rates given as an expression
            let rates = try poisson.variable("rates").plainValues
            guard let first = rates.first, rates.allSatisfy({ $0 == first }) else {
                throw NeuroMLExport.unsupported(group.name, "a different rate for each neuron")
            }
            return [("rates", [InitializationRecord(variable: "rates", value: .quantity(Quantity(value: first, dimension: .frequency)))])]
        }
        guard group.unrecordedInitializations == 0 else {
            throw NeuroMLExport.unsupported(group.name, "more than \(Group.maximumRecordedInitializations) values set")
        }
        var values: [(String, [InitializationRecord])] = []
        for record in group.initializations {
            let what = "the value set on '\(record.variable)'"
            guard record.runsBefore == 0 else {
                throw NeuroMLExport.unsupported(group.name, "\(what) after \(record.runsBefore) run"
                                                + "\(record.runsBefore == 1 ? "" : "s") (between runs)")
            }
            guard record.condition == nil else {
                throw NeuroMLExport.unsupported(group.name, "\(what) where '\(record.condition ?? "")' holds")
            }
            guard stateVariables.contains(record.variable) else {
                throw NeuroMLExport.unsupported(group.name, "\(what), which is not a state variable or parameter")
            }
            if case .array = record.value {
                throw NeuroMLExport.unsupported(group.name, "\(what) as an array (set it from an expression of i)")
            }
            let earlier = record.elements == nil ? [] : values.first { $0.0 == record.variable }?.1 ?? []
            values.removeAll { $0.0 == record.variable }
            values.append((record.variable, earlier + [record]))
        }
        return values
    }

    /// The LEMS population type of `group`: `N` instances of its model, each given its initial
    /// values (expressions of the instance's `index`, Brian's `i`; a value set on a range of
    /// neurons is selected by steps of `index`).
    private func addPopulationType(_ group: Group, initial: [(String, [InitializationRecord])]) throws {
        let population = group.name
        let constants = LEMSConstants()
        let resolve = names(of: group, variables: [], constants: constants)
        let count = constants.add("N", Quantity(value: Double(group.size)))
        var assignments: [LEMSElement] = []
        for (variable, records) in initial {
            var text: String?
            for (k, record) in records.enumerated() {
                let range = record.elements ?? 0..<group.size
                // In a subgroup, i counts from its first neuron and N is its size.
                let printer = LEMSExpression(owner: population) { name in
                    switch name {
                    case "i": return range.lowerBound == 0 ? "index" : "(index - \(range.lowerBound))"
                    case "N": return record.elements == nil ? count : "\(range.count)"
                    default: return resolve(name)
                    }
                }
                let value: String
                switch record.value {
                case .quantity(let quantity):
                    value = constants.add("\(variable)_start\(k == 0 ? "" : "\(k)")", quantity)
                case .expression(let expression):
                    value = try printer.write(try Expression(parsing: expression, role: "initial value of '\(variable)'"))
                case .array:
                    throw NeuroMLExport.unsupported(population, "the value set on '\(variable)' as an array")
                }
                guard record.elements != nil else {
                    text = value
                    continue
                }
                // 1 for the neurons of the range, else 0: the value there, the earlier one elsewhere.
                let mask = "(H(index - \(range.lowerBound) + 0.5) * H(\(range.upperBound) - 0.5 - index))"
                text = text.map { "((\(mask) * \(value)) + ((1 - \(mask)) * \($0)))" } ?? "(\(mask) * \(value))"
            }
            if let text { assignments.append(LEMSElement("Assign", [("property", "\(variable)_init"), ("value", text)])) }
        }
        lemsTypes.append(LEMSElement("ComponentType", [("name", Self.populationType(population)), ("extends", "basePopulation")],
                                     try constants.elements(quantities, owner: population) + [
            LEMSElement("Structure", [], [
                LEMSElement("MultiInstantiate", [("componentType", Self.cellType(population)), ("number", count)], assignments),
            ]),
        ]))
        networkChildren.append(LEMSElement("Component", [("id", population), ("type", Self.populationType(population))]))
    }
}
