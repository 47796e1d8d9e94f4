/// The floating-point arithmetic of a compiled backend.
public enum Precision: String, CaseIterable, Sendable {
    /// 64-bit floating point, as the interpreter: results are bit-identical.
    case double
    /// 32-bit floating point: values are rounded to float when read, and arithmetic and math
    /// functions work in float; buffers still hold doubles (so monitors and exports are unchanged).
    case single
}
