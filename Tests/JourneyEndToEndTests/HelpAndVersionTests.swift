import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// `--version` and `--help`: they print to standard output and succeed; `journey` alone is a
/// usage error.
@Suite("journey --help and --version")
struct HelpAndVersionTests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try runJourney(["--version"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == JourneyKitVersion.current + "\n")
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "not MAJOR.MINOR.PATCH: \(result.stdout)")
        #expect(result.stderr == "")
    }

    @Test("--help lists both subcommands")
    func rootHelp() throws {
        let result = try runJourney(["--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("USAGE: journey <subcommand>"), "\(result)")
        #expect(result.stdout.contains("SUBCOMMANDS:"))
        #expect(result.stdout.contains("\n  check "), "check is listed: \(result.stdout)")
        #expect(result.stdout.contains("\n  init "), "init is listed: \(result.stdout)")
    }

    @Test(
        "check --help explains the command with an example, and exits 0",
        arguments: [
            ["check", "--help"], ["help", "check"],
        ])
    func checkHelp(_ arguments: [String]) throws {
        let result = try runJourney(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("USAGE: journey check <files> ..."), "\(result)")
        #expect(result.stdout.contains("\n  journey check "), "an example line: \(result.stdout)")
        #expect(result.stdout.contains("--strict"))
        #expect(result.stdout.contains("--format"))
    }

    @Test(
        "init --help explains the command with an example and the templates, and exits 0",
        arguments: [
            ["init", "--help"], ["help", "init"],
        ])
    func initHelp(_ arguments: [String]) throws {
        let result = try runJourney(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("USAGE: journey init "), "\(result)")
        #expect(result.stdout.contains("\n  journey init "), "an example line: \(result.stdout)")
        for name in Repository.templateNames() {
            #expect(result.stdout.contains(name), "the help names the template '\(name)'")
        }
    }

    @Test("an unknown subcommand or option is a usage error")
    func usageErrors() throws {
        let subcommand = try runJourney(["chek", "x.journey"])
        #expect(subcommand.status == 64, "\(subcommand)")
        #expect(subcommand.stdout == "")
        #expect(!subcommand.stderr.isEmpty)

        let option = try runJourney(["check", "--format", "xml", "x.journey"])
        #expect(option.status == 64, "\(option)")
        #expect(option.stderr.contains("xml"), "\(option)")

        let noFiles = try runJourney(["check"])
        #expect(noFiles.status == 64, "\(noFiles)")
    }

    @Test("journey with no arguments prints the help on standard error and exits 64, as a usage error")
    func noArguments() throws {
        let result = try runJourney([])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout == "")
        let help = try runJourney(["--help"])
        #expect(result.stderr == help.stdout, "the same help as --help")
        #expect(result.stderr.contains("USAGE: journey <subcommand>"))
    }

    /// The subcommands the root help lists.
    private func subcommands() throws -> [String] {
        let help = try runJourney(["--help"], environment: ["COLUMNS": "200"]).stdout
        let section = help.components(separatedBy: "SUBCOMMANDS:\n").last ?? ""
        return section.split(separator: "\n").prefix { !$0.isEmpty }
            .compactMap { line in line.wholeMatch(of: #/ {2}([a-z]+) .*/#)?.1 }.map(String.init)
    }

    /// The lines of the `Examples:` paragraph of `help`.
    private func examples(in help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "Examples:") else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    @Test("--help keeps every example command line whole on a narrow terminal, and wraps the prose")
    func examplesWhole() throws {
        let names = try subcommands()
        #expect(names.count >= 11, "\(names)")
        for arguments in [["--help"]] + names.map({ ["help", $0] }) {
            let wide = try runJourney(arguments, environment: ["COLUMNS": "1000"])
            let commands = examples(in: wide.stdout)
            #expect(!commands.isEmpty, "\(arguments) has examples")
            #expect(commands.allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }, "\(commands)")
            for columns in [40, 80] {
                let narrow = try runJourney(arguments, environment: ["COLUMNS": String(columns)])
                #expect(narrow.status == 0, "\(narrow)")
                #expect(
                    examples(in: narrow.stdout) == commands, "\(arguments) at \(columns) columns:\n\(narrow.stdout)")
                #expect(!narrow.stdout.contains("\u{A0}"), "no no-break space is printed")
                let overview = narrow.stdout.components(separatedBy: "Examples:").first ?? ""
                #expect(
                    overview.split(separator: "\n").allSatisfy { $0.count <= columns },
                    "the prose is wrapped to \(columns) columns:\n\(overview)")
            }
        }
    }
}
