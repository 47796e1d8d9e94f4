/// Executes kernels on the buffers they reference. The interpreter is the reference backend;
/// every other backend must give the same results.
public protocol Backend: AnyObject {
    /// The seed of every random draw.
    var seed: UInt64 { get set }
    /// Runs `kernel` once.
    func execute(_ kernel: Kernel) throws
}
