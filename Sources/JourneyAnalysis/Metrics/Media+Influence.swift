import JourneyLanguage

extension Media {
    /// How much of a touchpoint on this kind of channel the company controls, from 0 to 1.
    ///
    /// Owned media are the company's own (1); paid and partner media are bought or delegated,
    /// so the company controls what is said but not the place (0.5); earned media belong to
    /// others (0).
    public var influenceWeight: Double {
        switch self {
        case .owned: 1
        case .paid, .partner: 0.5
        case .earned: 0
        }
    }
}
