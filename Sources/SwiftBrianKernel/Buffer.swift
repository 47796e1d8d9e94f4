import CSwiftBrianRuntime
import Foundation

/// A growable array of plain values: the state a kernel reads and writes (a variable of every
/// neuron, a spike list, a monitor's samples). Model objects own buffers; every backend works on
/// them in place, without copies. The memory is described by an `sb_buffer` header at a fixed
/// address (`header`), so generated C code can read, write and grow a buffer as Swift does.
///
/// A buffer is identified by the object itself: kernels refer to buffers, not to names. Buffers
/// are not synchronized: one network (one thread) uses a buffer at a time.
public final class Buffer<Element: BitwiseCopyable>: Hashable, CustomStringConvertible, @unchecked Sendable {
    /// The header shared with generated code: data pointer, count and capacity.
    public let header: UnsafeMutablePointer<sb_buffer>
    /// A name for messages and generated code (`G.v`, `G.spikes`).
    public let name: String

    /// A buffer of `count` elements, each `value`.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` naming the buffer and its size when the memory
    ///   for them cannot be allocated (see ``BufferGrowth/allocationError(name:elements:bytes:)``).
    public init(name: String, count: Int, value: Element) throws {
        self.name = name
        header = .allocate(capacity: 1)
        header.initialize(to: sb_buffer(data: nil, count: 0, capacity: 0))
        try resize(count, value: value)
    }

    /// A buffer holding `values`.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` when the memory for them cannot be allocated.
    public init(name: String, values: [Element]) throws {
        self.name = name
        header = .allocate(capacity: 1)
        header.initialize(to: sb_buffer(data: nil, count: 0, capacity: 0))
        try reserveCapacity(values.count)
        try append(contentsOf: values)
    }

    /// A buffer of one element, `value`, for state the model does not size (a clock's step, time
    /// and dt). Its few bytes are allocated as Swift allocates any object: a machine without
    /// them stops the program, as it would at the next Swift allocation.
    public init(name: String, scalar value: Element) {
        self.name = name
        header = .allocate(capacity: 1)
        let capacity = 4
        guard let data = malloc(capacity * MemoryLayout<Element>.stride) else {
            fatalError("Out of memory: \(capacity * MemoryLayout<Element>.stride) bytes for '\(name)'")
        }
        data.bindMemory(to: Element.self, capacity: capacity).initialize(to: value)
        header.initialize(to: sb_buffer(data: data, count: 1, capacity: Int64(capacity)))
    }

    deinit {
        free(header.pointee.data)
        header.deallocate()
    }

    /// A number that changes whenever the contents or the count change through this object (its
    /// methods, its subscript's setter, ``pointer`` or ``noteChange()``); code that changes them
    /// through ``header`` itself (generated C code) says so with ``noteChange()``. A backend that
    /// keeps a copy of the buffer elsewhere (a GPU's memory) compares it with the version its copy
    /// was made from, to copy only buffers the host changed. Code that changes many buffers at
    /// once counts its changes with one ``ChangeCounter`` they follow (``follow(_:)``), whose
    /// count adds to the version.
    public var version: UInt64 { followed.reduce(ownVersion) { $0 &+ $1.count } }

    /// The changes counted by this object, and those of the counters it folded in (``unfollow(_:)``).
    private var ownVersion: UInt64 = 0
    /// The counters whose counts add to ``version``.
    private var followed: [ChangeCounter] = []

    /// Records that the contents or the count changed (see ``version``).
    @inline(__always)
    public func noteChange() { ownVersion &+= 1 }

    /// Counts the changes `counter` records as changes of this buffer (see ``version``).
    public func follow(_ counter: ChangeCounter) {
        if !followed.contains(where: { $0 === counter }) { followed.append(counter) }
    }

    /// Stops following `counter`, the version staying what it is.
    public func unfollow(_ counter: ChangeCounter) {
        guard let position = followed.firstIndex(where: { $0 === counter }) else { return }
        ownVersion &+= counter.count
        followed.remove(at: position)
    }

    /// The first element, for reading and writing; valid until the buffer grows. Taking it counts
    /// as a change (see ``version``): to read only, use the subscript, ``array`` or
    /// ``array(in:)``. A buffer always has memory (an initializer that cannot allocate it
    /// throws), so this is never null.
    @inline(__always)
    public var pointer: UnsafeMutablePointer<Element> {
        noteChange()
        return elements
    }

    /// The first element, without counting a change.
    @inline(__always)
    private var elements: UnsafeMutablePointer<Element> {
        header.pointee.data!.assumingMemoryBound(to: Element.self)
    }

    /// The number of elements in use.
    @inline(__always)
    public var count: Int { Int(header.pointee.count) }

    /// The number of elements allocated.
    public var capacity: Int { Int(header.pointee.capacity) }

