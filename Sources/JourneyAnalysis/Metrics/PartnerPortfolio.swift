import JourneyLanguage

/// The journey's partners — its partner and earned channels rated with `vcp` — and how many
/// of their relationships reach profitability, against the 4 or 5 to aim for.
///
/// In the visibility–credibility–profitability model a relationship is profitable when both
/// sides send each other business; a company is advised to grow 4 or 5 such partners rather
/// than many acquaintances. Each partner's level is the lower of our view and theirs.
public struct PartnerPortfolio: Hashable, Sendable {
    /// A rated partner.
    public struct Partner: Hashable, Sendable {
        /// The channel's id.
        public var channel: String
        /// `partner` or `earned`.
        public var media: Media
        /// Our view of the relationship and, when known, theirs.
        public var standing: PartnerStanding

        public init(channel: String, media: Media, standing: PartnerStanding) {
            self.channel = channel
            self.media = media
            self.standing = standing
        }

        /// The relationship's level: the lower of the two views.
        public var level: VCPLevel { standing.level }

        /// `courier (credibility)`, with both views when the partner's is the lower one:
        /// `courier (credibility: profitability in our view, credibility in theirs)`.
        public var described: String {
            guard let theirs = standing.theirs, theirs < standing.ours else {
                return "\(channel) (\(level.rawValue))"
            }
            return "\(channel) (\(level.rawValue): \(standing.ours.rawValue) in our view, \(theirs.rawValue) in theirs)"
        }
    }

    /// How many partners at profitability to aim for.
    public static let profitableAim = 4...5

    /// The rated partners, in file order.
    public var partners: [Partner]

    public init(partners: [Partner]) {
        self.partners = partners
    }

    /// The channels of `journey` that carry a `vcp` level, in file order.
    public init(journey: Journey) {
        self.partners = journey.channels.compactMap { channel in
            channel.vcp.map { Partner(channel: channel.id, media: channel.media, standing: $0) }
        }
    }

    /// The partners whose relationship reaches profitability, in file order.
    public var profitable: [Partner] {
        partners.filter { $0.level == .profitability }
    }

    /// Whether fewer partners reach profitability than the 4 or 5 to aim for.
    public var isBelowAim: Bool {
        !partners.isEmpty && profitable.count < Self.profitableAim.lowerBound
    }

    /// How many partners reach profitability and which: `1 of 3 partners reaches profitability:
    /// courier.`, followed by how that compares with the 4 or 5 to aim for when it is that many
    /// or more; nil when no channel is rated.
    public var summary: String? {
        guard !partners.isEmpty else { return nil }
        let count = profitable.count
        let noun = partners.count == 1 ? "partner" : "partners"
        let verb = count == 1 ? "reaches" : "reach"
        let names = profitable.isEmpty ? "" : ": " + profitable.map(\.channel).joined(separator: ", ")
        var text = "\(count) of \(partners.count) \(noun) \(verb) profitability\(names)."
        let aim = "\(Self.profitableAim.lowerBound) or \(Self.profitableAim.upperBound)"
        if Self.profitableAim.contains(count) {
            text += " That is the \(aim) to aim for."
        } else if count > Self.profitableAim.upperBound {
            text += " That is more than the \(aim) to aim for."
        }
        return text
    }

    /// What to do when fewer than 4 partners reach profitability, naming the closest ones first;
    /// nil otherwise.
    public var recommendation: String? {
        guard isBelowAim else { return nil }
        let missing = Self.profitableAim.lowerBound - profitable.count
        var text =
            "Aim for \(Self.profitableAim.lowerBound) or \(Self.profitableAim.upperBound) partners at "
            + "profitability, who send you customers as you send them theirs: \(missing) more."
        let closest = partners.enumerated()
            .filter { $0.element.level < .profitability }
            .sorted { ($1.element.level, $0.offset) < ($0.element.level, $1.offset) }
            .map(\.element.described)
        if !closest.isEmpty {
            text += " The closest: " + closest.joined(separator: ", ") + "."
        }
        return text
    }
}
