import JourneyLanguage

/// A `%% journey:KEY VALUE` comment: what a Mermaid diagram cannot show, kept for the importer.
///
/// Mermaid drops every line that starts with `%%` before it parses a diagram, so these
/// comments change nothing in what a renderer draws. Each belongs to the line above it: the
/// header (`journey` and `title`), the last `section`, or the last task. The value runs to
/// the end of the line, with `#`, line breaks and white space at either end written as
/// entities (`#35;`), the same entities as in the diagram's names. See docs/mermaid.md.
struct MermaidAnnotation {
    /// The words after `journey:`.
    enum Key: String, CaseIterable {
        // Anywhere; by convention in the header.
        case scale, state, persona, channel, vcp, recommend, fan, lost
        // The title, a section or a task, whichever the comment follows.
        case name
        // A section.
        case reach, target, owner, event, rung
        // A task.
        case score, via, measured, everyone, engagement, pain, idea, thought

        /// What the comment belongs to.
        var belongsTo: Owner {
            switch self {
            case .scale, .state, .persona, .channel, .vcp, .recommend, .fan, .lost: .journey
            case .name: .previous
            case .reach, .target, .owner, .event, .rung: .section
            case .score, .via, .measured, .everyone, .engagement, .pain, .idea, .thought: .task
            }
        }

        /// An example of the comment, for messages.
        var example: String {
            switch self {
            case .scale: "%% journey:scale -5..5"
            case .state: "%% journey:state current"
            case .persona: "%% journey:persona giulia Giulia, 34, shops on her phone"
            case .channel: "%% journey:channel site owned Shop website and app"
            case .vcp: "%% journey:vcp courier profitability credibility"
            case .recommend: "%% journey:recommend 1..10"
            case .fan: "%% journey:fan 5"
            case .lost: "%% journey:lost after 2x"
            case .name: "%% journey:name Checkout: guest or account?"
            case .reach: "%% journey:reach 120000"
            case .target: "%% journey:target 25%"
            case .owner: "%% journey:owner Brand team"
            case .event: "%% journey:event checkout_started"
            case .rung: "%% journey:rung buyer"
            case .score: "%% journey:score -4"
            case .via: "%% journey:via site"
            case .measured: "%% journey:measured reel views"
            case .everyone: "%% journey:everyone"
            case .engagement: "%% journey:engagement relationship"
            case .pain: "%% journey:pain Forced sign-up before paying"
            case .idea: "%% journey:idea Offer guest checkout"
            case .thought: "%% journey:thought Why do they need my password?"
            }
        }
    }

    /// What a comment belongs to.
    enum Owner {
        case journey, section, task
        /// Whatever the comment follows: the title, a section or a task.
        case previous
    }

    /// The prefix that marks a comment as one of ours, after `%%` and optional white space.
    static let prefix = "journey:"

    var key: Key
    /// The value's scalars as written, trimmed, entities not yet decoded.
    var value: ArraySlice<Unicode.Scalar>
    /// Where the key starts, for messages about the whole comment.
    var keyRange: SourceRange
    /// Where the value is written.
    var valueRange: SourceRange

    /// The value with its entities decoded.
    var text: String { MermaidText.decode(value) }

    /// The value's first word, decoded, and the decoded rest of the value, if any.
    var firstWordAndRest: (word: String, rest: ArraySlice<Unicode.Scalar>) {
        let end = value.firstIndex(where: MermaidText.isWhitespace) ?? value.endIndex
        let rest = value[end...].drop(while: MermaidText.isWhitespace)
        return (MermaidText.decode(value[..<end]), rest)
    }

    // MARK: - Writing

    /// `%% journey:KEY VALUE`, the value written as free text.
    static func line(_ key: Key, _ value: String? = nil) -> String {
        guard let value else { return "%% \(prefix)\(key.rawValue)" }
        return "%% \(prefix)\(key.rawValue) \(MermaidText.escape(value, in: .commentText))"
    }

    /// `%% journey:KEY WORD…`: ids as single words, then free text.
    static func line(_ key: Key, words: [String], text: String? = nil) -> String {
        let parts =
            words.map { MermaidText.escape($0, in: .commentWord) }
            + (text.map { [MermaidText.escape($0, in: .commentText)] } ?? [])
        return "%% \(prefix)\(key.rawValue) " + parts.joined(separator: " ")
    }
}
