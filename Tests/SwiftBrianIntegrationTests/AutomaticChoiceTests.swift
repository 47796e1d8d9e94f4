import SwiftBrianIntegration
import SwiftBrianLanguage
import XCTest

/// Without a method, Brian 2.9 tries 'exact', then 'euler', then 'heun' (NeuronGroup's default
/// `method=('exact', 'euler', 'heun')`) and uses the first that accepts the equations. Each
/// expectation below is what Brian 2.9.0 chose for the same model.
final class AutomaticChoiceTests: XCTestCase {
    private func method(_ equations: String, _ namespace: String = "", refractory: Bool = false,
                        file: StaticString = #filePath, line: UInt = #line) throws -> IntegrationMethod {
        try stateUpdate(equations, namespace: namespace, refractory: refractory).method
    }

    func testLinearModelsAreExact() throws {
        XCTAssertEqual(try method("""
            dv/dt = (ge + gi - (v - El))/taum : volt (unless refractory)
            dge/dt = -ge/taue : volt
            dgi/dt = -gi/taui : volt
            """, "taum = 20*ms\ntaue = 5*ms\ntaui = 10*ms\nEl = -49*mV", refractory: true), .exact)
        XCTAssertEqual(try method("dv/dt = (I - v)/tau : 1\nI : 1", "tau = 10*ms"), .exact)
        XCTAssertEqual(try method("ds/dt = -s/taus : 1\ndg/dt = (s - g)/taus : 1", "taus = 3*ms"), .exact)
    }

    /// Brian registers 'linear' as another name of 'exact'.
    func testLinearIsExact() throws {
        XCTAssertEqual(try IntegrationMethod(named: "linear"), .exact)
        XCTAssertEqual(try IntegrationMethod(named: "exponential_euler"), .exponentialEuler)
        XCTAssertThrowsError(try IntegrationMethod(named: "gsl_rk2"))
    }

    /// Brian never picks exponential_euler by itself: Hodgkin–Huxley models get euler.
    func testHodgkinHuxleyModelsAreEuler() throws {
        XCTAssertEqual(try method(HodgkinHuxley.equations, HodgkinHuxley.namespace), .euler)
        XCTAssertEqual(try method("""
            dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-g_na*(m*m*m)*h*(v-ENa)-g_kd*(n*n*n*n)*(v-EK))/Cm : volt
            dm/dt = alpha_m*(1-m)-beta_m*m : 1
            dn/dt = alpha_n*(1-n)-beta_n*n : 1
            dh/dt = alpha_h*(1-h)-beta_h*h : 1
            dge/dt = -ge*(1./taue) : siemens
            dgi/dt = -gi*(1./taui) : siemens
            alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/(exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz
            beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/(exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz
            alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
            beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
            alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/(exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz
            beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
            """, HodgkinHuxley.namespace + "\nEe = 0*mV\nEi = -80*mV\ntaue = 5*ms\ntaui = 10*ms"), .euler)
    }

    func testWhatExactRefusesIsEuler() throws {
        XCTAssertEqual(try method("dv/dt = -v**3/tau : 1", "tau = 10*ms"), .euler)
        XCTAssertEqual(try method("dv/dt = I/C : volt\nI : amp", "C = 1*nF"), .euler, "singular")
        XCTAssertEqual(try method("dx/dt = v/tau : 1\ndv/dt = -x/tau : 1", "tau = 10*ms"), .euler, "oscillates")
        XCTAssertEqual(try method("dv/dt = (sin(2*pi*t/tau) - v)/tau : 1", "tau = 10*ms"), .euler, "depends on t")
    }

    /// Additive noise: euler (Euler–Maruyama); multiplicative noise: heun.
    func testStochasticEquations() throws {
        XCTAssertEqual(try method("dx/dt = -x/tau + s*xi : 1", "tau = 10*ms\ns = 1*second**-0.5"), .euler)
        XCTAssertEqual(try method("dx/dt = mu*x + s*x*xi : 1", "mu = 1/second\ns = 1*second**-0.5"), .heun)
        XCTAssertEqual(try method("dx/dt = -x/tau + s*x*xi_1 + s*xi_2 : 1", "tau = 10*ms\ns = 1*second**-0.5"), .heun)
    }

    /// A deviation: Brian (through sympy) solves a coupled system with parameter coefficients in
    /// closed form; this port solves coupled blocks only with numeric coefficients, so it falls
    /// back to euler.
    func testCoupledSystemWithParameterCoefficientsIsEuler() throws {
        XCTAssertEqual(try method("dv/dt = (w - v)/tau : 1\ndw/dt = (v - 2*w)/tp : 1\ntp : second", "tau = 10*ms"), .euler)
    }

    func testNothingFits() {
        assertIntegrationError("No integration method can integrate these equations ('exact': they are stochastic "
                               + "(dx/dt uses the noise term xi); stochastic equations need 'euler', 'heun' or "
                               + "'milstein'; 'euler': dx/dt cannot be split into a deterministic part and noise terms: "
                               + "it is not linear in xi; 'heun': dx/dt cannot be split") {
            _ = try stateUpdate("dx/dt = -x/tau + s*xi**2*second**0.5 : 1", namespace: "tau = 10*ms\ns = 1*second**-0.5")
        }
    }

    func testMethodNames() throws {
        XCTAssertEqual(try IntegrationMethod(named: "exponential_euler"), .exponentialEuler)
        XCTAssertEqual(try IntegrationMethod(named: "RK4"), .rk4)
        XCTAssertThrowsError(try IntegrationMethod(named: "rk3")) { error in
            XCTAssertEqual((error as? ModelError)?.kind, .invalidArgument)
            XCTAssertTrue((error as? ModelError)?.message.contains("Unknown integration method 'rk3'") ?? false)
        }
        XCTAssertEqual(IntegrationMethod.allCases.map(\.rawValue),
                       ["exact", "euler", "rk2", "rk4", "heun", "milstein", "exponential_euler"])
    }
}
