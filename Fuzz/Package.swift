// swift-tools-version: 6.2
import PackageDescription

// The fuzz targets of journey, in a package of their own so that the main package's `swift build`,
// `swift test` and release build stay as they are. Build it only with the fuzzer and
// AddressSanitizer, as `scripts/fuzz` does (docs/fuzzing.md):
//
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address
//
// One executable, `journey-fuzz TARGET [libFuzzer options] [corpus folders]`, serves every
// target: SwiftPM renames an executable's `main`, so libFuzzer's own `main` cannot be the entry
// point, and the shim calls `LLVMFuzzerRunDriver` with the target the first argument names.

let package = Package(
    name: "journey-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "journey", path: "..")
    ],
    targets: [
        // The declaration of libFuzzer's `LLVMFuzzerRunDriver`, which the toolchain's fuzzer
        // runtime defines (linked by `-sanitize=fuzzer`).
        .target(name: "CFuzzerDriver"),
        // What each target does with an input: the library calls the commands make.
        .target(
            name: "JourneyFuzzTargets",
            dependencies: [.product(name: "JourneyKit", package: "journey")]
        ),
        .executableTarget(
            name: "journey-fuzz",
            dependencies: ["CFuzzerDriver", "JourneyFuzzTargets"]
        ),
    ]
)
