/// Executes kernels on the buffers they reference. The interpreter is the reference backend;
/// every other backend must give the same results.
public protocol Backend: AnyObject {
    /// The seed of every random draw.
    var seed: UInt64 { get set }
    /// Prepares `kernels` for repeated execution (a compiling backend compiles them here) and
    /// returns, for each, what runs it once.
    func prepare(_ kernels: [Kernel]) throws -> [() throws -> Void]
    /// Runs `kernel` once.
    func execute(_ kernel: Kernel) throws
}
