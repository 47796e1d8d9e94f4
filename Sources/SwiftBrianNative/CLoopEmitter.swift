/// The whole-run loop of a generated library: `sb_run` advances the clocks and calls the kernels
/// of each step in schedule order, exactly as the Swift loop of `Network.run` does, so that a run
/// without network operations never returns to Swift between steps.
///
///     int sb_run(sb_buffer ***kb, sb_queue ***kq, const double **kc, uint64_t seed, char *error,
///                double **steps, double **times, double **dts, const int64_t *ends,
///                int64_t max_steps, int64_t *done)
///
/// `kb`, `kq`, `kc` hold each kernel's buffers, queues and constants; `steps`, `times`, `dts` each
/// clock's one-element buffers and `ends` its end step. It returns 0 when every clock has reached
/// its end, 1 when the next step involves Swift (a clock in `swiftClocks`), 2 after `max_steps`
/// steps, -1 with a message in `error` when a kernel failed (-2 when a value was not finite: then
/// `error` holds the kernel's position and the numbers of the failed check; -3 when a buffer could
/// not grow: then `error` holds the numbers of `CEmitter.growthReport`);
/// `done` is the number of steps run.
///
/// The kernels with a `parallel` entry run on the threads of ``CThreadPool`` (whose source must
/// come before the loop when any has one), the others on the calling thread; a kernel that
/// measures its work runs there only in steps with at least its `minimumWork` (its synapses),
/// otherwise on the calling thread alone. The kernels of an independent group (`groups`: each
/// member's first kernel, then one past the last member's last) run as one parallel part function,
/// `sb_group_G`, which gets the whole tables (`kb`, `kq`, `kc`, cast to a kernel's argument types)
/// and runs its thread's share of the members, a contiguous run of whole members, one kernel after
/// the other with `sb_parts` 1: each member's values are those of one thread. A failing kernel
/// stops its thread's share and reports its position (`sb_fail_order`, so that the first failure
/// in schedule order wins; the status it returns is `sb_failed`'s, already negative).
///
/// `blockedSteps` (see ``StepBlocks``) runs a chunk by blocks of elements first. With
/// `fastKernelNames`, the table of the kernels' forms for a chunk whose start allows them, a chunk
/// runs with those where `finiteAdds` (see ``FiniteAdds``), if any, finds the buffers it adds to
/// finite, kept first and put back where one failed with `optimisticChunks` (see
/// ``OptimisticChunks``; the table then holds the optimistic forms, and the pairs of `fused` run
/// together, see ``FusedThresholds``). Each falls back to the steps with `sb_kernels`, all checked.
enum CLoopEmitter {
    /// How a kernel runs on the threads: its function's companions, by name.
    struct Parallel {
        /// What runs after the parts (a threshold's join of their events).
        var join: String?
        /// What measures the kernel's work in a step (a pathway's synapses).
        var work: String?
        /// The work below which the kernel runs on the calling thread alone.
        var minimumWork = 0
    }

