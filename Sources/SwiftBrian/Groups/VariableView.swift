import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// One variable of a group (`G.v`): its values with their unit, and ways to set them — to a
/// quantity, to one quantity per element, or to an expression evaluated per element (with `i`,
/// `N`, `t`, `rand()`, `randn()` and the group's other variables), optionally only where a
/// condition holds. A value given to an integer variable is truncated toward zero.
public struct VariableView {
    /// The group the variable belongs to (a `NeuronGroup`, `Synapses`, ...).
    public let group: Group
    /// The variable's name.
    public let name: String

    /// The current values, one per element (one in all for a shared variable). Subexpressions are
    /// computed from the current state.
    public var values: QuantityArray {
        get throws {
            let variable = try group.stored(name, settable: false)
            if let buffer = variable.buffer, variable.link == nil {
                let values = variable.isShared ? [buffer[0]]
                    : group.elementOrder.map { order in order.map { buffer[group.start + Int($0)] } }
                    ?? buffer.array(in: group.start..<group.start + group.size)
                return QuantityArray(values: values, dimension: variable.dimension)
            }
            let values = try evaluate()
            return QuantityArray(values: group.elementOrder.map { order in order.map { values[Int($0)] } } ?? values,
                                 dimension: variable.dimension)
        }
    }

    /// The current values in SI base units, as plain numbers (Brian's `G.v_`).
    public var plainValues: [Double] {
        get throws { try values.values }
    }

    /// The current values as multiples of `unit`: `try G.v.values(in: mV)`.
    ///
    /// - Throws: `DimensionMismatchError` when `unit` is not a unit of the variable.
    public func values(in unit: Quantity) throws -> [Double] {
        try values.in(unit)
    }

    /// The value of element `index`.
    public subscript(index: Int) -> Quantity {
        get throws {
            let all = try values
            guard all.values.indices.contains(index) else {
                throw ModelError(.invalidArgument, "Index \(index) is out of range for '\(name)' of '\(group.name)' "
                                 + "(\(all.count) values)")
            }
            return all[index]
        }
    }

    /// The values computed by a kernel (subexpressions, linked variables, `i`).
    private func evaluate() throws -> [Double] {
        let expression = try Expression(parsing: name, role: "variable")
        var builder = group.builder()
        let value = try builder.lower(try group.inlined(expression))
        let output = try DoubleBuffer(name: "\(group.name).\(name)", count: 0, value: 0)
        try group.executeNow([], iteration: nil, [.append(value, output)], purpose: "get_\(name)")
        return output.array
    }

    /// Sets every element to `value`.
    public func set(_ value: Quantity) throws {
        try group.prepareToSet(name, perElement: false)
        let variable = try group.stored(name, settable: true)
        try check(value.dimension, variable)
        try store(.constant(value.value), where: nil)
        group.record(InitializationRecord(variable: name, value: .quantity(value)))
    }

    /// Sets every element to the plain number `value` (the variable must be dimensionless).
    public func set(_ value: Double) throws {
        try set(Quantity(value: value))
    }

    /// Sets element `k` to `values[k]`; there must be one value per element.
    public func set(_ values: QuantityArray) throws {
        try group.prepareToSet(name, perElement: true)
        let variable = try group.stored(name, settable: true)
        try check(values.dimension, variable)
        let expected = variable.isShared ? 1 : group.size
        guard values.count == expected else {
            throw ModelError(.invalidArgument, "'\(name)' of '\(group.name)' has \(expected) value"
                             + "\(expected == 1 ? "" : "s"), but \(values.count) were given")
        }
        guard let buffer = variable.buffer else { return }
        let offset = variable.isShared ? 0 : group.start
        let integer = variable.description.type == .integer
        let order = variable.isShared ? nil : group.elementOrder
        for (k, value) in values.values.enumerated() {
            buffer[offset + (order.map { Int($0[k]) } ?? k)] = integer ? value.rounded(.towardZero) : value
        }
        group.record(InitializationRecord(variable: name, value: .array(
            count: values.count, minimum: values.values.min() ?? 0, maximum: values.values.max() ?? 0,
            dimension: values.dimension)))
    }

