import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Code run on a group's variables at regular intervals (Brian's `run_regularly`), created by
/// ``Group/runRegularly(_:dt:when:order:name:)``.
final class RegularOperation: NetworkObject {
    private let group: Group
    private let statements: [Statement]
    private let when: When

    init(group: Group, code: String, dt: Quantity?, when: When, order: Int, name: String) throws {
        self.group = group
        self.statements = try group.model.checkStatements(code, role: "code of '\(name)'")
        self.when = when
        let clock = try dt.map { try Group.newClock(dt: $0, owner: name) } ?? group.clock
        super.init(name: name, clock: clock, order: order)
    }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        var builder = group.builder()
        let operations = try builder.lower(try group.inlined(statements), target: group.target)
        let kernel = Kernel(name: name, iteration: group.allElements,
                            vector: gatingRefractoryWrites(operations, group.refractoryGates),
                            random: RandomKey(stream: RandomKey.stream(named: name), step: clock.timestep))
        return [ScheduledOperation(name: name, when: when, order: order, clock: clock, action: .kernel(kernel))]
    }
}
