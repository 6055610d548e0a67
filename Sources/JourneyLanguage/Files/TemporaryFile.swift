import Foundation
import Glibc

/// A new file beside a destination, written whole and flushed before it takes the
/// destination's name, and locked for as long as its writer lives.
///
/// Its name is `.journey-tmp-` and six letters or digits. A writer that is killed leaves it
/// behind; the next write into the same folder removes it (`removeStale(in:)`). The writer
/// holds an exclusive `flock(2)` lock on it from its creation until it is renamed or removed,
/// and the system releases that lock when the writer dies, however it dies: a file whose lock
/// can be taken belongs to no live writer.
struct TemporaryFile: ~Copyable {
    /// What the names of temporary files start with.
    static let prefix = ".journey-tmp-"

    /// How long a new temporary file is left alone even when it is not locked, in seconds: its
    /// writer creates it and locks it at once, and the sweep must not fall between the two.
    static let graceSeconds = 10

    /// The temporary file's path.
    let path: String
    private let handle: FileHandle
    /// Whether the file still has its temporary name (neither renamed nor removed).
    private var isNamed = true

    /// Creates and locks a new temporary file in the folder of `destination`.
    ///
    /// The file is created for reading and writing by all, less the umask, as a new file is.
    /// - Parameter shownPath: the path named in errors, as the user gave it.
    init(besides destination: String, shownPath: String) throws(FileError) {
        let folder = FileSystem.folder(of: destination)
        for _ in 0..<100 {
            let candidate = "\(folder)\(Self.prefix)\(Self.randomSuffix())"
            let descriptor = unsafe open(candidate, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw FileError(.cannotWrite, path: shownPath, reason: FileSystem.lastErrorMessage())
            }
            // Not a file of ours until it is locked; `graceSeconds` covers the moment between.
            _ = flock(descriptor, LOCK_EX)
            path = candidate
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            return
        }
        throw FileError(.cannotWrite, path: shownPath, reason: FileSystem.message(errorNumber: EEXIST))
    }

    /// Writes `bytes` and flushes them to the disk.
    func write(_ bytes: some Collection<UInt8>) throws(FileError) {
        do {
            try handle.write(contentsOf: Data(bytes))
            try handle.synchronize()
        } catch {
            throw FileError(.cannotWrite, path: path, reason: FileSystem.reason(for: error))
        }
    }

    /// Gives the file the permission bits of `existing`, and its owner and group where the
    /// system allows it (to root; to others, a group they belong to).
    ///
    /// Set-user-ID and set-group-ID bits are not carried over: the new file is written by
    /// whoever runs journey.
    func take(permissionsOf existing: FileStatus) throws(FileError) {
        let descriptor = handle.fileDescriptor
        if let own = FileStatus(descriptor: descriptor), own.owner != existing.owner || own.group != existing.group {
            // A refusal keeps the file the user's own, as when any program writes a new file.
            _ = fchown(descriptor, existing.owner, existing.group)
        }
        guard fchmod(descriptor, existing.permissions) == 0 else {
            throw FileError(.cannotWrite, path: path, reason: FileSystem.lastErrorMessage())
        }
    }

    /// Gives the file the name `destination`, replacing what is there (`rename(2)`).
    mutating func rename(to destination: String, shownPath: String) throws(FileError) {
        guard unsafe Glibc.rename(path, destination) == 0 else {
            throw FileError(.cannotWrite, path: shownPath, reason: FileSystem.lastErrorMessage())
        }
        isNamed = false
    }

    /// Gives the file the name `destination` too, only if that name is free (`link(2)`).
    func link(as destination: String, shownPath: String) throws(FileError) {
        guard unsafe Glibc.link(path, destination) == 0 else {
            let exists = errno == EEXIST
            throw FileError(
                exists ? .alreadyExists : .cannotWrite, path: shownPath, reason: FileSystem.lastErrorMessage())
        }
    }

    deinit {
        // Removed before it is unlocked, so that no sweep ever sees it unlocked.
        if isNamed { _ = unsafe unlink(path) }
        try? handle.close()
    }

    /// Six letters and digits for a temporary file's name.
    private static func randomSuffix() -> String {
        let characters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<6).map { _ in characters.randomElement() ?? "x" })
    }
}

extension TemporaryFile {
    /// Removes the temporary files in `folder` ("" for the current one) that writers killed
    /// before they finished left behind: those whose lock can be taken and that are older than
    /// `graceSeconds`.
    ///
    /// A file that cannot be examined or removed is left where it is: this is housekeeping, and
    /// the write it comes before goes on either way.
    static func removeStale(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else {
            return
        }
        let now = Int(Date().timeIntervalSince1970)
        for name in names where name.hasPrefix(prefix) {
            let path = folder + name
            // O_NONBLOCK: a FIFO of that name must not stop the sweep.
            let descriptor = unsafe open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { _ = close(descriptor) }
            guard let status = FileStatus(descriptor: descriptor), status.kind == .regular,
                now - status.modified > graceSeconds,
                flock(descriptor, LOCK_EX | LOCK_NB) == 0,
                // Still the same file under that name, not a new one made since.
                FileStatus(path: path, followingLinks: false)?.identity == status.identity
            else { continue }
            _ = unsafe unlink(path)
        }
    }
}
