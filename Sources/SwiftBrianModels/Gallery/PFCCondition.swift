/// An experimental condition of ``PFCActionControl``: which prefrontal motor-projecting (MP)
/// population carries which actuator, optogenetic (light-gated, on during each trial) or
/// chemogenetic (a tonic conductance for the whole session).
public enum PFCCondition: String, CaseIterable, Codable, Sendable {
    /// No actuator.
    case control
    /// dmPFC MP neurons silenced by the soma-targeted anion channelrhodopsin stGtACR2.
    case dmPFCSilenced = "dmPFC_stGtACR2"
    /// vmPFC MP neurons silenced by stGtACR2.
    case vmPFCSilenced = "vmPFC_stGtACR2"
    /// dmPFC MP neurons activated by ChR2 and pulsed light.
    case dmPFCActivated = "dmPFC_ChR2"
    /// vmPFC MP neurons activated by ChR2 and pulsed light.
    case vmPFCActivated = "vmPFC_ChR2"
    /// vmPFC MP neurons silenced chemogenetically (PSAM4-GlyR with varenicline).
    case vmPFCChemogenetic = "vmPFC_PSAM"

    /// The actuators an MP population may carry.
    enum Actuator {
        case channelrhodopsin, anionChannelrhodopsin, psam
    }

    /// The region whose MP neurons carry the actuator (0 dmPFC, 1 vmPFC), nil in the control.
    var region: Int? {
        switch self {
        case .control: nil
        case .dmPFCSilenced, .dmPFCActivated: 0
        case .vmPFCSilenced, .vmPFCActivated, .vmPFCChemogenetic: 1
        }
    }

    /// The actuator, nil in the control.
    var actuator: Actuator? {
        switch self {
        case .control: nil
        case .dmPFCSilenced, .vmPFCSilenced: .anionChannelrhodopsin
        case .dmPFCActivated, .vmPFCActivated: .channelrhodopsin
        case .vmPFCChemogenetic: .psam
        }
    }

    /// The name plots and statistics use (`dmPFC stGtACR2`).
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