    /// The memory allocated for the elements, in bytes.
    public var allocatedBytes: Int { capacity * MemoryLayout<Element>.stride }

    /// The element at `index`.
    @inline(__always)
    public subscript(index: Int) -> Element {
        get { elements[index] }
        set { pointer[index] = newValue }
    }

    /// The elements in use, copied.
    public var array: [Element] { array(in: 0..<count) }

    /// The elements at the positions `range` (within ``count``), copied.
    public func array(in range: Range<Int>) -> [Element] {
        range.isEmpty ? [] : Array(UnsafeBufferPointer(start: elements + range.lowerBound, count: range.count))
    }

    /// Makes room for at least `minimum` elements, keeping the contents, during a run. Without
    /// the memory it changes nothing, records the failure on this thread (see ``BufferGrowth``)
    /// and returns false.
    @discardableResult
    public func reserve(_ minimum: Int) -> Bool {
        guard let failure = grow(minimum) else { return true }
        BufferGrowth.record(name: name, elements: failure.elements, bytes: failure.bytes)
        return false
    }

    /// Makes room for at least `minimum` elements, keeping the contents, outside a run (building
    /// a model, creating synapses, restoring a network).
    ///
    /// - Throws: `ModelError(.insufficientMemory)` naming the buffer and the size asked for when
    ///   the memory cannot be allocated; the buffer is unchanged.
    public func reserveCapacity(_ minimum: Int) throws {
        guard let failure = grow(minimum) else { return }
        throw BufferGrowth.allocationError(name: name, elements: failure.elements, bytes: failure.bytes)
    }

    /// Grows the memory to hold at least `minimum` elements (at least doubling it); nil when that
    /// worked, else the elements and bytes asked for (`Int.max` bytes: more than can be counted).
    private func grow(_ minimum: Int) -> (elements: Int, bytes: Int)? {
        guard minimum > capacity || header.pointee.data == nil else { return nil }
        let newCapacity = Swift.max(minimum, capacity * 2, 4)
        guard let bytes = MemoryBudget.bytes(newCapacity, each: MemoryLayout<Element>.stride) else {
            return (newCapacity, Int.max)
        }
        guard BufferGrowth.allowsGrowth(), let data = realloc(header.pointee.data, bytes) else {
            return (newCapacity, bytes)
        }
        header.pointee.data = data
        header.pointee.capacity = Int64(newCapacity)
        return nil
    }

    /// Sets the number of elements in use; new elements are `value`.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` (see ``reserveCapacity(_:)``); then it changes
    ///   nothing.
    public func resize(_ newCount: Int, value: Element) throws {
        try reserveCapacity(newCount)
        if newCount > count { (pointer + count).initialize(repeating: value, count: newCount - count) }
        header.pointee.count = Int64(newCount)
        noteChange()
    }

    /// Adds `element` at the end during a run; without the memory (see ``reserve(_:)``), it is
    /// dropped.
    @inline(__always)
    public func append(_ element: Element) {
        if count == capacity, !reserve(count + 1) { return }
        (pointer + count).initialize(to: element)
        header.pointee.count += 1
    }

    /// Adds `elements` at the end, in one copy.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` (see ``reserveCapacity(_:)``); then it adds none.
    public func append(contentsOf elements: [Element]) throws {
        guard !elements.isEmpty else { return }
        try reserveCapacity(count + elements.count)
        elements.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { (pointer + count).initialize(from: base, count: source.count) }
        }
        header.pointee.count += Int64(elements.count)
    }

    /// Replaces the contents with `values`.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` (see ``reserveCapacity(_:)``); then it changes
    ///   nothing.
    public func assign(_ values: [Element]) throws {
        try reserveCapacity(values.count)
        header.pointee.count = 0
        noteChange()
        try append(contentsOf: values)
    }

    /// Keeps the first `newCount` elements (fewer than ``count``), dropping the others.
    public func truncate(to newCount: Int) {
        header.pointee.count = Int64(Swift.max(0, Swift.min(newCount, count)))
        noteChange()
    }

    /// Empties the buffer, keeping its memory.
    public func removeAll() {
        header.pointee.count = 0
        noteChange()
    }

    /// Gives back the memory beyond the elements in use.
    public func shrinkToFit() {
        let newCapacity = Swift.max(count, 4)
        guard newCapacity < capacity, let data = realloc(header.pointee.data, newCapacity * MemoryLayout<Element>.stride)
        else { return }
        header.pointee.data = data
        header.pointee.capacity = Int64(newCapacity)
    }

    public static func == (lhs: Buffer, rhs: Buffer) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { name }
}

/// A buffer of floating-point values: variables, times, samples.
public typealias DoubleBuffer = Buffer<Double>
/// A buffer of indices: spike lists, recorded indices, index maps.
public typealias IndexBuffer = Buffer<Int32>
