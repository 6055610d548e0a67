/// A channel on which touchpoints happen, from a `channel` statement.
public struct Channel: Hashable, Sendable {
    /// The name touchpoints use to refer to the channel in `via`.
    public var id: String
    /// Who controls the channel.
    public var media: Media
    /// What the channel is, in a few words.
    public var description: String?
    /// Where the relationship with the partner stands, from `vcp`; only on partner and earned media.
    public var vcp: PartnerStanding?
    /// Where the channel is declared.
    public var location: SourceLocation

    public init(
        id: String, media: Media, description: String? = nil, vcp: PartnerStanding? = nil, location: SourceLocation
    ) {
        self.id = id
        self.media = media
        self.description = description
        self.vcp = vcp
        self.location = location
    }
}
