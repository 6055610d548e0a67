import Glibc

/// The descriptor of an unlinked temporary file, closed when the last owner lets go of it.
///
/// The writer of a spill file and the finished file it hands to readers share one: the file
/// has no name, so closing the descriptor is what frees its space.
final class SpillFileDescriptor: Sendable {
    let rawValue: Int32

    init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    deinit {
        close(rawValue)
    }
}
