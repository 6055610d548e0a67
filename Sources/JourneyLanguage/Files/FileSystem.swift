import Foundation
import Glibc

/// Reads and writes whole files with the system's own error messages.
///
/// Reading stops at the input's limit (`InputLimit`), so that an endless stream costs no more
/// memory than the limit.
///
/// Writing never leaves a half-written file behind: the bytes go to a temporary file in the
/// destination's folder (`TemporaryFile`), which then takes the destination's name in one step,
/// with the permissions of the file it replaces. What is not a regular file (a device such as
/// `/dev/null`, a FIFO) is written to, never replaced; a symbolic link is followed, and stays a
/// link; the command's own standard output or error is written through its descriptor.
///
/// Foundation's `FileHandle` moves the bytes. A few POSIX calls remain, because Foundation has
/// no equivalent: `open(2)` (create a file only if the name is free, with the umask's
/// permissions), `rename(2)` (replace a file in one step), `link(2)` (give a file a name only if
/// it is free), `unlink(2)`, `stat(2)` and `lstat(2)`, plus `strerror(3)` for the system's
/// wording of an error. They are marked `unsafe` because they take C strings or a pointer to a
/// `stat` value; Swift makes each for the duration of the call, and no pointer is kept or
/// computed here.
public enum FileSystem {
    /// How many bytes one read asks for, in bytes.
    private static let readSize = 1 << 20

    /// The bytes of the file at `path`, at most `limit.bytes` of them; `-` reads standard input.
    ///
    /// - Throws: `FileError` of kind `.tooLarge` when there are more bytes than that, after
    ///   reading at most one more; of kind `.notText` when the input must be text
    ///   (`limit.isText`) and holds a NUL byte (`TextContent`).
    public static func read(_ path: String, limit: InputLimit) throws(FileError) -> [UInt8] {
        let handle: FileHandle
        do {
            handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            throw FileError(.cannotRead, path: path, reason: reason(for: error))
        }
        defer { if path != "-" { try? handle.close() } }
        let tooLarge = FileError(.tooLarge(limit), path: path, reason: "")
        // A regular file says how large it is: a larger one is not read at all.
        if let status = FileStatus(descriptor: handle.fileDescriptor), status.kind == .regular,
            status.size > limit.bytes
        {
            throw tooLarge
        }
        var bytes: [UInt8] = []
        do {
            while let data = try handle.read(upToCount: min(readSize, limit.bytes + 1 - bytes.count)), !data.isEmpty {
                bytes.append(contentsOf: data)
                if bytes.count > limit.bytes { throw tooLarge }
            }
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError(.cannotRead, path: path, reason: reason(for: error))
        }
        if limit.isText { try TextContent.requireText(bytes, path: path) }
        return bytes
    }

