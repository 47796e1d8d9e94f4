/// The C function of one implicit step of the cable equation (``KernelOperation/solveCable(_:)``):
/// the operations of the interpreter's `CableStep`, in the same order, so that the two agree bit
/// for bit. Buffers are passed in the order ``CEmitter`` lists them for the operation.
enum CCableStep {
    static let source = #"""
    __attribute__((noinline)) static void sb_cable_step(int64_t sections, const int32_t *starts, const int32_t *stops,
                              const int32_t *start_nodes, const int32_t *entries, const int32_t *offsets,
                              const int32_t *children, double dt, const double *v, const double *cm,
                              const double *gtot, const double *i0, const double *diagonal,
                              const double *upper, const double *lower, const double *end_response,
                              const double *start_response, const double *to_start_g, const double *to_end_g,
                              double *solution, double *particular, double *towards_end, double *towards_start,
                              double *eliminated, double *node_diagonal, double *node_parent,
                              double *node_value, double *node_child, double *capacitive, int64_t count) {
        for (int64_t s = 0; s < sections; s++) {
            const int64_t first = starts[s], stop = stops[s];
            for (int64_t j = first; j < stop; j++) {
                particular[j] = -(cm[j] / dt * v[j]) - i0[j];
                towards_end[j] = end_response[j];
                towards_start[j] = start_response[j];
                const double b = diagonal[j] - gtot[j];
                if (j > 0) {
                    const double a = lower[j];
                    const double m = 1.0 / (b - a * eliminated[j - 1]);
                    eliminated[j] = upper[j] * m;
                    particular[j] = (particular[j] - a * particular[j - 1]) * m;
                    towards_end[j] = (towards_end[j] - a * towards_end[j - 1]) * m;
                    towards_start[j] = (towards_start[j] - a * towards_start[j - 1]) * m;
                } else {
                    eliminated[j] = upper[j] / b;
                    particular[j] = particular[j] / b;
                    towards_end[j] = towards_end[j] / b;
                    towards_start[j] = towards_start[j] / b;
                }
            }
            for (int64_t j = stop - 2; j >= first; j--) {
                particular[j] = particular[j] - eliminated[j] * particular[j + 1];
                towards_end[j] = towards_end[j] - eliminated[j] * towards_end[j + 1];
                towards_start[j] = towards_start[j] - eliminated[j] * towards_start[j + 1];
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
                solution[j] = particular[j] + start_value * towards_start[j] + end_value * towards_end[j];
            }
        }
        for (int64_t i = 0; i < count; i++) {
            capacitive[i] = cm[i] * (solution[i] - v[i]) / dt;
        }
    }

    """#
}
