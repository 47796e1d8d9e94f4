import SwiftBrian

/// The plane a morphology is drawn in by ``Plot/morphology(_:values:label:projection:title:)``:
/// the first axis is horizontal, the second vertical (as brian2tools' `plot_morphology`).
public enum MorphologyProjection: Sendable, CaseIterable {
    /// x horizontal, y vertical (seen from above).
    case xy
    /// x horizontal, z vertical.
    case xz
    /// y horizontal, z vertical.
    case yz

    /// The names of the horizontal and vertical axes.
    var axisNames: (horizontal: String, vertical: String) {
        switch self {
        case .xy: return ("x", "y")
        case .xz: return ("x", "z")
        case .yz: return ("y", "z")
        }
    }

    /// The coordinates of start and end points along the horizontal and vertical axes.
    func project(_ coordinates: FlatMorphology.Coordinates)
        -> (startH: [Double], startV: [Double], endH: [Double], endV: [Double]) {
        switch self {
        case .xy: return (coordinates.startX, coordinates.startY, coordinates.endX, coordinates.endY)
        case .xz: return (coordinates.startX, coordinates.startZ, coordinates.endX, coordinates.endZ)
        case .yz: return (coordinates.startY, coordinates.startZ, coordinates.endY, coordinates.endZ)
        }
    }
}
