// Messages about partners' levels: the `vcp LEVEL [theirs LEVEL]` option of a channel.

extension Diagnostic {
    static func vcpOnOwnedOrPaidChannel(_ id: String, media: Media, at range: SourceRange) -> Diagnostic {
        let allowed = Media.allCases.filter(\.takesPartnerLevel).map { "'\($0.rawValue)'" }.joined(separator: " and ")
        return .error(
            "vcp-on-owned-or-paid", "channel '\(id)' is \(media.rawValue) media, which has no partner level",
            at: range,
            help: "'vcp' rates a relationship with a third party, so only \(allowed) channels take it; "
                + "remove it, or declare the channel with the right media")
    }

    static func theirsWithoutVCP(at range: SourceRange) -> Diagnostic {
        .error(
            "malformed-argument", "'theirs' must follow 'vcp LEVEL'", at: range,
            help: "give our view first, then the partner's: vcp credibility theirs visibility")
    }

    static func unknownChannelOption(_ token: Token, suggestion: String) -> Diagnostic {
        .error(
            "unknown-option", "unknown channel option '\(token.text)'", at: token.range,
            help: "did you mean '\(suggestion)'? After its media and description, a channel takes 'vcp LEVEL', "
                + "then optionally 'theirs LEVEL'")
    }
}
