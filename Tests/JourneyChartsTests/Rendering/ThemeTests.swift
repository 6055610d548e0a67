import Foundation
import JourneyTestSupport
import Testing

@testable import JourneyCharts

@Suite struct ThemeTests {
    @Test(arguments: ["light", "dark", "print"])
    func bundledThemesLoadAndPassWCAGAAForText(name: String) throws {
        let theme = try #require(try Theme.bundled(named: name))
        #expect(theme.name == name)
        for pair in theme.textPairs {
            let ratio = Color.contrastRatio(pair.foreground, pair.background)
            #expect(
                ratio >= 4.5, "\(name): \(pair.name) is \(pair.foreground) on \(pair.background), contrast \(ratio)")
        }
    }

    @Test(arguments: ["light", "dark", "print"])
    func markerColoursStandOutFromTheBackground(name: String) throws {
        // Unmeasured touchpoints are drawn hollow: only the outline, in the marker's colour, shows.
        let theme = try #require(try Theme.bundled(named: name))
        for (key, color) in [
            ("highFill", theme.highFill), ("painFill", theme.painFill), ("neutralFill", theme.neutralFill),
        ] {
            let ratio = Color.contrastRatio(color, theme.background)
            #expect(ratio >= 2.5, "\(name): \(key) \(color) on \(theme.background) is \(ratio)")
        }
    }

    @Test(arguments: ["light", "dark", "print"])
    func theLaddersLostHatchingStandsOutFromItsTrack(name: String) throws {
        // A lost part is hatched in ladderLost over the empty track, and outlined in it.
        let theme = try #require(try Theme.bundled(named: name))
        for (key, background) in [("controlTrack", theme.controlTrack), ("background", theme.background)] {
            let ratio = Color.contrastRatio(theme.ladderLost, background)
            #expect(ratio >= 2.5, "\(name): ladderLost \(theme.ladderLost) on \(key) \(background) is \(ratio)")
        }
    }

    @Test func printThemeIsGreyscale() throws {
        let theme = try #require(try Theme.bundled(named: "print"))
        for (key, path) in [
            ("text", \Theme.text), ("curve", \.curve), ("painFill", \.painFill), ("highFill", \.highFill),
            ("funnelBar", \.funnelBar), ("ladderLost", \.ladderLost), ("positiveArea", \.positiveArea),
            ("negativeArea", \.negativeArea),
        ] {
            let color = theme[keyPath: path]
            #expect(color.red == color.green && color.green == color.blue, "\(key) is \(color)")
        }
        // Highs and pain points must still differ in lightness, since shape is not the only cue left.
        #expect(Color.contrastRatio(theme.highFill, theme.painFill) >= 3)
    }

    @Test func allHoldsEveryFileOfTheFolderByteForByte() throws {
        let files = try Repository.resourceFiles(in: Repository.themes)
        #expect(
            BundledTheme.all.map { $0.name + ".json" } == files.map(\.name),
            "list every file of \(Repository.themes) in BundledTheme.all, and nothing else")
        for file in files {
            guard let theme = BundledTheme.all.first(where: { $0.name + ".json" == file.name }) else { continue }
            let identical = Array(theme.json.utf8) == file.bytes
            #expect(
                identical,
                "BundledTheme.all's entry for \(file.name) is not the file byte for byte: another file's bytes, or not UTF-8"
            )
        }
    }

    @Test func aUserThemeStartsFromABaseAndChangesSomeKeys() throws {
        let theme = try Theme.load(
            json: ##"{ "base": "dark", "name": "brand", "curve": "#FF00AA" }"##, source: "brand.json")
        let dark = try #require(try Theme.bundled(named: "dark"))
        #expect(theme.name == "brand")
        #expect(theme.curve == Color(red: 255, green: 0, blue: 170))
        #expect(theme.background == dark.background)
    }

    @Test func aThemeWithoutBaseMustGiveEveryColour() {
        #expect(throws: ThemeError.self) {
            try Theme.load(json: ##"{ "background": "#ffffff" }"##, source: "partial.json")
        }
    }

    @Test func mistakesInThemeFilesAreExplained() {
        func error(_ json: String) -> ThemeError? {
            do {
                _ = try Theme.load(json: json, source: "t.json")
                return nil
            } catch {
                return error
            }
        }
        #expect(error(##"{ "base": "light", "curv": "#000000" }"##)?.message == "unknown key 'curv'")
        #expect(error(##"{ "base": "light", "curv": "#000000" }"##)?.help.hasPrefix("did you mean 'curve'?") == true)
        #expect(error(##"{ "base": "light", "curve": "blue" }"##)?.message == "'curve' is not a colour: blue")
        #expect(error(##"{ "base": "sepia" }"##)?.message == "unknown base theme 'sepia'")
        #expect(
            error(##"{ "base": "light", "areaOpacity": 2 }"##)?.message == "'areaOpacity' must be a number from 0 to 1")
        #expect(error(##"{ "base": "light", "##)?.message.hasPrefix("not valid JSON") == true)
        #expect(error(##"[1, 2]"##)?.message == "a theme is a JSON object")
        #expect(error(##"{ "base": "light", "curve": "#000000" }"##) == nil)
    }

    @Test func coloursParseAndPrint() {
        #expect(Color(hex: "#0969da")?.description == "#0969da")
        #expect(Color(hex: "#FFF")?.description == "#ffffff")
        #expect(Color(hex: "0969da") == nil)
        #expect(Color(hex: "#12345g") == nil)
        #expect(abs(Color.contrastRatio(Color(hex: "#000000")!, Color(hex: "#ffffff")!) - 21) < 1e-9)
        // WCAG's own example: #777777 on white is 4.48, just under AA.
        #expect(abs(Color.contrastRatio(Color(hex: "#777777")!, Color(hex: "#ffffff")!) - 4.48) < 0.01)
    }
}