    /// Whether something (a file, a folder, a link) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        // attributesOfItem does not follow a final symbolic link, so a dangling link exists too.
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }

    /// Whether `path` names the file, pipe or terminal that standard output goes to, as
    /// `/dev/stdout` does.
    package static func isStandardOutput(_ path: String) -> Bool {
        guard let status = FileStatus(path: path, followingLinks: true) else { return false }
        return FileStatus(descriptor: STDOUT_FILENO)?.identity == status.identity
    }

    /// Writes `bytes` to `path`, atomically when it is a regular file or a new one.
    ///
    /// A regular file is replaced in one step and keeps its permissions (the new file has a
    /// new inode: another hard link to the old file keeps the old content); a new file gets
    /// the permissions the umask leaves. A symbolic link is followed, so that the file it names
    /// is replaced and the link stays. A device or a FIFO is opened and written to, never
    /// replaced, whether or not `replacing` is given; so are standard output and standard
    /// error when `path` names the same file as either (`/dev/stdout`, `/dev/fd/2`). Before
    /// writing, temporary files that killed writers left in the folder are removed.
    ///
    /// - Parameter replacing: whether an existing file at `path` is replaced; when false
    ///   and the name exists (a dangling link too), nothing is written and
    ///   `FileError.Kind.alreadyExists` is thrown, even if the file appears between the check
    ///   and the write.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, replacing: Bool) throws(FileError) {
        if let status = FileStatus(path: path, followingLinks: true) {
            for descriptor in [STDOUT_FILENO, STDERR_FILENO]
            where FileStatus(descriptor: descriptor)?.identity == status.identity {
                try write(bytes, through: FileHandle(fileDescriptor: descriptor, closeOnDealloc: false), path: path)
                return
            }
            switch status.kind {
            case .directory where !replacing:
                throw FileError(.alreadyExists, path: path, reason: message(errorNumber: EEXIST))
            case .directory:
                throw FileError(.cannotWrite, path: path, reason: message(errorNumber: EISDIR))
            case .special:
                try writeInto(path, bytes)
                return
            case .regular, .symbolicLink:
                break
            }
        }
        let destination = replacing ? try resolvingLinks(path) : path
        removeStaleTemporaryFiles(besides: destination)
        var temporary = try TemporaryFile(besides: destination, shownPath: path)
        try temporary.write(bytes)
        if replacing {
            if let existing = FileStatus(path: destination, followingLinks: false), existing.kind == .regular {
                try temporary.take(permissionsOf: existing)
            }
            try temporary.rename(to: destination, shownPath: path)
        } else {
            // link(2) fails when the destination exists, so no existing file is ever replaced.
            try temporary.link(as: destination, shownPath: path)
        }
    }

    /// Removes what `TemporaryFile.removeStale(in:)` removes, in the folder of `destination`.
    package static func removeStaleTemporaryFiles(besides destination: String) {
        TemporaryFile.removeStale(in: folder(of: destination))
    }

    /// Opens the existing device or FIFO at `path` and writes `bytes` to it.
    private static func writeInto(_ path: String, _ bytes: some Collection<UInt8>) throws(FileError) {
        // O_NOCTTY: a terminal written to does not become the controlling one.
        let descriptor = unsafe open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileError(.cannotWrite, path: path, reason: lastErrorMessage())
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try write(bytes, through: handle, path: path)
        do {
            try handle.close()
        } catch {
            throw FileError(.cannotWrite, path: path, reason: reason(for: error))
        }
    }

    /// Writes `bytes` to an open `handle`, naming `path` in an error.
    private static func write(_ bytes: some Collection<UInt8>, through handle: FileHandle, path: String)
        throws(FileError)
    {
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw FileError(.cannotWrite, path: path, reason: reason(for: error))
        }
    }

    /// The path that `path` leads to once every symbolic link on its last part is followed,
    /// whether or not a file is there.
    private static func resolvingLinks(_ path: String) throws(FileError) -> String {
        var current = path
        // Linux gives up after 40 links too (ELOOP).
        for _ in 0..<40 {
            guard let status = FileStatus(path: current, followingLinks: false), status.kind == .symbolicLink else {
                return current
            }
            let target: String
            do {
                target = try FileManager.default.destinationOfSymbolicLink(atPath: current)
            } catch {
                throw FileError(.cannotWrite, path: path, reason: reason(for: error))
            }
            current = target.hasPrefix("/") ? target : folder(of: current) + target
        }
        throw FileError(.cannotWrite, path: path, reason: message(errorNumber: ELOOP))
    }

    /// The folder part of `path` with its final `/`, or "" for a name in the current folder.
    package static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    }

    /// The system's wording of the error Foundation reports, such as "No such file or directory".
    package static func reason(for error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return message(errorNumber: Int32(truncatingIfNeeded: underlying.code))
        }
        if error.domain == NSPOSIXErrorDomain {
            return message(errorNumber: Int32(truncatingIfNeeded: error.code))
        }
        // Some of Foundation's errors carry no POSIX error of their own.
        if error.domain == NSCocoaErrorDomain, let errorNumber = errorNumbers[error.code] {
            return message(errorNumber: errorNumber)
        }
        return error.localizedDescription
    }

    /// The POSIX error numbers behind Foundation's file errors that carry none.
    private static let errorNumbers: [Int: Int32] = [
        CocoaError.fileNoSuchFile.rawValue: ENOENT,
        CocoaError.fileReadNoSuchFile.rawValue: ENOENT,
        CocoaError.fileReadNoPermission.rawValue: EACCES,
        CocoaError.fileWriteNoPermission.rawValue: EACCES,
        CocoaError.fileWriteFileExists.rawValue: EEXIST,
        CocoaError.fileWriteOutOfSpace.rawValue: ENOSPC,
        CocoaError.fileWriteVolumeReadOnly.rawValue: EROFS,
    ]

    /// The system's wording of the last failed call's error number.
    package static func lastErrorMessage() -> String {
        message(errorNumber: errno)
    }

    /// The system's wording of an error number, from `strerror(3)`.
    package static func message(errorNumber: Int32) -> String {
        unsafe String(cString: strerror(errorNumber))
    }
}
