/// A growable array of plain values in memory that does not move while it is not resized: the
/// state a kernel reads and writes (a variable of every neuron, a spike list, a monitor's
/// samples). Model objects own buffers; every backend works on them in place, without copies.
///
/// A buffer is identified by the object itself: kernels refer to buffers, not to names. Buffers
/// are not synchronized: one network (one thread) uses a buffer at a time.
public final class Buffer<Element: BitwiseCopyable>: Hashable, CustomStringConvertible, @unchecked Sendable {
    /// The first element; valid for `capacity` elements until the next growth.
    public private(set) var pointer: UnsafeMutablePointer<Element>
    /// The number of elements in use.
    public private(set) var count: Int
    /// The number of elements allocated.
    public private(set) var capacity: Int
    /// A name for messages and generated code (`G.v`, `G.spikes`).
    public let name: String

    /// A buffer of `count` elements, each `value`.
    public init(name: String, count: Int, value: Element) {
        self.name = name
        self.count = count
        capacity = Swift.max(count, 1)
        pointer = .allocate(capacity: capacity)
        pointer.initialize(repeating: value, count: capacity)
    }

    /// A buffer holding `values`.
    public init(name: String, values: [Element]) {
        self.name = name
        count = values.count
        capacity = Swift.max(values.count, 1)
        pointer = .allocate(capacity: capacity)
        _ = UnsafeMutableBufferPointer(start: pointer, count: values.count).initialize(from: values)
    }

    deinit { pointer.deallocate() }

    /// The element at `index`.
    public subscript(index: Int) -> Element {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    /// The elements in use, copied.
    public var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// Makes room for at least `minimum` elements, keeping the contents.
    public func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        let newCapacity = Swift.max(minimum, capacity * 2)
        let newPointer = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newPointer.moveInitialize(from: pointer, count: count)
        pointer.deallocate()
        pointer = newPointer
        capacity = newCapacity
    }

    /// Sets the number of elements in use; new elements are `value`.
    public func resize(_ newCount: Int, value: Element) {
        reserve(newCount)
        if newCount > count { (pointer + count).initialize(repeating: value, count: newCount - count) }
        count = newCount
    }

    /// Adds `element` at the end.
    public func append(_ element: Element) {
        if count == capacity { reserve(count + 1) }
        (pointer + count).initialize(to: element)
        count += 1
    }

    /// Adds `elements` at the end.
    public func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    /// Replaces the contents with `values`.
    public func assign(_ values: [Element]) {
        count = 0
        append(contentsOf: values)
    }

    /// Empties the buffer, keeping its memory.
    public func removeAll() { count = 0 }

    public static func == (lhs: Buffer, rhs: Buffer) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { name }
}

/// A buffer of floating-point values: variables, times, samples.
public typealias DoubleBuffer = Buffer<Double>
/// A buffer of indices: spike lists, recorded indices, index maps.
public typealias IndexBuffer = Buffer<Int32>
