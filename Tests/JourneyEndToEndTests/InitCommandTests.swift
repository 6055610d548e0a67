import Foundation
import JourneyTestSupport
import Testing

/// `journey init`, run as a user runs it, always from a temporary working folder.
@Suite("journey init")
struct InitCommandTests {
    @Test("the starter journeys folder is not empty and holds the default template")
    func templatesExist() {
        let names = Repository.templateNames()
        #expect(names.count >= 2, "templates: \(names)")
        #expect(names.contains("e-commerce"))
    }

    @Test("init FILE writes the e-commerce template byte for byte, and it checks cleanly")
    func defaultTemplate() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["init", "shop.journey"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stdout == """
                    Created shop.journey from the 'e-commerce' template.
                    Edit it, then run: journey check shop.journey

                    """)
            #expect(result.stderr == "")

            let written = try Data(contentsOf: folder.appendingPathComponent("shop.journey"))
            let template = try Data(
                contentsOf: Repository.starterJourneysFolder.appendingPathComponent("e-commerce.journey"))
            #expect(
                written == template,
                "the written file differs from e-commerce.journey in \(Repository.starterJourneysFolder.path)")

            let check = try runJourney(["check", "--strict", "shop.journey"], currentDirectory: folder)
            #expect(check.status == 0, "\(check)")
            #expect(check.stdout == "")
            #expect(check.stderr == "")

            #expect(try contents(of: folder) == ["shop.journey"], "init leaves no temporary file behind")
        }
    }

    @Test("init --template NAME writes that template, and it checks cleanly", arguments: Repository.templateNames())
    func eachTemplate(_ name: String) throws {
        try withTemporaryDirectory { folder in
            let file = "\(name)-copy.journey"
            let result = try runJourney(["init", "--template", name, file], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stdout
                    == "Created \(file) from the '\(name)' template.\nEdit it, then run: journey check \(file)\n")
            #expect(result.stderr == "")

            let written = try Data(contentsOf: folder.appendingPathComponent(file))
            let template = try Data(
                contentsOf: Repository.starterJourneysFolder.appendingPathComponent("\(name).journey"))
            #expect(
                written == template,
                "the embedded '\(name)' template differs from \(name).journey in \(Repository.starterJourneysFolder.path)"
            )

            let check = try runJourney(["check", "--strict", file], currentDirectory: folder)
            #expect(check.status == 0, "\(check)")
            #expect(check.stdout == "")
            #expect(check.stderr == "")
            #expect(try contents(of: folder) == [file])
        }
    }

    @Test("an existing file is never overwritten")
    func existingFileIsKept() throws {
        try withTemporaryDirectory { folder in
            let original = "# my own notes, not a template\n"
            try folder.writing(original, to: "shop.journey")

            for arguments in [["init", "shop.journey"], ["init", "--template", "saas-onboarding", "shop.journey"]] {
                let result = try runJourney(arguments, currentDirectory: folder)
                #expect(result.status == 1, "\(result)")
                #expect(result.stdout == "")
                #expect(
                    result.stderr == """
                        journey: error: 'shop.journey' already exists
                          = help: journey init never overwrites a file: choose another name

                        """)
                let kept = try String(contentsOf: folder.appendingPathComponent("shop.journey"), encoding: .utf8)
                #expect(kept == original)
                #expect(try contents(of: folder) == ["shop.journey"], "init leaves no temporary file behind")
            }

            // An absolute path is named as given.
            let absolute = folder.appendingPathComponent("shop.journey").path
            let result = try runJourney(["init", absolute], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("journey: error: '\(absolute)' already exists\n"), "\(result)")
        }
    }

    @Test("an existing folder or dangling symbolic link is not replaced either")
    func existingFolderOrLinkIsKept() throws {
        try withTemporaryDirectory { folder in
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("taken"),
                withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("link.journey").path,
                withDestinationPath: "nowhere.journey")
            for name in ["taken", "link.journey"] {
                let result = try runJourney(["init", name], currentDirectory: folder)
                #expect(result.status == 1, "\(result)")
                #expect(result.stderr.hasPrefix("journey: error: '\(name)' already exists\n"), "\(result)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere.journey").path))
            #expect(try contents(of: folder) == ["link.journey", "taken"])
        }
    }

    @Test("a misspelt template is refused with a suggestion")
    func misspeltTemplate() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["init", "--template", "e-comerce", "shop.journey"], currentDirectory: folder)
            #expect(result.status == 64, "a usage error exits with EX_USAGE: \(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr.hasPrefix(
                    """
                    Error: Unknown template 'e-comerce'. Did you mean 'e-commerce'? \
                    Templates: b2b-services, e-commerce, saas-onboarding.

                    """), "\(result)")
            #expect(try contents(of: folder) == [])
        }
    }

    @Test("an unknown template is refused, naming it and listing the templates")
    func unknownTemplate() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["init", "--template", "blockchain", "shop.journey"], currentDirectory: folder)
            #expect(result.status == 64, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.contains("Unknown template 'blockchain'."), "\(result)")
            for name in Repository.templateNames() {
                #expect(result.stderr.contains(name), "the message should list '\(name)'")
            }
            #expect(try contents(of: folder) == [])
        }
    }

    @Test("the start of a template's name is enough for a suggestion")
    func templatePrefixSuggestion() throws {
        // `saas` is how a user would naturally ask for `saas-onboarding`; it is 11 edits away, so an
        // edit-distance-only suggestion misses it, although it is the only template starting with it.
        try withTemporaryDirectory { folder in
            let result = try runJourney(["init", "--template", "saas", "shop.journey"], currentDirectory: folder)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("Unknown template 'saas'."), "\(result)")
            #expect(result.stderr.contains("Did you mean 'saas-onboarding'?"), "\(result)")
            #expect(try contents(of: folder) == [])
        }
    }

    @Test("init --list lists every template")
    func list() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["init", "--list"], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.last == "", "the list ends with a newline")
            let listed = lines.dropLast().map { String($0.prefix { $0 != " " }) }
            #expect(listed == Repository.templateNames())
            for line in lines.dropLast() {
                #expect(line.contains("  "), "each template has a summary: '\(line)'")
            }
            #expect(try contents(of: folder) == [], "--list writes nothing")
        }
    }

    @Test("templates do not depend on the working directory")
    func workingDirectoryIndependence() throws {
        try withTemporaryDirectory { folder in
            let nested = folder.appendingPathComponent("deep/er", isDirectory: true)
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            for name in Repository.templateNames() {
                let result = try runJourney(["init", "--template", name, "\(name).journey"], currentDirectory: nested)
                #expect(result.status == 0, "\(result)")
                let written = try Data(contentsOf: nested.appendingPathComponent("\(name).journey"))
                let template = try Data(
                    contentsOf: Repository.starterJourneysFolder.appendingPathComponent("\(name).journey"))
                #expect(written == template)
            }
            // From the parent folder, with a relative path into the nested one.
            let other = try runJourney(["init", "deep/er/x.journey"], currentDirectory: folder)
            #expect(other.status == 0, "\(other)")
            #expect(FileManager.default.fileExists(atPath: nested.appendingPathComponent("x.journey").path))
        }
    }

    @Test("writing into a folder that does not exist is a clean error, exit 1")
    func missingFolder() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["init", "missing/shop.journey"], currentDirectory: folder)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr == "journey: error: cannot write 'missing/shop.journey': No such file or directory\n")
            #expect(try contents(of: folder) == [], "neither the folder nor a temporary file is created")
        }
    }

    @Test("init without a file name is a usage error")
    func missingFileName() throws {
        try withTemporaryDirectory { folder in
            let result = try runJourney(["init"], currentDirectory: folder)
            #expect(result.status == 64, "\(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr.hasPrefix(
                    "Error: Missing the journey file to create, for example: journey init shop.journey\n"), "\(result)")
            #expect(try contents(of: folder) == [])
        }
    }

    @Test("a long but valid file name can be created")
    func longFileName() throws {
        // 248 bytes, under the usual 255-byte limit of a file name: the file itself can exist,
        // so init must not fail because of the name of a temporary file it makes on the way.
        let name = String(repeating: "a", count: 240) + ".journey"
        try withTemporaryDirectory { folder in
            #expect(
                FileManager.default.createFile(
                    atPath: folder.appendingPathComponent(name + ".probe").path,
                    contents: Data()), "the file system accepts names this long")
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name + ".probe"))

            let result = try runJourney(["init", name], currentDirectory: folder)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
            #expect(try contents(of: folder) == [name])
        }
    }
}
