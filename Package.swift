// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "journey",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "JourneyKit", targets: ["JourneyKit"]),
        .executable(name: "journey", targets: ["journey"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Property-based tests of the charts with random labels; no dependencies of its own.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Mustache templates for `journey report`'s HTML; no dependencies of its own.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // All logic: syntax → model → checks → metrics → charts → validation.
        .target(name: "JourneyKit", dependencies: ["CLibXML2", .product(name: "Mustache", package: "swift-mustache")]),
        // libxml2, for validating the XML and SVG the tool writes; only JourneyKit/Validation uses it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The command-line tool: a thin shell over JourneyKit.
        .executableTarget(
            name: "journey",
            dependencies: [
                "JourneyKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "JourneyKitTests",
            dependencies: ["JourneyKit", .product(name: "PropertyBased", package: "swift-property-based")],
            // Read from the source tree by the snapshot tests, not bundled.
            exclude: ["Charts/Snapshots", "Interchange/Snapshots", "Interchange/Fixtures"]
        ),
        // Runs the built `journey` binary; depending on it makes `swift test` build it first.
        .testTarget(name: "JourneyEndToEndTests", dependencies: ["journey", "JourneyKit"]),
    ]
)
