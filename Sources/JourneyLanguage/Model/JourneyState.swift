/// Whether a journey maps the experience as it is today or as it should become.
public enum JourneyState: String, Hashable, Sendable, CaseIterable {
    /// The experience customers have today.
    case current
    /// The experience the company intends to build.
    case future
}
