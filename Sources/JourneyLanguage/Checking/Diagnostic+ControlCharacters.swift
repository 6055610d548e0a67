// The message about a character that no XML document can carry, in a string of a journey file.

extension Diagnostic {
    /// A control character (other than tab and carriage return), U+FFFE or U+FFFF in a string:
    /// XML 1.0 forbids them even as character references, so no chart, report or XML export
    /// could show the text as written.
    package static func controlCharacterInText(_ scalar: Unicode.Scalar, at range: SourceRange) -> Diagnostic {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return .error(
            "control-character", "the text holds the control character \(code), which XML cannot carry",
            at: range,
            help: "remove it: charts, the report and the XML export are XML, which forbids it even "
                + "as a character reference (tab is fine)")
    }
}
