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
