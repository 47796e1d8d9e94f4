import SwiftBrian

/// `count` neurons named "G" that fire every few ms (`v > 1`, each with its own drive), of which
/// one, `failing`, has a variable `u` that grows by e every ms from t = 0: it is +inf near
/// t = 0.24 s, far into a chunk of the native loop.
func blowingUpGroup(_ count: Int, failing: Int) throws -> NeuronGroup {
    let G = try NeuronGroup(count, model: """
        dv/dt = (drive - v)/(5*ms) : 1
        du/dt = rate*u/ms : 1
        drive : 1
        rate : 1
        """, threshold: "v > 1", reset: "v = 0", method: .euler, name: "G")
    try G.variable("drive").set("1.2 + 0.5*rand()")
    try G.variable("rate").set("3*(i == \(failing))")
    try G.variable("u").set("1")
    return G
}
