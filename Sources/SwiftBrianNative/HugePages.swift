#if canImport(Glibc)
import Glibc
#endif
import CSwiftBrianRuntime
import SwiftBrianKernel

/// Asks Linux to back the memory of a prepared loop's buffers with huge pages (2 MiB), so that a
/// step touching many small buffers misses the translation caches (TLB) less: 1000 ball-and-stick
/// cells keep their state in about 7,000 buffers of 408 bytes spread over some 40 MB of the heap,
/// 10,000 pages of 4 kB, which a step walks through one cell after the other.
///
/// Where transparent huge pages are enabled only on request (`madvise`, a common default), the
/// spans of memory the buffers (their headers and elements) lie in, merged where less than a huge
/// page apart, are marked for huge pages (`MADV_HUGEPAGE`) and, from Linux 6.1, collapsed into
/// them at once (`MADV_COLLAPSE`): only the whole huge pages inside each span. It is advice: the
/// kernel may decline it (an error is ignored), and no value changes. Marking alone does not
/// change memory already in use, hence the collapse, which copies it (26 ms for the cells' 40 MB
/// at the first `prepare`, 3 ms when they are huge pages already), up to ``collapsedBytes``.
///
/// Measured on 1000 ball-and-stick cells, one thread (3 Dec 2026 06:31–06:32 UTC, 9 interleaved
/// rounds, each cell's `Cm` and `area` shared, ``CableSharing``): run_s median 0.723 s without,
/// 0.694 s with (cpu_s 0.721 s, 0.691 s; less in 7 of 9 rounds), prepare_s median 0.141 s, 0.179 s;
/// 38 MB of the process's memory in huge pages during the run.
enum HugePages {
    /// The size of a huge page (x86-64's and most of arm64's).
    static let size = 2 << 20
    /// The most memory collapsed at a `prepare`, which copies it at every run: Brunel–Hakim at
    /// N = 50,000 (200 MB of synapses) took 0.30 s to prepare instead of 0.005 s (2026-12-03).
    /// Larger spans are only marked, for the pages they fault in later.
    static let collapsedBytes = 64 << 20

    /// Advises huge pages for the memory of `owners` (the buffers among a loop's bound objects, an
    /// object bound several times listed as often).
    static func advise(_ owners: [AnyObject]) {
        #if os(Linux)
        // MADV_COLLAPSE, which glibc names only from 2.37; a kernel before 6.1 refuses it.
        let collapse: Int32 = 25
        var seen: Set<ObjectIdentifier> = []
        let extents = owners.filter { seen.insert(ObjectIdentifier($0)).inserted }
            .compactMap { ($0 as? any HugePageAdvisable)?.extents }
        let advised = spans(extents.flatMap { $0 })
        let collapsing = advised.reduce(0) { $0 + $1.count } <= UInt(collapsedBytes)
        for span in advised {
            let pages = UnsafeMutableRawPointer(bitPattern: span.lowerBound)
            _ = madvise(pages, span.count, MADV_HUGEPAGE)
            if collapsing { _ = madvise(pages, span.count, collapse) }
        }
        #endif
    }

    /// The whole huge pages inside the spans that `extents` (address ranges) cover, each span made of
    /// extents less than a huge page apart: the ranges to advise, in address order.
    static func spans(_ extents: [Range<UInt>]) -> [Range<UInt>] {
        let page = UInt(size)
        var merged: [Range<UInt>] = []
        for extent in extents.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, extent.lowerBound < last.upperBound + page {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, extent.upperBound)
            } else {
                merged.append(extent)
            }
        }
        return merged.compactMap { span in
            let start = (span.lowerBound + page - 1) / page * page, end = span.upperBound / page * page
            return start < end ? start..<end : nil
        }
    }
}

/// Memory whose addresses ``HugePages`` advises.
private protocol HugePageAdvisable {
    /// The address ranges of its memory.
    var extents: [Range<UInt>] { get }
}

extension Buffer: HugePageAdvisable {
    /// The header and the elements allocated.
    fileprivate var extents: [Range<UInt>] {
        let header = UInt(bitPattern: self.header)
        let elements = UInt(bitPattern: self.header.pointee.data)
        return [header..<header + UInt(MemoryLayout<sb_buffer>.stride), elements..<elements + UInt(allocatedBytes)]
    }
}
