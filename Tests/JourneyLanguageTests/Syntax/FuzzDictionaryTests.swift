import Foundation
import JourneyLanguage
import JourneyTestSupport
import Testing

/// The fuzzers' dictionary of the language, `Fuzz/Dictionaries/journey.dict`, holds every word
/// the parser knows, so that a new keyword or option is fuzzed too (docs/fuzzing.md).
@Suite struct FuzzDictionaryTests {
    /// The entries of the dictionary: each line's quoted text, with `\xNN` escapes resolved.
    private static func entries() throws -> Set<String> {
        let url = Repository.root.appendingPathComponent("Fuzz/Dictionaries/journey.dict")
        let text = try String(contentsOf: url, encoding: .utf8)
        var entries: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("\"") && line.hasSuffix("\"") {
            var bytes: [UInt8] = []
            var rest = Substring(line.dropFirst().dropLast())
            while let first = rest.first {
                if rest.hasPrefix("\\x"), let byte = UInt8(rest.dropFirst(2).prefix(2), radix: 16) {
                    bytes.append(byte)
                    rest = rest.dropFirst(4)
                } else {
                    bytes += Array(String(first).utf8)
                    rest = rest.dropFirst()
                }
            }
            entries.insert(String(decoding: bytes, as: UTF8.self))
        }
        return entries
    }

    /// Every word a statement may start with or hold as an option or value.
    private static let words: [String] =
        Keyword.allCases.map(\.rawValue) + TouchpointOption.allCases.map(\.rawValue)
        + ChannelOption.allCases.map(\.rawValue) + Media.allCases.map(\.rawValue)
        + JourneyState.allCases.map(\.rawValue) + VCPLevel.allCases.map(\.rawValue)
        + EngagementLevel.allCases.map(\.rawValue) + LadderRung.allCases.map(\.rawValue) + ["after"]

    @Test func holdsEveryWordOfTheLanguage() throws {
        let entries = try Self.entries()
        let missing = Self.words.filter { !entries.contains($0) }
        #expect(missing.isEmpty, "add to Fuzz/Dictionaries/journey.dict: \(missing)")
    }

    @Test func resolvesEscapes() throws {
        let entries = try Self.entries()
        #expect(entries.contains("\n  "))
        #expect(entries.contains("\\\""))
    }
}
