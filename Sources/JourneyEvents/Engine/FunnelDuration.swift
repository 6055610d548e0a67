/// Durations of a funnel as a person reads them.
public enum FunnelDuration {
    /// A duration in milliseconds in its two largest units: `0s`, `45s`, `3m 20s`, `2h 5m`, `3d 4h`.
    public static func text(_ milliseconds: Double) -> String {
        let seconds = Int((milliseconds / 1000).rounded())
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m" + (seconds % 60 > 0 ? " \(seconds % 60)s" : "")
        case ..<86400: return "\(seconds / 3600)h" + ((seconds % 3600) / 60 > 0 ? " \((seconds % 3600) / 60)m" : "")
        default: return "\(seconds / 86400)d" + ((seconds % 86400) / 3600 > 0 ? " \((seconds % 86400) / 3600)h" : "")
        }
    }
}
