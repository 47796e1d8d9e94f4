// swift-tools-version:6.0
import PackageDescription

// Layers, bottom to top (see DESIGN.md); a target depends only on targets above it in this list.
//   SwiftBrianPortableMath  exp, log, ... computed bit for bit the same in Swift and in generated C
//   SwiftBrianUnits       dimensions, quantities, unit names, formatting
//   SwiftBrianLanguage    lexer, parser, equations, identifier resolution, dimension checking, functions
//   SwiftBrianSymbolic    simplification, substitution, differentiation, linearity
//   SwiftBrianIntegration state updaters (euler, rk2, rk4, heun, milstein, exponential_euler, exact)
//   CSwiftBrianRuntime    the memory layout of a buffer, shared with generated C code
//   SwiftBrianKernel      the kernel IR: buffers, kernels, lowering of model code, random numbers
//   SwiftBrianInterpreter the reference backend: executes kernels directly
//   SwiftBrianNative      the default backend: C generated from the kernels, compiled and loaded
//   SwiftBrianCUDA        the GPU backend: CUDA generated from the kernels (the C backend's code per
//                         thread), compiled at run time with NVRTC (loaded with dlopen), and its
//                         emulation on the CPU
//   SwiftBrian            what users import: model objects (groups, monitors, inputs), clocks,
//                         networks; re-exports the layers
//   Dendrify             reduced compartmental neurons (Dendrify's API): equations, events and
//                         parameters generated for a NeuronGroup
//   SwiftBrianModels      ready-made models: Brian's benchmarks (and the example gallery)
//   SwiftBrianTools       recorded data out: NumPy .npy/.npz and CSV export, SVG/PNG plots,
//                         HTML reports
//   swiftbrian            the command-line tool
// The kernel layer, the interpreter and the portable math functions run every simulation step;
// they are optimized even in debug builds, so that `swift test` runs networks at a useful speed.
let optimized: [SwiftSetting] = [.unsafeFlags(["-O"])]

let package = Package(
    name: "SwiftBrian",
    products: [
        .library(name: "SwiftBrian", targets: ["SwiftBrian"]),
        .library(name: "Dendrify", targets: ["Dendrify"]),
        .library(name: "SwiftBrianTools", targets: ["SwiftBrianTools"]),
        .executable(name: "swiftbrian", targets: ["swiftbrian"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "SwiftBrianPortableMath", swiftSettings: optimized),
        .target(name: "SwiftBrianUnits"),
        .target(name: "SwiftBrianLanguage", dependencies: ["SwiftBrianUnits", "SwiftBrianPortableMath"]),
        .target(name: "SwiftBrianSymbolic", dependencies: ["SwiftBrianUnits", "SwiftBrianLanguage"]),
        .target(name: "SwiftBrianIntegration",
                dependencies: ["SwiftBrianUnits", "SwiftBrianLanguage", "SwiftBrianSymbolic"]),
        .target(name: "CSwiftBrianRuntime"),
        .target(name: "SwiftBrianKernel", dependencies: ["SwiftBrianUnits", "SwiftBrianLanguage", "SwiftBrianPortableMath",
                                                          "CSwiftBrianRuntime"],
                swiftSettings: optimized),
        .target(name: "SwiftBrianInterpreter", dependencies: ["SwiftBrianKernel", "SwiftBrianLanguage", "SwiftBrianPortableMath"],
                swiftSettings: optimized),
        .target(name: "SwiftBrianNative", dependencies: ["SwiftBrianKernel", "SwiftBrianInterpreter",
                                                          "SwiftBrianLanguage", "SwiftBrianPortableMath",
                                                          "CSwiftBrianRuntime"]),
        .target(name: "SwiftBrianCUDA", dependencies: ["SwiftBrianKernel", "SwiftBrianInterpreter",
                                                        "SwiftBrianLanguage", "SwiftBrianNative", "CSwiftBrianRuntime"]),
        .target(name: "SwiftBrian",
                dependencies: ["SwiftBrianUnits", "SwiftBrianLanguage", "SwiftBrianSymbolic",
                               "SwiftBrianIntegration", "SwiftBrianKernel", "SwiftBrianInterpreter",
                               "SwiftBrianNative", "SwiftBrianCUDA"]),
        .target(name: "Dendrify", dependencies: ["SwiftBrian"]),
        .target(name: "SwiftBrianModels", dependencies: ["SwiftBrian", "Dendrify", "SwiftBrianTools"],
                resources: [.copy("Resources/notes.wav")]),
        .target(name: "SwiftBrianTools", dependencies: ["SwiftBrian"]),
        .executableTarget(name: "swiftbrian", dependencies: [
            "SwiftBrian", "SwiftBrianModels", "SwiftBrianTools",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SwiftBrianUnitsTests", dependencies: ["SwiftBrianUnits"],
                    exclude: ["brian_unit_names.tsv", "generate_brian_fixtures.py"]),
        .testTarget(name: "SwiftBrianLanguageTests", dependencies: ["SwiftBrianLanguage"]),
        .testTarget(name: "SwiftBrianSymbolicTests", dependencies: ["SwiftBrianSymbolic"]),
        .testTarget(name: "SwiftBrianIntegrationTests", dependencies: ["SwiftBrianIntegration"]),
        .testTarget(name: "SwiftBrianKernelTests", dependencies: ["SwiftBrianKernel", "SwiftBrianInterpreter"]),
        .testTarget(name: "SwiftBrianTests", dependencies: ["SwiftBrian", "SwiftBrianModels", "Dendrify",
                                                            "SwiftBrianPortableMath", "SwiftBrianCUDA"]),
        .testTarget(name: "SwiftBrianCUDATests", dependencies: ["SwiftBrianCUDA", "SwiftBrian"]),
        .testTarget(name: "SwiftBrianCLITests", dependencies: ["swiftbrian"]),
        .testTarget(name: "SwiftBrianModelsTests", dependencies: ["SwiftBrianModels"]),
        .testTarget(name: "SwiftBrianToolsTests", dependencies: ["SwiftBrianTools"]),
    ],
    swiftLanguageModes: [.v5]
)
