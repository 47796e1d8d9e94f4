import SwiftBrianUnits

/// A Swift closure run by the network at every step of its clock (Brian's `network_operation`):
/// for what model code cannot say — changing inputs from outside, stopping on a condition,
/// printing. It receives the network, whose time and `stop()` it may use.
///
///     let check = try NetworkOperation(dt: 1 * ms) { net in
///         if try G.v[0] > -40 * mV { net.stop() }
///     }
public final class NetworkOperation: NetworkObject {
    private let when: When
    private let body: (Network) throws -> Void

    /// Runs `body` every `dt` (default: every step of ``defaultClock``) in slot `when`.
    public init(dt: Quantity? = nil, when: When = .start, order: Int = 0, name: String? = nil,
                _ body: @escaping (Network) throws -> Void) throws {
        let name = name ?? ObjectNames.unique("networkoperation")
        self.when = when
        self.body = body
        super.init(name: name, clock: try dt.map { try Group.newClock(dt: $0, owner: name) } ?? defaultClock,
                   order: order)
    }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        [ScheduledOperation(name: name, when: when, order: order, clock: clock, action: .swift(body))]
    }
}