    /// Sets element `k` to the plain number `values[k]` (the variable must be dimensionless).
    public func set(_ values: [Double]) throws {
        try set(QuantityArray(values: values))
    }

    /// Sets each element to `expression` evaluated for it (`"El + rand()*5*mV"`), only where
    /// `condition` holds when one is given (`"i < 10"`).
    public func set(_ expression: String, where condition: String? = nil) throws {
        try group.prepareToSet(name, perElement: true)
        let variable = try group.stored(name, settable: true)
        let checked: Expression
        if variable.description.type == .boolean {
            checked = try group.model.checkCondition(expression, role: "value of '\(name)'")
        } else {
            checked = try group.model.checkExpression(expression, role: "value of '\(name)'",
                                                      dimension: variable.dimension)
        }
        if variable.isShared, let perElement = group.model.perElementName(in: checked) {
            throw ModelError(.invalidAssignment, "Cannot set the shared variable '\(name)' to an expression referring "
                             + "to '\(perElement)', which has one value per element",
                             source: SourceText(expression, role: "value of '\(name)'"), span: checked.span)
        }
        var builder = group.builder()
        let value = try builder.lower(try group.inlined(checked))
        try store(value, where: condition, builder: &builder)
        group.record(InitializationRecord(variable: name, value: .expression(expression), condition: condition))
    }

    /// Sets the elements where `condition` holds to `value`.
    public func set(_ value: Quantity, where condition: String) throws {
        try group.prepareToSet(name, perElement: true)
        let variable = try group.stored(name, settable: true)
        try check(value.dimension, variable)
        var builder = group.builder()
        try store(.constant(value.value), where: condition, builder: &builder)
        group.record(InitializationRecord(variable: name, value: .quantity(value), condition: condition))
    }

    /// Sets the elements where `condition` holds to the plain number `value` (the variable must
    /// be dimensionless).
    public func set(_ value: Double, where condition: String) throws {
        try set(Quantity(value: value), where: condition)
    }

    /// Links a `(linked)` variable to `source`, a variable of another group (Brian's
    /// `linked_var`): reading it reads the source. The groups have the same size, or the source
    /// has one element (read by all), or `index` gives, for each element of this group, the
    /// element of the source it reads (Brian's `linked_var(H, 'y', index=...)`). The source may
    /// be a subexpression.
    public func link(to source: VariableView, index: [Int]? = nil) throws {
        let target = try source.group.stored(source.name, settable: false)
        let map: IndexMap
        if let index {
            guard index.count == group.size else {
                throw ModelError(.invalidArgument, "The index linking '\(name)' of '\(group.name)' has \(index.count) "
                                 + "entries, but the group has \(group.size) elements")
            }
            if let bad = index.first(where: { !(0..<source.group.size).contains($0) }) {
                throw ModelError(.invalidArgument, "The index linking '\(name)' of '\(group.name)' contains \(bad), "
                                 + "but '\(source.group.name)' has \(source.group.size) elements")
            }
            map = IndexMap.mapped(try elementMap(index.map { source.group.start + $0 }))
        } else if target.isShared {
            map = .shared
        } else if source.group.size == group.size {
            map = .offset(source.group.start - group.start)
        } else if source.group.size == 1 {
            // Every element, and scalar code, reads the one element.
            map = source.group.start == 0 ? .shared : .mapped(try IndexBuffer(name: "\(group.name).\(name)_index",
                                                                          count: group.stop,
                                                                          value: Int32(source.group.start)))
        } else {
            throw ModelError(.invalidArgument, "Cannot link '\(name)' of '\(group.name)' (\(group.size) elements) "
                             + "to '\(source.name)' of '\(source.group.name)' (\(source.group.size) elements); give "
                             + "an index: link(to:index:)")
        }
        if let shared = group.model.equations.first(where: { equation in
            equation.has(.shared) && equation.kind == .subexpression
                && equation.expression?.identifiers.contains(name) == true
        }), index != nil || !(target.isShared || source.group.size == 1) {
            throw ModelError(.invalidArgument, "The shared subexpression '\(shared.name)' of '\(group.name)' reads "
                             + "'\(name)', so '\(name)' must be linked to a shared variable or to a group of one "
                             + "element", source: shared.source, span: shared.nameSpan)
        }
        try link(to: source, map: { map })
    }

