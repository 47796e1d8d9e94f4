import SwiftBrianIntegration
import XCTest

final class ScratchPrint: XCTestCase {
    func testPrint() throws {
        let models: [(String, String, IntegrationMethod?)] = [
            ("dv/dt = -v/tau : 1", "tau = 10*ms", nil),
            ("dv/dt = -v/tau : 1", "tau = 10*ms", .euler),
            ("dv/dt = -v/tau : 1", "tau = 10*ms", .rk2),
            ("dv/dt = -v/tau : 1", "tau = 10*ms", .rk4),
            ("dv/dt = -v/tau : 1", "tau = 10*ms", .heun),
            ("dv/dt = (c - v)/tau : 1", "tau = 10*ms\nc = 2", .exponentialEuler),
            ("dv/dt = (ge+gi-(v-El))/taum : volt (unless refractory)\ndge/dt = -ge/taue : volt\ndgi/dt = -gi/taui : volt", "taum = 20*ms\ntaue = 5*ms\ntaui = 10*ms\nEl = -49*mV", nil),
            ("ds/dt = -s/taus : 1\ndg/dt = (s-g)/taus : 1", "taus = 3*ms", nil),
            ("dv/dt = (w - v)/tau : 1\ndw/dt = (v - 2*w)/tau2 : 1", "tau = 10*ms\ntau2 = 5*ms", nil),
            ("dx/dt = (mu - x)/tau + sigma*sqrt(2/tau)*xi : 1", "tau = 10*ms\nmu = 0.5\nsigma = 0.2", nil),
            ("dx/dt = (mu - x)/tau + sigma*sqrt(2/tau)*xi : 1", "tau = 10*ms\nmu = 0.5\nsigma = 0.2", .milstein),
            ("dx/dt = mu*x + s*x*xi : 1", "mu = 1/second\ns = 0.5*second**-0.5", nil),
            ("dx/dt = mu*x + s*x*xi : 1", "mu = 1/second\ns = 0.5*second**-0.5", .milstein),
            ("dx/dt = -x/tau + s*xi_1 + s*xi_2 : 1\ndy/dt = -y/tau + s*xi_1: 1", "tau = 10*ms\ns = 1*second**-0.5", .heun),
        ]
        for (eqs, ns, method) in models {
            let update = try stateUpdate(eqs, namespace: ns, method: method, refractory: eqs.contains("unless"))
            print("=== \(eqs.replacingOccurrences(of: "\n", with: "; ")) [\(update.method.rawValue)]\n\(update)")
        }
    }
}
