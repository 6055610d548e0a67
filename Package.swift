// swift-tools-version: 6.2
import PackageDescription

// The modules follow the pipeline; each may import only the modules above it in this list,
// and SwiftPM refuses any other import. See the README's "How the code is laid out".
//
//   JourneyLanguage     text → tokens → statements → model; checks; diagnostics; files
//   JourneyEvents       event logs → funnel events → reach per stage (raw memory, benchmarked)
//   JourneyAnalysis     metrics, control, the weakest stage; their tables, JSON and CSV
//   JourneyCustomers    customers from purchases: categories, the ladder, the recommend question
//   JourneyXML          deterministic XML writing; libxml2 validation and reading (C pointers)
//   JourneyCharts       the emotion curve, the funnel and the dashboard as SVG
//   JourneyInterchange  JSON, XML and Mermaid, both ways
//   JourneyHTMLReport   the self-contained HTML report
//   journey             the command-line tool

/// Strict memory safety for every module but the two that a benchmark or a C library demands.
let safe: [SwiftSetting] = [.strictMemorySafety()]

let package = Package(
    name: "journey",
    platforms: [.macOS(.v13)],
    products: [
        .library(
            name: "JourneyKit",
            targets: [
                "JourneyLanguage", "JourneyEvents", "JourneyAnalysis", "JourneyXML",
                "JourneyCharts", "JourneyInterchange", "JourneyHTMLReport", "JourneyCustomers",
            ]
        ),
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
        // `.embedInCode` compiles each file of a folder into the module as a byte array
        // (`PackageResources`), so the binary finds it wherever it runs, even copied alone; the
        // type that serves the files lists them in its `all`, and a test checks the list.
        .target(
            name: "JourneyLanguage",
            resources: [.embedInCode("StarterJourneys/Journeys")],
            swiftSettings: safe
        ),
        // The only Swift module besides JourneyXML allowed raw memory: the CSV reader and the
        // funnel engine, for the figures in bench/README.md.
        .target(name: "JourneyEvents", dependencies: ["JourneyLanguage"]),
        .target(name: "JourneyAnalysis", dependencies: ["JourneyLanguage", "JourneyEvents"], swiftSettings: safe),
        // Customers from purchases: categories, the relationship ladder, the recommend question.
        .target(
            name: "JourneyCustomers", dependencies: ["JourneyLanguage", "JourneyEvents", "JourneyAnalysis"],
            swiftSettings: safe),
        // libxml2 is a C library: its wrapper is the other module that touches C pointers.
        // Its SVG 1.1 subset schema is compiled in, so every chart is validated on any machine.
        .target(
            name: "JourneyXML",
            dependencies: ["JourneyLanguage", "CLibXML2"],
            resources: [.embedInCode("Validation/Schemas")]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "JourneyCharts",
            dependencies: ["JourneyLanguage", "JourneyAnalysis", "JourneyXML"],
            resources: [.embedInCode("Rendering/Themes")],
            swiftSettings: safe
        ),
        .target(
            name: "JourneyInterchange",
            dependencies: ["JourneyLanguage", "JourneyAnalysis", "JourneyXML"],
            resources: [.embedInCode("XML/Schemas")],
            swiftSettings: safe
        ),
        .target(
            name: "JourneyHTMLReport",
            dependencies: [
                "JourneyLanguage", "JourneyAnalysis", "JourneyXML", "JourneyCharts",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("BundledTemplate")],
            swiftSettings: safe
        ),
        // The command-line tool: a thin shell over the modules.
        .executableTarget(
            name: "journey",
            dependencies: [
                "JourneyLanguage", "JourneyEvents", "JourneyAnalysis", "JourneyXML",
                "JourneyCharts", "JourneyInterchange", "JourneyHTMLReport", "JourneyCustomers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: safe
        ),
        // Helpers shared by the test targets: marked text, diagnostics expected at markers,
        // the repository's folders, markup escaping.
        .target(
            name: "JourneyTestSupport",
            dependencies: ["JourneyLanguage"],
            path: "Tests/JourneyTestSupport",
            swiftSettings: safe
        ),
        // One test target per module, mirroring its folders; strict memory safety for all but
        // the tests of the two modules that use raw memory, which reach into it.
        .testTarget(
            name: "JourneyLanguageTests",
            dependencies: ["JourneyLanguage", "JourneyTestSupport"],
            swiftSettings: safe
        ),
        .testTarget(
            name: "JourneyEventsTests",
            dependencies: [
                "JourneyEvents", "JourneyAnalysis", "JourneyLanguage", "JourneyTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "JourneyCustomersTests",
            dependencies: ["JourneyCustomers", "JourneyEvents", "JourneyLanguage", "JourneyTestSupport"],
            swiftSettings: safe
        ),
        .testTarget(
            name: "JourneyAnalysisTests",
            dependencies: ["JourneyAnalysis", "JourneyEvents", "JourneyLanguage", "JourneyTestSupport"],
            swiftSettings: safe
        ),
        .testTarget(name: "JourneyXMLTests", dependencies: ["JourneyXML", "JourneyLanguage", "JourneyTestSupport"]),
        .testTarget(
            name: "JourneyChartsTests",
            dependencies: [
                "JourneyCharts", "JourneyAnalysis", "JourneyXML", "JourneyLanguage", "JourneyTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Read from the source tree by the snapshot tests, not bundled.
            exclude: ["Charts/Snapshots"],
            swiftSettings: safe
        ),
        .testTarget(
            name: "JourneyInterchangeTests",
            dependencies: [
                "JourneyInterchange", "JourneyAnalysis", "JourneyXML", "JourneyLanguage", "JourneyTestSupport",
            ],
            exclude: ["XML/Snapshots", "Mermaid/Fixtures"],
            swiftSettings: safe
        ),
        .testTarget(
            name: "JourneyHTMLReportTests",
            dependencies: [
                "JourneyHTMLReport", "JourneyCharts", "JourneyAnalysis", "JourneyXML", "JourneyLanguage",
                "JourneyTestSupport", .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: safe
        ),
        // Runs the built `journey` binary; depending on it makes `swift test` build it first.
        .testTarget(
            name: "JourneyEndToEndTests",
            dependencies: ["journey", "JourneyLanguage", "JourneyXML", "JourneyTestSupport"],
            swiftSettings: safe
        ),
    ]
)
