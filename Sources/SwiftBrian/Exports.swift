// SwiftBrian: what users import. It re-exports every layer, so `import SwiftBrian` gives units
// (`20 * ms`), equations, analysis and integration methods, as `from brian2 import *` does.
@_exported import SwiftBrianIntegration
@_exported import SwiftBrianLanguage
@_exported import SwiftBrianSymbolic
@_exported import SwiftBrianUnits
@_exported import enum SwiftBrianKernel.Precision
