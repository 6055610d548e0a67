/// An external DTD or entity that a document asked for and that was not loaded, because the
/// system XML catalog does not name it.
///
/// Only what the catalog names is read: a DOCTYPE or an entity naming any other file (a local
/// path such as `/etc/shadow`, a named pipe, `/dev/stdin`) or an address on the network is never
/// opened, so validating a document tells nothing about the files of the machine and cannot
/// hang on a pipe.
struct ExternalLoadRefusal: Hashable, Sendable {
    /// The system identifier as libxml2 asked for it (made absolute against the document's
    /// name when it was relative), or nil.
    var systemID: String?
    /// The public identifier, or nil.
    var publicID: String?
    /// Whether it was asked for as the DOCTYPE's external subset, the DTD itself.
    var isExternalSubset: Bool
    /// The file being read when it was asked for, as libxml2 names it (the document, or a DTD).
    var file: String?
    /// The 1-based line in `file`, or 0 when unknown.
    var line: Int
    /// The 1-based column in `file` (in characters), or 0 when unknown.
    var column: Int

    /// Whether it is an address on the network, which journey never fetches.
    var isOnTheNetwork: Bool {
        guard let systemID else { return false }
        let lowercased = systemID.lowercased()
        return ["http://", "https://", "ftp://"].contains { lowercased.hasPrefix($0) }
    }

    /// How a person would name it: its system identifier, else its public identifier.
    var displayName: String {
        systemID ?? publicID ?? "?"
    }
}
