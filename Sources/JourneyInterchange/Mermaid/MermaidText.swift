/// How free text is written in a Mermaid `journey` diagram: as it is, except for the
/// characters Mermaid would read as syntax, which become numeric entities such as `#58;`.
///
/// Mermaid replaces every `#` + word characters + `;` with a placeholder before it parses a
/// diagram, and turns the placeholder into an HTML character reference when it draws, so
/// `#58;` is shown as `:` by every Mermaid renderer. Escaping with entities therefore keeps
/// what a plain Mermaid viewer shows exactly the original text, and decoding them on import
/// gives the original back. See docs/mermaid.md for the rules of each place.
enum MermaidText {
    /// Where a text is written; each place has its own hazards.
    enum Place {
        /// The `title` statement: Mermaid also sanitises it as HTML, so `&`, `<` and `>` are escaped.
        case title
        /// A `section` name: `:` and `;` break the statement.
        case section
        /// A task name: `:` ends it, and a name starting with a keyword is read as the keyword.
        case task
        /// An actor of a task: `,` separates actors and `:` ends them.
        case actor
        /// The free text of a `%% journey:` comment, up to the end of its line.
        case commentText
        /// A word of a `%% journey:` comment (an id), which white space would end.
        case commentWord
    }

    // MARK: - Writing

    /// `text` written for `place`, with every character that place cannot hold as an entity.
    static func escape(_ text: String, in place: Place) -> String {
        let scalars = Array(text.unicodeScalars)
        let keywordAtStart = place == .task && startsWithKeyword(scalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            let scalar = scalars[index]
            if mustEscape(scalar, at: index, in: scalars, place: place) || (index == 0 && keywordAtStart) {
                result.append(contentsOf: "#\(scalar.value);".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func mustEscape(_ scalar: Unicode.Scalar, at index: Int, in scalars: [Unicode.Scalar], place: Place)
        -> Bool
    {
        let previous = index > 0 ? scalars[index - 1] : nil
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        switch scalar {
        // `#` starts a comment or an entity; escaping every one keeps decoding unambiguous.
        case "#": return true
        // `%%` starts a comment, `%%{` a directive, anywhere Mermaid looks for them.
        case "%": if previous == "%" || next == "%" { return true }
        // Mermaid's own entity placeholders, which it would turn into `&`, `&#` and `;`.
        case "\u{B6}", "\u{FB02}": return true
        // Line breaks of any kind end a statement.
        case "\u{85}", "\u{2028}", "\u{2029}": return true
        default: break
        }
        if scalar.properties.generalCategory == .control { return true }
        // Mermaid trims names and actors, and a comment's value is trimmed too.
        if isWhitespace(scalar), index == 0 || index == scalars.count - 1 || place == .commentWord {
            return true
        }
        switch place {
        case .commentText, .commentWord:
            return false
        case .title, .section, .task, .actor:
            break
        }
        switch scalar {
        case ":", ";": return true
        case ",": return place == .actor
        case "&", ">", "\u{A0}": return place == .title
        case "<":
            // `<br>` breaks the line and tag-like text has its attributes rewritten.
            guard place != .title else { return true }
            guard let next else { return false }
            return ("a"..."z").contains(next) || ("A"..."Z").contains(next) || next == "/" || next == "!" || next == "?"
        default: return false
        }
    }

    /// Whether Mermaid's lexer would read the start of a task line as a keyword: it tries
    /// `journey`, `title `, `accTitle`, `accDescr` and `section ` before a task name, ignoring case.
    static func startsWithKeyword(_ scalars: some Collection<Unicode.Scalar>) -> Bool {
        let lowered = String(String.UnicodeScalarView(scalars.prefix(9))).lowercased()
        if lowered.hasPrefix("journey") || lowered.hasPrefix("acctitle") || lowered.hasPrefix("accdescr") {
            return true
        }
        for keyword in ["title", "section"] where lowered.hasPrefix(keyword) {
            let after = scalars.dropFirst(keyword.count).first
            if let after, isWhitespace(after) { return true }
        }
        return false
    }

    /// White space as JavaScript's `\s` sees it.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}"
    }

    // MARK: - Reading

    /// `scalars` with every entity Mermaid knows decoded: `#58;` is `:`, `#quot;` is `"`.
    ///
    /// An entity is `#`, ASCII letters, digits or `_`, and `;`. Numeric ones give the scalar of
    /// that number; named ones the HTML character of that name. Unknown names and numbers that
    /// are not scalars are kept as written, and so is a `#` that starts no entity.
    static func decode(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if let entity = entity(in: scalars, at: index) {
                if let decoded = entity.decoded {
                    result.append(contentsOf: decoded.unicodeScalars)
                } else {
                    result.append(contentsOf: scalars[index..<entity.end])
                }
                index = entity.end
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// The entity starting at `index`, if one does: where it ends and what it stands for.
    static func entity(in scalars: ArraySlice<Unicode.Scalar>, at index: Int) -> (end: Int, decoded: String?)? {
        guard scalars[index] == "#" else { return nil }
        var end = index + 1
        while end < scalars.endIndex, isWordCharacter(scalars[end]) {
            end += 1
        }
        guard end > index + 1, end < scalars.endIndex, scalars[end] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        let decoded: String?
        if name.allSatisfy(\.isASCIIDigit) {
            decoded = UInt32(name).flatMap(Unicode.Scalar.init).map { String($0) }
        } else {
            decoded = namedEntities[name]
        }
        return (end + 1, decoded)
    }

    /// JavaScript's `\w`: ASCII letters, digits and `_`.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }

    /// The HTML named characters a diagram is likely to use, written `#name;` in Mermaid.
    static let namedEntities: [String: String] = [
        "quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": "\u{A0}",
        "num": "#", "colon": ":", "semi": ";", "comma": ",", "percnt": "%", "excl": "!", "quest": "?",
        "lpar": "(", "rpar": ")", "lsqb": "[", "rsqb": "]", "lcub": "{", "rcub": "}", "lbrace": "{", "rbrace": "}",
        "ast": "*", "plus": "+", "equals": "=", "sol": "/", "bsol": "\\", "vert": "|", "period": ".",
        "commat": "@", "dollar": "$", "grave": "`", "lowbar": "_", "Hat": "^", "tilde": "\u{2DC}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "bull": "\u{2022}", "middot": "\u{B7}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "laquo": "\u{AB}", "raquo": "\u{BB}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}",
        "deg": "\u{B0}", "euro": "\u{20AC}", "pound": "\u{A3}", "yen": "\u{A5}", "cent": "\u{A2}",
        "times": "\u{D7}", "divide": "\u{F7}", "hearts": "\u{2665}", "check": "\u{2713}",
        "star": "\u{2606}", "starf": "\u{2605}", "rarr": "\u{2192}", "larr": "\u{2190}",
    ]
}
