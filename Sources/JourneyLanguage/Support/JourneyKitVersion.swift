/// The version of JourneyKit and of the `journey` tool built on it.
public enum JourneyKitVersion {
    /// The version as `MAJOR.MINOR.PATCH`.
    public static let current = "0.1.0"
}
