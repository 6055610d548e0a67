/// A starter journey that `journey init` copies for the user to edit.
///
/// The templates are the files of `StarterJourneys/Journeys/`, which SwiftPM compiles into the
/// module as `PackageResources` (see Package.swift), so the tool finds them wherever it runs.
public struct StarterTemplate: Hashable, Sendable {
    /// The name users pass to `journey init --template`, such as `e-commerce`.
    public var name: String
    /// The journey file's text.
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Every starter journey that ships with the tool, sorted by name.
    ///
    /// Each file of `StarterJourneys/Journeys/` must be listed here; a test fails until it is.
    public static let all: [StarterTemplate] = [
        StarterTemplate(name: "b2b-services", bytes: PackageResources.b2b_services_journey),
        StarterTemplate(name: "e-commerce", bytes: PackageResources.e_commerce_journey),
        StarterTemplate(name: "saas-onboarding", bytes: PackageResources.saas_onboarding_journey),
    ].sorted { $0.name < $1.name }

    /// A template from the UTF-8 bytes of its compiled-in file.
    private init(name: String, bytes: [UInt8]) {
        self.init(name: name, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The template used when the user names none.
    public static let defaultName = "e-commerce"

    /// The template called `name`, if there is one.
    public static func named(_ name: String) -> StarterTemplate? {
        all.first { $0.name == name }
    }

    /// What the template is for, from its first comment line (`# Starter journey: …`).
    public var summary: String {
        guard let firstLine = text.split(separator: "\n", maxSplits: 1).first, firstLine.hasPrefix("#") else {
            return ""
        }
        var summary = firstLine.dropFirst().trimmingPrefix(" ")
        if let colon = summary.firstIndex(of: ":"), summary[..<colon].hasPrefix("Starter journey") {
            summary = summary[summary.index(after: colon)...].trimmingPrefix(" ")
        }
        return String(summary)
    }
}
