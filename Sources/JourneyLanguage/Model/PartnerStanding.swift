/// Where a relationship with a partner stands in the visibility–credibility–profitability
/// model, from a channel's `vcp LEVEL [theirs LEVEL]` option.
public struct PartnerStanding: Hashable, Sendable {
    /// How the company sees the relationship.
    public var ours: VCPLevel
    /// How the partner sees it, when the company knows; nil when it does not.
    public var theirs: VCPLevel?

    public init(ours: VCPLevel, theirs: VCPLevel? = nil) {
        self.ours = ours
        self.theirs = theirs
    }

    /// The relationship's level: the lower of the two views, or ours alone when theirs is unknown.
    ///
    /// A relationship is only as strong as its weaker side: a partner who merely knows of the
    /// company will not send it customers, however much the company trusts them.
    public var level: VCPLevel {
        theirs.map { Swift.min(ours, $0) } ?? ours
    }
}
