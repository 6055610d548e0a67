/// XML's white space: space, tab, line feed and carriage return, nothing else.
///
/// Values of the schema's enumerations, numbers and booleans may have white space around
/// them (their types collapse it); text never does, so text is taken as it is.
enum XMLWhiteSpace {
    /// `text` without XML white space at either end.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhiteSpace($0) }),
            let last = scalars.lastIndex(where: { !isWhiteSpace($0) })
        else {
            return ""
        }
        return String(scalars[first...last])
    }

    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
