import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Code run on a group's variables at regular intervals (Brian's `run_regularly`), created by
/// ``Group/runRegularly(_:dt:when:order:name:)``.
final class RegularOperation: NetworkObject {
    private let group: Group
    private let code: CodeBlock
    private let when: When

    init(group: Group, code: String, dt: Quantity?, when: When, order: Int, name: String) throws {
        self.group = group
        self.code = try group.model.checkCode(code, role: "code of '\(name)'", allowsSharedWrites: true)
        self.when = when
        let clock = try dt.map { try Group.newClock(dt: $0, owner: name) } ?? group.clock
        super.init(name: name, clock: clock, order: order)
    }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        var builder = group.builder()
        let lowered = try builder.lower(try group.inlined(code), owner: name, target: group.target)
        let kernel = Kernel(name: name, scalar: lowered.scalar, iteration: group.allElements,
                            vector: gatingRefractoryWrites(lowered.vector, group.refractoryGates),
                            random: RandomKey(stream: RandomKey.stream(named: name), step: clock.timestep))
        return [ScheduledOperation(name: name, when: when, order: order, clock: clock, action: .kernel(kernel))]
    }
}