    static func source(kernelNames: [String], kernelClocks: [Int], parallel: [Parallel?], groups: [[Int]],
                       clockCount: Int, swiftClocks: Set<Int>, blockedSteps: String? = nil,
                       fastKernelNames: [String]? = nil, finiteAdds: String? = nil,
                       optimisticChunks: String? = nil, fused: FusedThresholds? = nil) -> String {
        var lines: [String] = []
        let threaded = parallel.contains { $0 != nil } || !groups.isEmpty
        // A failed finite check's numbers get the kernel's position in front (see NativeBackend).
        lines.append("static int sb_failed(int status, int kernel, char *error) {")
        lines.append("    if (status == \(CEmitter.growthFailedStatus)) return -3;")
        lines.append("    if (status != \(CEmitter.nonFiniteStatus)) return -1;")
        lines.append("    char numbers[512];")
        lines.append("    memcpy(numbers, error, 512);")
        lines.append("    snprintf(error, 512, \"%d %s\", kernel, numbers);")
        lines.append("    return -2;")
        lines.append("}")
        let table = kernelNames.isEmpty ? ["0"] : kernelNames, clocks = kernelClocks.isEmpty ? [0] : kernelClocks
        lines.append("typedef int (*sb_kernel_function)(sb_buffer **, sb_queue **, const double *, uint64_t, char *);")
        lines.append("static const sb_kernel_function sb_kernels[] = {\(table.joined(separator: ", "))};")
        lines.append("static const int sb_kernel_clocks[] = {\(clocks.map(String.init).joined(separator: ", "))};")
        if threaded {
            lines.append("static const unsigned char sb_kernel_parallel[] = {\(parallel.map { $0 == nil ? "0" : "1" }.joined(separator: ", "))};")
            lines.append("static const sb_kernel_function sb_kernel_joins[] = {\(parallel.map { $0?.join ?? "0" }.joined(separator: ", "))};")
            lines.append("typedef int64_t (*sb_work_function)(sb_buffer **, sb_queue **);")
            lines.append("static const sb_work_function sb_kernel_works[] = {\(parallel.map { $0?.work ?? "0" }.joined(separator: ", "))};")
            lines.append("static const int64_t sb_kernel_minimum_works[] = {\(parallel.map { String($0?.minimumWork ?? 0) }.joined(separator: ", "))};")
        }
        if !groups.isEmpty { lines += groupSource(groups, kernelCount: kernelNames.count) }
        if let blockedSteps { lines.append(blockedSteps) }
        if let fastKernelNames {
            lines.append("static const sb_kernel_function sb_fast_kernels[] = {\(fastKernelNames.joined(separator: ", "))};")
        }
        if let finiteAdds { lines.append(finiteAdds) }
        if let optimisticChunks { lines.append(optimisticChunks) }
        let pairs = fused?.pairs ?? []
        if let fused, !pairs.isEmpty {
            var functions = [String](repeating: "0", count: kernelNames.count), away = functions
            for pair in pairs {
                functions[pair.update] = "sb_fused_\(pair.update)"
                away[pair.threshold] = "1"
            }
            lines.append(fused.source(kernelNames: kernelNames))
            lines.append("typedef int (*sb_tables_function)(sb_buffer ***, sb_queue ***, const double **, uint64_t, char *);")
            lines.append("static const sb_tables_function sb_fused_kernels[] = {\(functions.joined(separator: ", "))};")
            lines.append("static const unsigned char sb_fused_away[] = {\(away.joined(separator: ", "))};")
        }
        // The steps, with each kernel's function from `kernels` (its guarded or optimistic form),
        // and with `fused`, the fused pairs' functions in place of their kernels.
        lines.append("static int sb_steps(const sb_kernel_function *kernels, int fused, sb_buffer ***kb, sb_queue ***kq,")
        lines.append("                    const double **kc, uint64_t seed, char *error, double **steps, double **times,")
        lines.append("                    double **dts, const int64_t *ends, int64_t max_steps, int64_t *done) {")
        if pairs.isEmpty { lines.append("    (void)fused;") }
        lines.append("    int current[\(max(clockCount, 1))];")
        lines.append("    for (int64_t n = 0; n < max_steps; n++) {")
        lines.append("        int e = 0;")
        lines.append("        for (int i = 1; i < \(clockCount); i++) if (times[i][0] < times[e][0]) e = i;")
        lines.append("        if ((int64_t)steps[e][0] >= ends[e]) { *done = n; return 0; }")
        lines.append("        double now = times[e][0], tolerance = 1e-4 * dts[e][0];")
        lines.append("        for (int i = 0; i < \(clockCount); i++)")
        lines.append("            current[i] = times[i][0] == now || fabs(times[i][0] - now) < tolerance;")
        for clock in swiftClocks.sorted() {
            lines.append("        if (current[\(clock)]) { *done = n; return 1; }")
        }
        // The kernels as a table, not as a call each, so that a network of many groups compiles fast.
        lines.append("        for (int k = 0; k < \(kernelNames.count); k++) {")
        lines.append("            if (!current[sb_kernel_clocks[k]]) continue;")
        if !pairs.isEmpty {
            lines.append("            if (fused && sb_fused_away[k]) continue;")
            lines.append("            if (fused && sb_fused_kernels[k]) {")
            lines.append("                int s = sb_fused_kernels[k](kb, kq, kc, seed, error);")
            lines.append("                if (s) { *done = n; return sb_failed(s, k, error); }")
            lines.append("                continue;")
            lines.append("            }")
        }
        if !groups.isEmpty {
            lines.append("            if (sb_kernel_groups[k]) {")
            lines.append("                int s = sb_parallel(sb_kernel_groups[k], 0, (sb_buffer **)kb, (sb_queue **)kq, (const double *)kc, seed, error);")
            lines.append("                if (s) { *done = n; return s < 0 ? s : sb_failed(s, k, error); }")
            lines.append("                k = sb_kernel_group_ends[k] - 1;")
            lines.append("                continue;")
            lines.append("            }")
        }
        if threaded {
            lines.append("            int s = sb_kernel_parallel[k] && (!sb_kernel_works[k] || sb_kernel_works[k](kb[k], kq[k]) >= sb_kernel_minimum_works[k])")
            lines.append("                ? sb_parallel(kernels[k], sb_kernel_joins[k], kb[k], kq[k], kc[k], seed, error)")
            lines.append("                : kernels[k](kb[k], kq[k], kc[k], seed, error);")
        } else {
            lines.append("            int s = kernels[k](kb[k], kq[k], kc[k], seed, error);")
        }
        lines.append("            if (s) { *done = n; return sb_failed(s, k, error); }")
        lines.append("        }")
        lines.append("        for (int i = 0; i < \(clockCount); i++)")
        lines.append("            if (current[i]) { steps[i][0] += 1; times[i][0] = steps[i][0] * dts[i][0]; }")
        lines.append("    }")
        lines.append("    *done = max_steps;")
        lines.append("    return 2;")
        lines.append("}")
        lines.append("int sb_run(sb_buffer ***kb, sb_queue ***kq, const double **kc, uint64_t seed, char *error,")
        lines.append("           double **steps, double **times, double **dts, const int64_t *ends,")
        lines.append("           int64_t max_steps, int64_t *done) {")
        if blockedSteps != nil {
            // The chunk by blocks of elements (one clock, see StepBlocks); step by step where it failed.
            lines.append("    int64_t chunk = ends[0] - (int64_t)steps[0][0];")
            lines.append("    if (chunk > max_steps) chunk = max_steps;")
            lines.append("    if (chunk > 1 && sb_blocked_steps(kb, kq, kc, seed, error, steps[0], times[0], dts[0], chunk) == 0) {")
            lines.append("        *done = chunk;")
            lines.append("        return chunk == max_steps ? 2 : 0;")
            lines.append("    }")
        }
        if fastKernelNames != nil {
            // The chunk with the fast forms where the buffers added to are finite (see FiniteAdds);
            // with optimistic ones, kept first, put back and run again guarded where one failed.
            let holds = finiteAdds == nil ? "" : "sb_finite_adds_hold(kb)"
            let fast = "sb_steps(sb_fast_kernels, 1, kb, kq, kc, seed, error, steps, times, dts, ends, max_steps, done)"
            if optimisticChunks != nil {
                let minimum = OptimisticChunks.minimumSteps
                lines.append("    char *kept = \(holds.isEmpty ? "" : holds + " && ")max_steps >= \(minimum)"
                             + " && ends[0] - (int64_t)steps[0][0] >= \(minimum) ? sb_chunk_keep(kb, kq, steps, times, max_steps) : 0;")
                lines.append("    if (kept) {")
                lines.append("        int s = \(fast);")
                lines.append("        if (s >= 0) { free(kept); return s; }")
                lines.append("        sb_chunk_put_back(kb, kq, steps, times, kept);")
                lines.append("    }")
            } else if !holds.isEmpty {
                lines.append("    if (\(holds)) return \(fast);")
            }
        }
        lines.append("    return sb_steps(sb_kernels, 0, kb, kq, kc, seed, error, steps, times, dts, ends, max_steps, done);")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The part functions of `groups` (bounds into the kernels, see ``source(kernelNames:kernelClocks:parallel:groups:clockCount:swiftClocks:)``)
    /// and, per kernel, the group starting there (or 0) and where it ends.
    private static func groupSource(_ groups: [[Int]], kernelCount: Int) -> [String] {
        var lines = [
            "static int sb_group_members(const int *bounds, int members, sb_buffer ***kb, sb_queue ***kq, const double **kc,",
            "                            uint64_t seed, char *error) {",
            "    int64_t part = sb_part, parts = sb_parts;",
            "    int first = (int)(members * part / parts), last = (int)(members * (part + 1) / parts), status = 0;",
            "    sb_part = 0;",
            "    sb_parts = 1;",
            "    for (int k = bounds[first]; k < bounds[last]; k++) {",
            "        status = sb_kernels[k](kb[k], kq[k], kc[k], seed, error);",
            "        if (status) {",
            "            status = sb_failed(status, k, error);",
            "            sb_fail_order = k;",
            "            break;",
            "        }",
            "    }",
            "    sb_part = part;",
            "    sb_parts = parts;",
            "    return status;",
            "}",
        ]
        var starts = [String](repeating: "0", count: kernelCount), ends = [String](repeating: "0", count: kernelCount)
        for (g, bounds) in groups.enumerated() {
            lines.append("static const int sb_group_\(g)_bounds[] = {\(bounds.map(String.init).joined(separator: ", "))};")
            lines.append("static int sb_group_\(g)(sb_buffer **b, sb_queue **q, const double *c, uint64_t seed, char *error) {")
            lines.append("    return sb_group_members(sb_group_\(g)_bounds, \(bounds.count - 1), (sb_buffer ***)b, (sb_queue ***)q,")
            lines.append("                            (const double **)c, seed, error);")
            lines.append("}")
            starts[bounds[0]] = "sb_group_\(g)"
            ends[bounds[0]] = String(bounds[bounds.count - 1])
        }
        lines.append("static const sb_kernel_function sb_kernel_groups[] = {\(starts.joined(separator: ", "))};")
        lines.append("static const int sb_kernel_group_ends[] = {\(ends.joined(separator: ", "))};")
        return lines
    }
}
