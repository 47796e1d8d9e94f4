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
    public init(name: String, count: Int, value: Element) {
        self.name = name
        header = .allocate(capacity: 1)
        header.initialize(to: sb_buffer(data: nil, count: 0, capacity: 0))
        resize(count, value: value)
    }

    /// A buffer holding `values`.
    public init(name: String, values: [Element]) {
        self.name = name
        header = .allocate(capacity: 1)
        header.initialize(to: sb_buffer(data: nil, count: 0, capacity: 0))
        append(contentsOf: values)
    }

    deinit {
        free(header.pointee.data)
        header.deallocate()
    }

    /// The first element; valid until the buffer grows.
    @inline(__always)
    public var pointer: UnsafeMutablePointer<Element> {
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
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    /// The elements in use, copied.
    public var array: [Element] {
        count == 0 ? [] : Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// Makes room for at least `minimum` elements, keeping the contents. Without the memory it
    /// changes nothing, records the failure (see ``BufferGrowth``) and returns false.
    @discardableResult
    public func reserve(_ minimum: Int) -> Bool {
        guard minimum > capacity || header.pointee.data == nil else { return true }
        let newCapacity = Swift.max(minimum, capacity * 2, 4)
        let (bytes, overflow) = newCapacity.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        guard !overflow, BufferGrowth.allowsGrowth(), let data = realloc(header.pointee.data, bytes) else {
            if BufferGrowth.failure == nil {
                BufferGrowth.failure = (name, newCapacity, overflow ? Int.max : bytes)
            }
            return false
        }
        header.pointee.data = data
        header.pointee.capacity = Int64(newCapacity)
        return true
    }

    /// Sets the number of elements in use; new elements are `value`.
    /// Without the memory for them (see ``reserve(_:)``), it changes nothing.
    public func resize(_ newCount: Int, value: Element) {
        guard reserve(newCount) else { return }
        if newCount > count { (pointer + count).initialize(repeating: value, count: newCount - count) }
        header.pointee.count = Int64(newCount)
    }

    /// Adds `element` at the end; without the memory (see ``reserve(_:)``), it is dropped.
    @inline(__always)
    public func append(_ element: Element) {
        if count == capacity, !reserve(count + 1) { return }
        (pointer + count).initialize(to: element)
        header.pointee.count += 1
    }

    /// Adds `elements` at the end, in one copy; without the memory (see ``reserve(_:)``), none.
    public func append(contentsOf elements: [Element]) {
        guard !elements.isEmpty, reserve(count + elements.count) else { return }
        elements.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { (pointer + count).initialize(from: base, count: source.count) }
        }
        header.pointee.count += Int64(elements.count)
    }

    /// Replaces the contents with `values`.
    public func assign(_ values: [Element]) {
        header.pointee.count = 0
        append(contentsOf: values)
    }

    /// Empties the buffer, keeping its memory.
    public func removeAll() { header.pointee.count = 0 }

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
