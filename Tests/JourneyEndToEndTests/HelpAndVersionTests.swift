import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyLanguage

/// `--version` and `--help`: they print to standard output and succeed.
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
}
