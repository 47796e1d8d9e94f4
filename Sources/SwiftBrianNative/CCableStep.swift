import SwiftBrianKernel

/// The C function of one implicit step of the cable equation (``KernelOperation/solveCables(_:)``):
/// each value is computed by the same operations, in the same order, as in the interpreter's
/// `CableStep`, so that the two agree bit for bit (the recurrences of a section, which the
/// interpreter runs one after the other, run here in the same passes, side by side).
///
/// `sb_cable_steps(layout, cells, n)` solves the systems of `n` neurons that share one layout of
/// sections and nodes (``CableSystem/sharesLayout(with:)``), each described by an `sb_cable` of its
/// buffers in the order ``CEmitter`` lists them. A section that keeps its factorization in every
/// neuron (a passive one) is solved for all of them at once: their recurrences, serial within a
/// neuron, run interleaved, one compartment of every neuron after the other, so that the processor
/// overlaps them; every value is still computed by the operations it takes alone. A full group of
/// neurons that read one copy of their coefficients and factorization (alike cells, bound so by
/// ``CableSharing``) and all keep it is solved side by side, the neurons' values of one compartment
/// together in a work space on the stack, so that each operation is one vector operation for all of
/// them and the node system's matrix is eliminated once (`sb_cable_alike_lanes`): 100 ball-and-stick
/// cells over 100 ms, cpu_s 0.37–0.47 s before, 0.31–0.36 s after (11:18, interleaved).
package enum CCableStep {
    package static let source = #"""
    typedef struct sb_cable_layout {
        int64_t sections, count;
        const int32_t *starts, *stops, *start_nodes, *entries, *offsets, *children;
    } sb_cable_layout;
    typedef struct sb_cable {
        double dt;
        const double *v, *cm, *gtot, *i0, *diagonal, *upper, *lower, *end_response, *start_response, *to_start_g,
            *to_end_g;
        double *particular, *towards_end, *towards_start, *eliminated, *pivot, *factored, *node_diagonal,
            *node_parent, *node_value, *node_child, *capacitive;
    } sb_cable;
    /* The most neurons whose sections are solved interleaved. */
    #define SB_CABLE_LANES 8

    /* Whether the section's gtot is the one it was last factorized with. */
    static int sb_cable_unchanged(const sb_cable *cell, int64_t first, int64_t stop) {
        const double *restrict gtot = cell->gtot, *restrict factored = cell->factored;
        int unchanged = 1;
        for (int64_t j = first; j < stop; j++) unchanged &= gtot[j] == factored[j];
        return unchanged;
    }

    /* One pass forward and one back through a section of one neuron. A section whose gtot changed
       (fresh) is factorized anew in the same passes (the reciprocal pivots, the eliminated upper
       diagonal, the unit responses), so that its recurrences, each carried in a register, run side
       by side; a kept section solves only for the particular solution, with its kept pivots
       (clang makes a loop for each case). j == 0 (the first compartment of the whole tree) divides
       by its diagonal, as in Brian. */
    static void sb_cable_section(const sb_cable *cell, int64_t first, int64_t stop, int fresh) {
        const double dt = cell->dt;
        const double *restrict v = cell->v, *restrict cm = cell->cm, *restrict gtot = cell->gtot,
            *restrict i0 = cell->i0, *restrict diagonal = cell->diagonal, *restrict upper = cell->upper,
            *restrict lower = cell->lower, *restrict end_response = cell->end_response,
            *restrict start_response = cell->start_response;
        double *restrict particular = cell->particular, *restrict towards_end = cell->towards_end,
            *restrict towards_start = cell->towards_start, *restrict eliminated = cell->eliminated,
            *restrict pivot = cell->pivot, *restrict factored = cell->factored;
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

    /* A section that keeps its factorization in each of n <= SB_CABLE_LANES neurons: as the kept
       case of sb_cable_section, each neuron's values by the same operations, the neurons' steps
       interleaved. The right-hand side (-(cm/dt*v) - i0, with its division) is computed first, in a
       loop of its own, so that only the recurrences remain in the interleaved passes. Inlined, so
       that with n = SB_CABLE_LANES the compiler unrolls the neurons and keeps their values in
       registers. */
    static inline __attribute__((always_inline)) void sb_cable_kept_sections(const sb_cable *const *cells,
                                                                             int64_t n, int64_t first, int64_t stop) {
        double p[SB_CABLE_LANES], *particular[SB_CABLE_LANES];
        const double *lower[SB_CABLE_LANES], *pivot[SB_CABLE_LANES], *eliminated[SB_CABLE_LANES];
        for (int64_t c = 0; c < n; c++) {
            const double dt = cells[c]->dt;
            const double *restrict v = cells[c]->v, *restrict cm = cells[c]->cm, *restrict i0 = cells[c]->i0;
            double *restrict rhs = cells[c]->particular;
            particular[c] = rhs;
            lower[c] = cells[c]->lower;
            pivot[c] = cells[c]->pivot;
            eliminated[c] = cells[c]->eliminated;
            for (int64_t j = first; j < stop; j++) rhs[j] = -(cm[j] / dt * v[j]) - i0[j];
            if (first == 0) {
                p[c] = rhs[0] / (cells[c]->diagonal[0] - cells[c]->gtot[0]);
                rhs[0] = p[c];
            } else {
                p[c] = rhs[first - 1];
            }
        }
        for (int64_t j = first == 0 ? 1 : first; j < stop; j++) {
            for (int64_t c = 0; c < n; c++) {
                p[c] = (particular[c][j] - lower[c][j] * p[c]) * pivot[c][j];
                particular[c][j] = p[c];
            }
        }
        for (int64_t j = stop - 2; j >= first; j--) {
            for (int64_t c = 0; c < n; c++) {
                p[c] = particular[c][j] - eliminated[c][j] * p[c];
                particular[c][j] = p[c];
            }
        }
    }

    /* The node system (current conservation at each node; the root's start node is sealed) of n
       neurons side by side, then their potentials in place of their particular solutions x (x[j * n +
       c]: neuron c's value of compartment j). The matrix depends only on the couplings (towards_start,
       towards_end, to_start_g, to_end_g), which the n neurons share; it is built and eliminated once,
       and each neuron's values take the same operations in the same order whatever n is. node_value
       holds n values per node. Inlined, so that n is a constant (1, or SB_CABLE_LANES, where each
       operation on the values becomes one vector operation). */
    static inline __attribute__((always_inline)) void sb_cable_node_solve(
        const sb_cable_layout *layout, const double *restrict towards_start, const double *restrict towards_end,
        const double *restrict to_start_g, const double *restrict to_end_g, double *restrict x,
        double *restrict node_diagonal, double *restrict node_parent, double *restrict node_child,
        double *restrict node_value, int64_t n) {
        const int64_t sections = layout->sections;
        const int32_t *restrict starts = layout->starts, *restrict stops = layout->stops,
            *restrict start_nodes = layout->start_nodes, *restrict entries = layout->entries,
            *restrict offsets = layout->offsets, *restrict children = layout->children;
        for (int64_t s = 0; s < sections; s++) {
            const int64_t first = starts[s], last = stops[s] - 1, node = start_nodes[s], entry = entries[s];
            const double to_start = to_start_g[s], to_end = to_end_g[s];
            if (s == 0) {
                node_diagonal[0] = towards_start[first] - 1;
                node_child[entry] = towards_end[first];
                for (int64_t c = 0; c < n; c++) node_value[c] = -x[first * n + c];
            } else {
                node_diagonal[node] += (1 - towards_start[first]) * to_start;
                node_child[entry] = -towards_end[first] * to_start;
                for (int64_t c = 0; c < n; c++) node_value[node * n + c] += x[first * n + c] * to_start;
            }
            node_diagonal[s + 1] = (1 - towards_end[last]) * to_end;
            node_parent[s + 1] = -towards_start[last] * to_end;
            for (int64_t c = 0; c < n; c++) node_value[(s + 1) * n + c] = x[last * n + c] * to_end;
        }
        for (int64_t node = sections; node >= 0; node--) {
            for (int64_t k = offsets[node]; k < offsets[node + 1]; k++) {
                const int64_t child = children[k];
                const double factor = node_child[k] / node_diagonal[child];
                node_diagonal[node] = node_diagonal[node] - factor * node_parent[child];
                for (int64_t c = 0; c < n; c++) {
                    node_value[node * n + c] = node_value[node * n + c] - factor * node_value[child * n + c];
                }
            }
        }
        for (int64_t c = 0; c < n; c++) node_value[c] = node_value[c] / node_diagonal[0];
        for (int64_t node = 1; node <= sections; node++) {
            const int64_t parent = start_nodes[node - 1];
            for (int64_t c = 0; c < n; c++) {
                node_value[node * n + c] = (node_value[node * n + c] - node_parent[node] * node_value[parent * n + c])
                    / node_diagonal[node];
            }
        }
        for (int64_t s = 0; s < sections; s++) {
            const int64_t start = start_nodes[s];
            for (int64_t j = starts[s]; j < stops[s]; j++) {
                for (int64_t c = 0; c < n; c++) {
                    x[j * n + c] = x[j * n + c] + node_value[start * n + c] * towards_start[j]
                        + node_value[(s + 1) * n + c] * towards_end[j];
                }
            }
        }
    }

    /* The node system of one neuron (sb_cable_node_solve), its potentials in place of the particular
       solution, and its capacitive current. */
    static void sb_cable_nodes(const sb_cable_layout *layout, const sb_cable *cell) {
        const double dt = cell->dt;
        const double *restrict v = cell->v, *restrict cm = cell->cm;
        double *restrict particular = cell->particular, *restrict capacitive = cell->capacitive;
        sb_cable_node_solve(layout, cell->towards_start, cell->towards_end, cell->to_start_g, cell->to_end_g,
                            particular, cell->node_diagonal, cell->node_parent, cell->node_child, cell->node_value, 1);
        for (int64_t i = 0; i < layout->count; i++) {
            capacitive[i] = cm[i] * (particular[i] - v[i]) / dt;
        }
    }

    /* The most compartments and sections of a cell whose group sb_cable_alike_lanes solves (its work
       space, on the stack, takes SB_CABLE_LANES * 8 bytes per compartment and node). */
    #define SB_CABLE_ALIKE_COMPARTMENTS 256
    #define SB_CABLE_ALIKE_SECTIONS 63

    /* Whether sb_cable_alike_lanes may solve the group: SB_CABLE_LANES neurons that read one copy of
       the coefficients of the kept case (couplings, node conductances) and of the factorization, of a
       cell small enough for its work space, whose sections follow each other. */
    static int sb_cable_alike(const sb_cable_layout *layout, const sb_cable *group, int64_t lanes) {
        if (lanes != SB_CABLE_LANES || layout->count > SB_CABLE_ALIKE_COMPARTMENTS
            || layout->sections > SB_CABLE_ALIKE_SECTIONS || layout->starts[0] != 0) return 0;
        for (int64_t s = 1; s < layout->sections; s++) {
            if (layout->starts[s] != layout->stops[s - 1]) return 0;
        }
        int alike = 1;
        for (int64_t c = 1; c < lanes; c++) {
            alike &= group[c].lower == group[0].lower && group[c].pivot == group[0].pivot
                && group[c].eliminated == group[0].eliminated && group[c].towards_end == group[0].towards_end
                && group[c].towards_start == group[0].towards_start && group[c].to_start_g == group[0].to_start_g
                && group[c].to_end_g == group[0].to_end_g;
        }
        return alike;
    }

    /* The kept case of sb_cable_section and sb_cable_kept_sections, then sb_cable_nodes, for a group
       of SB_CABLE_LANES neurons that keep one factorization (sb_cable_alike): each neuron's values by
       the same operations in the same order, the neurons side by side in the work space (x[j][c], the
       neurons' values of compartment j together), so that each operation is one vector operation for
       all of them. What depends only on the shared coefficients (the node system's matrix and its
       elimination) is computed once. */
    static void sb_cable_alike_lanes(const sb_cable_layout *layout, const sb_cable *group) {
        enum { L = SB_CABLE_LANES };
        const int64_t sections = layout->sections, count = layout->count;
        const int32_t *restrict starts = layout->starts, *restrict stops = layout->stops;
        const double *restrict lower = group[0].lower, *restrict pivot = group[0].pivot,
            *restrict eliminated = group[0].eliminated, *restrict towards_end = group[0].towards_end,
            *restrict towards_start = group[0].towards_start, *restrict to_start_g = group[0].to_start_g,
            *restrict to_end_g = group[0].to_end_g;
        double x[SB_CABLE_ALIKE_COMPARTMENTS][L], dt[L];
        double node_diagonal[SB_CABLE_ALIKE_SECTIONS + 1], node_parent[SB_CABLE_ALIKE_SECTIONS + 1],
            node_child[SB_CABLE_ALIKE_SECTIONS + 1], node_value[SB_CABLE_ALIKE_SECTIONS + 1][L];
        for (int64_t c = 0; c < L; c++) dt[c] = group[c].dt;
        for (int64_t s = 0; s < sections; s++) {
            const int64_t first = starts[s], stop = stops[s];
            for (int64_t j = first; j < stop; j++) {
                for (int64_t c = 0; c < L; c++) x[j][c] = -(group[c].cm[j] / dt[c] * group[c].v[j]) - group[c].i0[j];
            }
            /* The recurrences carry their value (p) in registers, not through the work space. */
            double p[L];
            int64_t j = first;
            if (first == 0) {
                for (int64_t c = 0; c < L; c++) {
                    p[c] = x[0][c] / (group[c].diagonal[0] - group[c].gtot[0]);
                    x[0][c] = p[c];
                }
                j = 1;
            } else {
                for (int64_t c = 0; c < L; c++) p[c] = x[first - 1][c];
            }
            for (; j < stop; j++) {
                const double a = lower[j], m = pivot[j];
                for (int64_t c = 0; c < L; c++) {
                    p[c] = (x[j][c] - a * p[c]) * m;
                    x[j][c] = p[c];
                }
            }
            for (j = stop - 2; j >= first; j--) {
                const double e = eliminated[j];
                for (int64_t c = 0; c < L; c++) {
                    p[c] = x[j][c] - e * p[c];
                    x[j][c] = p[c];
                }
            }
        }
        sb_cable_node_solve(layout, towards_start, towards_end, to_start_g, to_end_g, &x[0][0], node_diagonal,
                            node_parent, node_child, &node_value[0][0], L);
        for (int64_t c = 0; c < L; c++) {
            const double *restrict v = group[c].v, *restrict cm = group[c].cm;
            double *restrict particular = group[c].particular, *restrict capacitive = group[c].capacitive;
            for (int64_t i = 0; i < count; i++) {
                particular[i] = x[i][c];
                capacitive[i] = cm[i] * (x[i][c] - v[i]) / dt[c];
            }
        }
    }

    /* Whether a neuron of the group keeps its factorization in the same storage as an earlier one
       (the native backend binds the factorizations of neurons with equal coefficients to one copy). */
    static int sb_cable_shares_factorization(const sb_cable *group, int64_t lanes) {
        for (int64_t c = 1; c < lanes; c++) {
            for (int64_t d = 0; d < c; d++) {
                if (group[c].pivot == group[d].pivot) return 1;
            }
        }
        return 0;
    }

    /* Whether every section of every neuron of the group keeps its factorization. */
    static int sb_cable_all_unchanged(const sb_cable_layout *layout, const sb_cable *group, int64_t lanes) {
        int unchanged = 1;
        for (int64_t c = 0; c < lanes; c++) {
            for (int64_t s = 0; s < layout->sections; s++) {
                unchanged &= sb_cable_unchanged(&group[c], layout->starts[s], layout->stops[s]);
            }
        }
        return unchanged;
    }

    __attribute__((noinline)) static void sb_cable_steps(const sb_cable_layout *layout, const sb_cable *cells,
                                                         int64_t n) {
        for (int64_t g = 0; g < n; g += SB_CABLE_LANES) {
            const sb_cable *group = cells + g;
            const int64_t lanes = n - g < SB_CABLE_LANES ? n - g : SB_CABLE_LANES;
            if (sb_cable_alike(layout, group, lanes) && sb_cable_all_unchanged(layout, group, lanes)) {
                sb_cable_alike_lanes(layout, group);
                continue;
            }
            /* Neurons sharing a factorization: a new one would replace the one another neuron still
               reads (its unit responses, in the node system), so unless all keep theirs each neuron is
               solved whole before the next. */
            int all_kept = 0;
            if (sb_cable_shares_factorization(group, lanes)) {
                all_kept = sb_cable_all_unchanged(layout, group, lanes);
                if (!all_kept) {
                    for (int64_t c = 0; c < lanes; c++) {
                        for (int64_t s = 0; s < layout->sections; s++) {
                            const int64_t first = layout->starts[s], stop = layout->stops[s];
                            sb_cable_section(&group[c], first, stop, !sb_cable_unchanged(&group[c], first, stop));
                        }
                        sb_cable_nodes(layout, &group[c]);
                    }
                    continue;
                }
            }
            for (int64_t s = 0; s < layout->sections; s++) {
                /* The neurons whose section keeps its factorization together, the others alone. */
                const int64_t first = layout->starts[s], stop = layout->stops[s];
                const sb_cable *kept[SB_CABLE_LANES];
                int64_t n_kept = 0;
                for (int64_t c = 0; c < lanes; c++) {
                    if (all_kept || sb_cable_unchanged(&group[c], first, stop)) {
                        kept[n_kept++] = &group[c];
                    } else {
                        sb_cable_section(&group[c], first, stop, 1);
                    }
                }
                if (n_kept == 1) sb_cable_section(kept[0], first, stop, 0);
                if (n_kept == SB_CABLE_LANES) {
                    sb_cable_kept_sections(kept, SB_CABLE_LANES, first, stop);
                } else if (n_kept > 1) {
                    sb_cable_kept_sections(kept, n_kept, first, stop);
                }
            }
            for (int64_t c = 0; c < lanes; c++) sb_cable_nodes(layout, &group[c]);
        }
    }

    """#

    /// The buffers of `system` an `sb_cable` points to, after `dt`, in its order: those the step
    /// only reads (its `const` fields), then those it writes (``written(by:)``).
    static func fields(of system: CableSystem) -> [DoubleBuffer] {
        [system.v, system.capacitance, system.conductance, system.current, system.diagonal, system.upper,
         system.lower, system.endResponse, system.startResponse, system.startConductance, system.endConductance]
            + written(by: system)
    }

    /// What the step of `system` may change: the `sb_cable` fields that are not `const` (its work
    /// space, kept factorization and capacitive current), so that what the C code writes is marked
    /// changed (see ``KernelWrites``) and what it only reads is not.
    package static func written(by system: CableSystem) -> [DoubleBuffer] {
        [system.particular, system.towardsEnd, system.towardsStart, system.eliminated, system.pivot,
         system.factoredConductance, system.nodeDiagonal, system.nodeParent, system.nodeValue, system.nodeChild,
         system.capacitiveCurrent]
    }
}