    /// Links a `(linked)` variable of a Synapses to `source` through the synapses' presynaptic
    /// (`index: "i"`) or postsynaptic (`index: "j"`) elements (Brian's `linked_var(H, 'y',
    /// index='j')`).
    public func link(to source: VariableView, index: String) throws {
        guard let synapses = group as? Synapses, index == "i" || index == "j" else {
            throw ModelError(.invalidArgument, "An index by name links a variable of a Synapses through its "
                             + "synapses' 'i' or 'j'; '\(group.name)' is not a Synapses or '\(index)' is neither")
        }
        let neighbour = index == "i" ? synapses.source : synapses.target
        guard neighbour === source.group || (source.group as? Subgroup)?.parent === neighbour
                && source.group.start == neighbour.start && source.group.size == neighbour.size else {
            throw ModelError(.invalidArgument, "'\(index)' indexes '\(neighbour.name)', but '\(source.name)' is a "
                             + "variable of '\(source.group.name)'")
        }
        try link(to: source, map: { index == "i" ? .mapped(synapses.presynaptic) : .mapped(synapses.post) })
    }

    private func link(to source: VariableView, map: @escaping () -> IndexMap) throws {
        let variable = try group.stored(name, settable: false)
        guard group.model.equations[name]?.has(.linked) == true else {
            throw ModelError(.invalidArgument, "'\(name)' of '\(group.name)' is not marked (linked)")
        }
        let target = try source.group.stored(source.name, settable: false)
        guard target.dimension == variable.dimension else {
            throw ModelError(.dimensionMismatch, "Cannot link '\(name)' (\(variable.dimension.unitSpecification)) "
                             + "to '\(source.name)' (\(target.dimension.unitSpecification))")
        }
        guard source.group.read(source.name, through: map()) != nil else {
            throw ModelError(.invalidArgument, "'\(source.name)' of '\(source.group.name)' cannot be linked to: it "
                             + "is itself linked to a variable of a different size")
        }
        group.variables[name]?.link = Link(group: source.group, name: source.name, map: map)
        group.variables[name]?.isSettable = false
    }

    /// An index map from this group's elements (absolute indices) to `elements`.
    private func elementMap(_ elements: [Int]) throws -> IndexBuffer {
        let buffer = try IndexBuffer(name: "\(group.name).\(name)_index", count: group.stop, value: 0)
        for (k, element) in elements.enumerated() { buffer[group.start + k] = Int32(element) }
        return buffer
    }

    private func check(_ dimension: Dimension, _ variable: GroupVariable) throws {
        guard dimension == variable.dimension else {
            throw ModelError(.dimensionMismatch, "'\(name)' of '\(group.name)' is in "
                             + "\(variable.dimension.unitSpecification), but the value given is in "
                             + dimension.unitSpecification)
        }
    }

    private func store(_ value: KernelExpression, where condition: String?) throws {
        var builder = group.builder()
        try store(value, where: condition, builder: &builder)
    }

    private func store(_ value: KernelExpression, where condition: String?, builder: inout KernelBuilder) throws {
        guard let target = group.target(name) else { return }
        // An integer variable keeps the integer part, as Brian's integer arrays do.
        let integer = group.variables[name]?.description.type == .integer
        var operation = KernelOperation.store(target, integer ? .call(.builtin("int"), [value]) : value)
        if let condition {
            let checked = try group.model.checkCondition(condition, role: "condition")
            operation = .when(try builder.lower(try group.inlined(checked)), [operation])
        }
        let shared = group.variables[name]?.isShared == true
        try group.executeNow(shared ? [operation] : [], iteration: shared ? .range(0, 0) : nil,
                             shared ? [] : [operation], purpose: "set_\(name)")
    }
}

extension VariableView: CustomStringConvertible {
    /// The values with their unit, as Brian prints a variable: `<G.v: [-65. -60.] mV>`.
    public var description: String {
        do {
            return "<\(group.name).\(name): \(try values)>"
        } catch {
            return "<\(group.name).\(name): \(error)>"
        }
    }
}
