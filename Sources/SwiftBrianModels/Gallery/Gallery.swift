import SwiftBrian

/// The example gallery: models from Brian 2's examples and the papers they reproduce, each
/// runnable from Swift and from the `swiftbrian` tool.
public enum Gallery {
    /// Every example, in the order the gallery lists them.
    public static let all: [any GalleryExample.Type] = [
        CUBA.self, COBA.self, COBAHH.self, Brunel2000.self, STDP.self, HodgkinHuxleyFICurve.self,
        LIFFICurve.self, AdExFiringPatterns.self, Izhikevich2003.self, Diesmann1999.self, BrunelHakim1999.self,
        GapJunctions.self, TsodyksMarkram.self, DendriticCell.self, AxonPropagation.self, DendriticAttenuation.self,
        DendriticIO.self, DendrifyNetwork.self, ThresholdBisection.self, SmoothPursuit.self, PyloricNetwork.self,
        HindmarshRose.self, Kuramoto.self, Vogels2011.self, Jeffress.self, Sturzl2000.self, Izhikevich2007.self,
        Stimberg2018GChI.self, AuditoryPitch.self, HHParameterExploration.self,
        Wang2002.self, TsodyksUzielMarkram2000.self, PFCActionControl.self,
    ]

    /// The example called `name` (``GalleryExample/name``), if there is one.
    public static func example(named name: String) -> (any GalleryExample.Type)? {
        all.first { $0.name == name.lowercased() }
    }
}
