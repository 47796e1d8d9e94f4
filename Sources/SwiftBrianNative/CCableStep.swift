/// The C function of one implicit step of the cable equation (``KernelOperation/solveCable(_:)``):
/// each value is computed by the same operations, in the same order, as in the interpreter's
/// `CableStep`, so that the two agree bit for bit (the recurrences of a section, which the
/// interpreter runs one after the other, run here in the same passes, side by side). Buffers are
/// passed in the order ``CEmitter`` lists them for the operation.
package enum CCableStep {
    package static let source = #"""
    __attribute__((noinline)) static void sb_cable_step(int64_t sections, const int32_t *restrict starts,
                              const int32_t *restrict stops, const int32_t *restrict start_nodes,
                              const int32_t *restrict entries, const int32_t *restrict offsets,
                              const int32_t *restrict children, double dt, const double *restrict v,
                              const double *restrict cm, const double *restrict gtot, const double *restrict i0,
                              const double *restrict diagonal, const double *restrict upper,
                              const double *restrict lower, const double *restrict end_response,
                              const double *restrict start_response, const double *restrict to_start_g,
                              const double *restrict to_end_g, double *restrict particular,
                              double *restrict towards_end, double *restrict towards_start,
                              double *restrict eliminated, double *restrict pivot, double *restrict factored,
                              double *restrict node_diagonal, double *restrict node_parent,
                              double *restrict node_value, double *restrict node_child,
                              double *restrict capacitive, int64_t count) {
        for (int64_t s = 0; s < sections; s++) {
            const int64_t first = starts[s], stop = stops[s];
            int unchanged = 1;
            for (int64_t j = first; j < stop; j++) unchanged &= gtot[j] == factored[j];
            /* One pass forward and one back. A section whose gtot changed is factorized anew in
               the same passes (the reciprocal pivots, the eliminated upper diagonal, the unit
               responses), so that its recurrences, each carried in a register, run side by side;
               a kept section solves only for the particular solution, with its kept pivots
               (clang makes a loop for each case). j == 0 (the first compartment of the whole
               tree) divides by its diagonal, as in Brian. */
            const int fresh = !unchanged;
            int64_t j = first;
            double e = 0, te = 0, ts = 0, p = 0;
            if (j == 0) {
                const double b = diagonal[0] - gtot[0];
                if (fresh) {
                    factored[0] = gtot[0];
                    e = upper[0] / b;
                    te = end_response[0] / b;
                    ts = start_response[0] / b;
                    eliminated[0] = e;
                    towards_end[0] = te;
                    towards_start[0] = ts;
                }
                p = (-(cm[0] / dt * v[0]) - i0[0]) / b;
                particular[0] = p;
                j = 1;
            } else {
                if (fresh) {
                    e = eliminated[j - 1];
                    te = towards_end[j - 1];
                    ts = towards_start[j - 1];
                }
                p = particular[j - 1];
            }
            for (; j < stop; j++) {
                const double a = lower[j];
                double m;
                if (fresh) {
                    m = 1.0 / (diagonal[j] - gtot[j] - a * e);
                    factored[j] = gtot[j];
                    pivot[j] = m;
                    e = upper[j] * m;
                    te = (end_response[j] - a * te) * m;
                    ts = (start_response[j] - a * ts) * m;
                    eliminated[j] = e;
                    towards_end[j] = te;
                    towards_start[j] = ts;
                } else {
                    m = pivot[j];
                }
                p = (-(cm[j] / dt * v[j]) - i0[j] - a * p) * m;
                particular[j] = p;
            }
            for (j = stop - 2; j >= first; j--) {
                const double c = eliminated[j];
                if (fresh) {
                    te = towards_end[j] - c * te;
                    ts = towards_start[j] - c * ts;
                    towards_end[j] = te;
                    towards_start[j] = ts;
                }
                p = particular[j] - c * p;
                particular[j] = p;
            }
        }
        for (int64_t s = 0; s < sections; s++) {
            const int64_t first = starts[s], last = stops[s] - 1, node = start_nodes[s], entry = entries[s];
            const double to_start = to_start_g[s], to_end = to_end_g[s];
            if (s == 0) {
                node_diagonal[0] = towards_start[first] - 1;
                node_child[entry] = towards_end[first];
                node_value[0] = -particular[first];
            } else {
                node_diagonal[node] += (1 - towards_start[first]) * to_start;
                node_child[entry] = -towards_end[first] * to_start;
                node_value[node] += particular[first] * to_start;
            }
            node_diagonal[s + 1] = (1 - towards_end[last]) * to_end;
            node_parent[s + 1] = -towards_start[last] * to_end;
            node_value[s + 1] = particular[last] * to_end;
        }
        for (int64_t node = sections; node >= 0; node--) {
            for (int64_t k = offsets[node]; k < offsets[node + 1]; k++) {
                const int64_t child = children[k];
                const double factor = node_child[k] / node_diagonal[child];
                node_diagonal[node] = node_diagonal[node] - factor * node_parent[child];
                node_value[node] = node_value[node] - factor * node_value[child];
            }
        }
        node_value[0] = node_value[0] / node_diagonal[0];
        for (int64_t node = 1; node <= sections; node++) {
            const int64_t parent = start_nodes[node - 1];
            node_value[node] = (node_value[node] - node_parent[node] * node_value[parent]) / node_diagonal[node];
        }
        for (int64_t s = 0; s < sections; s++) {
            const double start_value = node_value[start_nodes[s]], end_value = node_value[s + 1];
            for (int64_t j = starts[s]; j < stops[s]; j++) {
                particular[j] = particular[j] + start_value * towards_start[j] + end_value * towards_end[j];
            }
        }
        for (int64_t i = 0; i < count; i++) {
            capacitive[i] = cm[i] * (particular[i] - v[i]) / dt;
        }
    }

    """#
}
