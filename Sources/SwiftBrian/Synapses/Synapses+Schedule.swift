import SwiftBrianKernel
import SwiftBrianLanguage

extension Synapses {
    /// The kernels of a time step: clock-driven updates, summed variables, pathways.
    func synapticOperations() throws -> [ScheduledOperation] {
        var operations: [ScheduledOperation] = []
        func kernel(_ suffix: String, scalar: [KernelOperation] = [], _ iteration: Iteration,
                    _ vector: [KernelOperation], clock: Clock? = nil) -> Kernel {
            let kernelName = "\(name)_\(suffix)"
            return Kernel(name: kernelName, scalar: scalar, iteration: iteration, vector: vector,
                          random: RandomKey(stream: RandomKey.stream(named: kernelName),
                                            step: (clock ?? self.clock).timestep))
        }
        func add(_ suffix: String, _ when: When, order: Int, clock: Clock? = nil, _ kernels: [Kernel]) {
            operations.append(ScheduledOperation(name: "\(name)_\(suffix)", when: when, order: order,
                                                 clock: clock ?? self.clock, action: .kernels(kernels)))
        }
        let everySynapse = Iteration.range(0, size)

        if let clockDriven {
            var builder = self.builder()
            add("stateupdater", .groups, order: order,
                [kernel("stateupdater", everySynapse, try builder.lower(try inlined(clockDriven.statements), target: target))])
        }

        for summed in summedVariables {
            guard let reference = summed.group.target(summed.variable) else { continue }
            let map: IndexMap = summed.intoTarget ? .mapped(post) : .mapped(presynaptic)
            let perNeuron = ArrayReference(reference.buffer, map)
            var builder = self.builder()
            let value = try builder.lower(try inlined(summed.expression))
            // On the target's clock, as Brian's summed-variable updater.
            let targetClock = summed.group.clock
            add("summed_\(summed.variable)", .groups, order: summed.group.order - 1, clock: targetClock, [
                kernel("summed_\(summed.variable)_reset", summed.group.allElements, [.store(reference, .constant(0))],
                       clock: targetClock),
                kernel("summed_\(summed.variable)", everySynapse,
                       [.store(perNeuron, .binary(.add, .load(perNeuron), value))], clock: targetClock),
            ])
        }

        for pathway in pathways {
            let spiking = pathway.triggeredByPre ? source : target
            guard let spikes = spiking.eventLists[pathway.event]?.list else { continue }
            let synapsesOfSpikes: Iteration = pathway.triggeredByPre
                ? .synapses(events: spikes, lower: source.start, upper: source.stop, offsets: preOffsets, members: nil,
                            order: TargetOrder(targets: post, sorted: rowsSorted))
                : .synapses(events: spikes, lower: target.start, upper: target.stop, offsets: postOffsets,
                            members: postSorted ? nil : postMembers)
            let delay = variables[pathway.delayVariable]
            let steps: KernelExpression = .indexValue(pathway.delaySteps, delay?.isShared ?? true ? .shared : .element)
            // Without delay, a spike's synapses are visited directly, with no queue.
            let delayed = !(delay.map { $0.isShared && $0.buffer?[0] == 0 } ?? true)
            var builder = self.builder()
            var effect: [KernelOperation] = []
            if let eventDriven {
                effect += try builder.lower(try inlined(eventDriven.statements), target: target)
            }
            let code = try builder.lower(try inlined(pathway.code), owner: "\(name)_\(pathway.name)", target: target)
            effect += code.vector
            effect = gatingRefractoryWrites(effect, source.refractoryGates.merging(target.refractoryGates) { a, _ in a })
            if let lastupdate = target("lastupdate") {
                effect.append(.store(lastupdate, .load(ArrayReference(clock.time, .shared))))
            }
            // With a delay per synapse, the queue holds the targets when the effect needs nothing
            // else (see QueuedTargets.swift); with one delay, a spike's synapses go to one slot as a
            // range and the effect reads their targets in order: no scattered lookup to save.
            pathway.queue.targets = nil
            if delay?.isShared == false, let atTargets = Synapses.reachingOnlyTargets(effect, through: post) {
                effect = atTargets
                pathway.queue.targets = post
            }
            // On the clock of the group whose events trigger it, as Brian's pathways: no event is
            // missed when the Synapses (or the other side) has a longer time step.
            let eventClock = spiking.clock
            add(pathway.name, .synapses, order: pathway.order, clock: eventClock, delayed ? [
                kernel("\(pathway.name)_push", scalar: [.advance(pathway.queue)], synapsesOfSpikes,
                       [.enqueue(pathway.queue, steps: steps)], clock: eventClock),
                kernel(pathway.name, scalar: code.scalar, .queue(pathway.queue), effect, clock: eventClock),
            ] : [kernel(pathway.name, scalar: code.scalar, synapsesOfSpikes, effect, clock: eventClock)])
        }
        return operations
    }

    /// Whether the synapses are stored sorted by target (`postMembers` is then not needed, see
    /// ``postOffsets``).
    var postSorted: Bool { postMembers.count != size }

    /// Checks the delays, converts them to whole time steps and makes each queue long enough for
    /// them; checks that no other synapses sum into the same variable.
    func prepareRun(_ network: Network) throws {
        for pathway in pathways {
            guard let delay = variables[pathway.delayVariable], let delays = delay.buffer else { continue }
            // Delays are whole steps of the clock the pathway runs on (its triggering group's).
            let clock = (pathway.triggeredByPre ? source : target).clock
            let dt = clock.dt.value
            let limit = Double(SpikeQueue.maximumDelaySteps) * dt
            let steps = pathway.delaySteps
            try steps.resize(delays.count, value: 0)
            var longest: Int32 = 0
            // One pass over the delays (millions with one per synapse): checked and converted.
            for k in 0..<delays.count {
                let value = delays[k]
                guard value >= 0, value <= limit else {
                    let of = pathway.name == "pre" ? "'\(name)'" : "the pathway '\(pathway.name)' of '\(name)'"
                    let which = delay.isShared ? "\(of.prefix(1).uppercased() + of.dropFirst()) has the delay"
                        : "The synapse \(describeSynapse(k)) of \(of) has the delay"
                    let shown = value.isFinite ? "\(Quantity(value: value, dimension: .time))" : "\(value) s"
                    throw ModelError(.invalidArgument, value < 0
                        ? "\(which) \(shown); delays must not be negative"
                        : "\(which) \(shown); a delay must be finite and at most \(SpikeQueue.maximumDelaySteps) time "
                            + "steps (\(limit) s at dt = \(clock.dt))")
                }
                steps[k] = Int32(SpikeQueue.steps(value / dt))
                longest = max(longest, steps[k])
            }
            try pathway.queue.reserve(maximumDelay: Int(longest))
        }
        for summed in summedVariables {
            for other in network.objects.compactMap({ $0 as? Synapses }) where other !== self {
                // Brian allows several summed variables into one variable when their targets
                // (subgroups) do not overlap.
                if other.summedVariables.contains(where: {
                    $0.variable == summed.variable && $0.group.variables[$0.variable]?.buffer
                        === summed.group.variables[summed.variable]?.buffer
                        && $0.group.start < summed.group.stop && summed.group.start < $0.group.stop
                }) {
                    throw ModelError(.invalidEquations, "Both '\(name)' and '\(other.name)' sum into '\(summed.variable)' "
                                     + "of '\(summed.group.name)'; a variable can be the target of one summed "
                                     + "variable only (or of several into non-overlapping subgroups)")
                }
            }
        }
    }
}
