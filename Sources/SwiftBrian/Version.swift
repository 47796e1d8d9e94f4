/// The version of SwiftBrian (`swiftbrian --version` prints it): its minor number follows the
/// project's milestones.
public let swiftBrianVersion = "0.10.0"
