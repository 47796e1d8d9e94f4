import SwiftBrian
import XCTest

/// Brian 2.9's reference cases for neuron groups, built through the public API as a user would
/// write them, run on both backends (bit-identical results) and compared within each case's
/// tolerance.
final class NeuronGroupReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testLinearExact() throws {
        let reference = try ReferenceCase("linear_exact")
        try reference.check { backend in
            let G = try NeuronGroup(10, model: "dv/dt = -v/tau : 1", method: .exact, namespace: ["tau": 1 * second],
                                    name: "G")
            try G.v.set((0..<10).map { 0.1 + 0.1 * Double($0) })
            let M = try StateMonitor(G, "v", dt: 1 * ms)
            try Network(G, M, backend: backend).run(reference.duration)
            var result = CaseResult()
            try result.trace("G.v", M, "v")
            result.final("G.v", try G.v.values)
            return result
        }
    }

    func testLIFRefractory() throws {
        let reference = try ReferenceCase("lif_refractory")
        try reference.check { backend in
            let namespace: Namespace = ["tau": 10 * ms]
            let A = try NeuronGroup(20, model: """
                dv/dt = (I - v)/tau : 1 (unless refractory)
                I : 1 (constant)
                """, threshold: "v > 1", reset: "v = 0", refractory: 5 * ms, method: .exact, namespace: namespace,
                name: "A")
            let B = try NeuronGroup(20, model: """
                dv/dt = (I - v)/tau : 1 (unless refractory)
                I : 1 (constant)
                ref : second (constant)
                """, threshold: "v > 1", reset: "v = 0", refractory: "ref", method: .exact, namespace: namespace,
                name: "B")
            let C = try NeuronGroup(20, model: """
                dv/dt = (I - v)/tau : 1
                I : 1 (constant)
                """, threshold: "v > 1", reset: "v = 0", refractory: 10 * ms, method: .exact, namespace: namespace,
                name: "C")
            for G in [A, B, C] {
                try G.I.set(linspace(0.9, 2.0, 20))
                try G.v.set(0)
            }
            try B.ref.set("(1 + i % 3)*ms")
            let spikes = try [A, B, C].map { try SpikeMonitor($0) }
            let traces = try [A, B, C].map { try StateMonitor($0, "v", record: [19]) }
            try Network([A, B, C] + spikes + traces, backend: backend).run(reference.duration)
            var result = CaseResult()
            for (k, G) in [A, B, C].enumerated() {
                result.spikes(G.name, spikes[k])
                try result.trace("\(G.name).v", traces[k], "v")
                result.final("\(G.name).v", try G.v.values)
            }
            return result
        }
    }

    func testEulerNonlinear() throws {
        let reference = try ReferenceCase("euler_nonlinear")
        try reference.check { backend in
            let G = try NeuronGroup(10, model: "dv/dt = -v**1.1/tau : 1", method: .euler,
                                    namespace: ["tau": 10 * ms], name: "G")
            try G.v.set(linspace(0.1, 1, 10))
            let M = try StateMonitor(G, "v", dt: 1 * ms)
            try Network(G, M, backend: backend).run(reference.duration)
            var result = CaseResult()
            try result.trace("G.v", M, "v")
            result.final("G.v", try G.v.values)
            return result
        }
    }

    func testLIFThresholdReset() throws {
        let reference = try ReferenceCase("lif_threshold_reset")
        try reference.check { backend in
            let G = try NeuronGroup(20, model: """
                dv/dt = (I - v)/tau : 1
                I : 1 (constant)
                """, threshold: "v > 1", reset: "v = 0", method: .exact, namespace: ["tau": 10 * ms], name: "G")
            try G.I.set(linspace(0.9, 2.0, 20))
            try G.v.set(0)
            let S = try SpikeMonitor(G)
            let M = try StateMonitor(G, "v", record: [0, 2, 19], dt: 1 * ms)
            try Network(G, S, M, backend: backend).run(reference.duration)
            var result = CaseResult()
            result.spikes("G", S)
            try result.trace("G.v", M, "v")
            result.final("G.v", try G.v.values)
            return result
        }
    }

    func testLIFUnits() throws {
        let reference = try ReferenceCase("lif_units")
        try reference.check { backend in
            let G = try NeuronGroup(10, model: """
                dv/dt = (El - v + R*I)/taum : volt (unless refractory)
                I : amp (constant)
                """, threshold: "v > -50*mV", reset: "v = -65*mV", refractory: 2 * ms, method: .exact,
                namespace: ["taum": 20 * ms, "El": -65 * mV, "R": 100 * Mohm], name: "G")
            try G.I.set(linspace(0.1, 0.3, 10) * nA)
            try G.v.set("El + 2*mV*i")
            let S = try SpikeMonitor(G)
            let M = try StateMonitor(G, "v", record: [0, 5, 8, 9], dt: 0.5 * ms)
            try Network(G, S, M, backend: backend).run(reference.duration)
            var result = CaseResult()
            result.spikes("G", S)
            try result.trace("G.v", M, "v")
            result.final("G.v", try G.v.values)
            return result
        }
    }

    func testCoupledLinearExact() throws {
        let reference = try ReferenceCase("coupled_linear_exact")
        try reference.check { backend in
            let namespace: Namespace = ["taum": 20 * ms, "taue": 5 * ms, "taus": 3 * ms]
            let A = try NeuronGroup(5, model: """
                dv/dt = (ge - v)/taum : 1
                dge/dt = -ge/taue : 1
                """, method: .exact, namespace: namespace, name: "A")
            try A.v.set("0.1*i")
            try A.ge.set("1 - 0.2*i")
            let B = try NeuronGroup(5, model: """
                dv/dt = (g - v)/taum : 1
                dg/dt = (s - g)/taus : 1
                ds/dt = -s/taus : 1
                """, method: .exact, namespace: namespace, name: "B")
            try B.v.set("-0.05*i")
            try B.g.set("0.1*i")
            try B.s.set("1 + 0.5*i")
            let MA = try StateMonitor(A, variables: ["v", "ge"], dt: 0.5 * ms)
            let MB = try StateMonitor(B, variables: ["v", "g", "s"], dt: 0.5 * ms)
            try Network(A, B, MA, MB, backend: backend).run(reference.duration)
            var result = CaseResult()
            for (group, monitor) in [(A, MA), (B, MB)] {
                for variable in monitor.variables {
                    try result.trace("\(group.name).\(variable)", monitor, variable)
                    result.final("\(group.name).\(variable)", try group.variable(variable).values)
                }
            }
            return result
        }
    }

    func testAdExPatterns() throws {
        let reference = try ReferenceCase("adex_patterns")
        try reference.check { backend in
            let G = try NeuronGroup(4, model: """
                dv/dt = (gL*(EL - v) + gL*DeltaT*exp((v - VT)/DeltaT) + I - w)/C : volt
                dw/dt = (a*(v - EL) - w)/tauw : amp
                C : farad (constant)
                gL : siemens (constant)
                EL : volt (constant)
                VT : volt (constant)
                DeltaT : volt (constant)
                a : siemens (constant)
                tauw : second (constant)
                b : amp (constant)
                Vr : volt (constant)
                I : amp (constant)
                """, threshold: "v > 0*mV", reset: "v = Vr; w += b", method: .euler, name: "G")
            //                   tonic  adaptation  initial burst  regular bursting
            try G.C.set([200, 200, 130, 200] * pF)
            try G.gL.set([10, 12, 18, 10] * nS)
            try G.EL.set([-70, -70, -58, -58] * mV)
            try G.VT.set([-50, -50, -50, -50] * mV)
            try G.DeltaT.set([2, 2, 2, 2] * mV)
            try G.a.set([2, 2, 4, 2] * nS)
            try G.tauw.set([30, 300, 150, 120] * ms)
            try G.b.set([0, 60, 120, 100] * pA)
            try G.Vr.set([-58, -58, -50, -46] * mV)
            try G.I.set([500, 500, 400, 210] * pA)
            try G.v.set("EL")
            try G.w.set(0 * amp)
            let S = try SpikeMonitor(G)
            let Mv = try StateMonitor(G, "v", dt: 0.5 * ms)
            let Mw = try StateMonitor(G, "w", dt: 1 * ms)
            try Network(G, S, Mv, Mw, backend: backend).run(reference.duration)
            var result = CaseResult()
            result.spikes("G", S)
            try result.trace("G.v", Mv, "v")
            try result.trace("G.w", Mw, "w")
            result.final("G.v", try G.v.values)
            result.final("G.w", try G.w.values)
            return result
        }
    }

    func testIzhikevich() throws {
        let reference = try ReferenceCase("izhikevich")
        try reference.check { backend in
            let G = try NeuronGroup(5, model: """
                dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
                du/dt = a*(b*v - u)/ms : 1
                a : 1 (constant)
                b : 1 (constant)
                c : 1 (constant)
                d : 1 (constant)
                I : 1 (constant)
                """, threshold: "v >= 30", reset: "v = c; u += d", method: .euler, name: "G")
            //             RS     IB     CH     FS    LTS
            try G.a.set([0.02, 0.02, 0.02, 0.1, 0.02])
            try G.b.set([0.2, 0.2, 0.2, 0.2, 0.25])
            try G.c.set([-65, -55, -50, -65, -65])
            try G.d.set([8, 4, 2, 2, 2])
            try G.I.set(15)
            try G.v.set(-65)
            try G.u.set("b*v")
            let S = try SpikeMonitor(G)
            let M = try StateMonitor(G, variables: ["v", "u"], dt: 1 * ms)
            try Network(G, S, M, backend: backend).run(reference.duration)
            var result = CaseResult()
            result.spikes("G", S)
            for variable in ["v", "u"] {
                try result.trace("G.\(variable)", M, variable)
                result.final("G.\(variable)", try G.variable(variable).values)
            }
            return result
        }
    }

    func testSubexpressionsFunctions() throws {
        let reference = try ReferenceCase("subexpressions_functions")
        try reference.check { backend in
            let G = try NeuronGroup(8, model: """
                dv/dt = (drive - v)/tau : 1
                dc/dt = (steps + 0.5*sign(v - 0.3))/tau2 : 1
                dz/dt = (y - z)/tau : 1
                drive = clip(ampl*sin(2*pi*f*t) + 0.2, -0.4, 0.6) + 0.1*int(above) : 1
                above = v > 0.25 : boolean
                steps = floor(3*v) + ceil(2*v) + int(5*v) : 1
                y = sqrt(abs(v) + 1)*exp(-v) + log(1 + c**2) : 1
                ampl : 1 (constant)
                """, method: .euler, namespace: ["tau": 10 * ms, "tau2": 50 * ms, "f": 20 * Hz], name: "G")
            try G.v.set(linspace(-0.53, 0.87, 8))
            try G.c.set(0)
            try G.z.set(0)
            try G.ampl.set("0.3 + 0.1*i")
            let M = try StateMonitor(G, variables: ["v", "c", "z", "drive"], dt: 1 * ms)
            try Network(G, M, backend: backend).run(reference.duration)
            var result = CaseResult()
            for variable in M.variables {
                try result.trace("G.\(variable)", M, variable)
            }
            // Subexpressions are evaluated with the final state at t = duration.
            for variable in ["v", "c", "z", "drive", "above", "steps", "y"] {
                result.final("G.\(variable)", try G.variable(variable).values)
            }
            return result
        }
    }
}
