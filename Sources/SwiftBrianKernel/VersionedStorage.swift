/// Storage whose changes on the host are counted (see ``Buffer/version``), whatever its element
/// type: a backend keeping a copy elsewhere compares versions, and code that writes through the
/// storage's header (generated C code) reports its changes with ``noteChange()``.
public protocol VersionedStorage: AnyObject {
    /// A number that changes whenever the contents or the count change.
    var version: UInt64 { get }
    /// Records that the contents or the count changed.
    func noteChange()
    /// Counts the changes `counter` records as changes of this storage.
    func follow(_ counter: ChangeCounter)
    /// Stops following `counter`, the version staying what it is.
    func unfollow(_ counter: ChangeCounter)
}

extension Buffer: VersionedStorage {}
