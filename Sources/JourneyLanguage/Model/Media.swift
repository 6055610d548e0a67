/// Who controls a channel, in the paid, owned and earned media model.
public enum Media: String, Hashable, Sendable, CaseIterable {
    /// Channels the company runs itself: its site, app, shop, emails.
    case owned
    /// Attention the company buys: ads, sponsorships.
    case paid
    /// A third party working for the company: a courier, a reseller, an agency.
    case partner
    /// What others say of the company: word of mouth, reviews, press.
    case earned
}

extension Media {
    /// Whether a channel of this media may carry a partner's `vcp` level: a relationship with a
    /// third party, so partner and earned media only.
    public var takesPartnerLevel: Bool {
        self == .partner || self == .earned
    }
}
