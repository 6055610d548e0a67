import Foundation
import Glibc

/// Reads and writes whole files with the system's own error messages.
///
/// Writing never leaves a half-written file behind: the bytes go to a temporary file
/// in the destination's folder, which then takes the destination's name in one step.
///
/// Foundation's `FileHandle` moves the bytes. Three POSIX calls remain, because Foundation has
/// no equivalent: `rename(2)` (replace a file in one step), `link(2)` (create a name only if it
/// is free) and `unlink(2)`, plus `strerror(3)` for the system's wording of an error. They are
/// marked `unsafe` because they take C strings; Swift makes each from a `String` for the
/// duration of the call, and no pointer is kept or computed here.
public enum FileSystem {
    /// The bytes of the file at `path`; `-` reads standard input.
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        do {
            if path == "-" {
                return try FileHandle.standardInput.readToEnd().map { [UInt8]($0) } ?? []
            }
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            return try handle.readToEnd().map { [UInt8]($0) } ?? []
        } catch {
            throw FileError(.cannotRead, path: path, reason: reason(for: error))
        }
    }

    /// Whether something (a file, a folder, a link) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        // attributesOfItem does not follow a final symbolic link, so a dangling link exists too.
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }

    /// Writes `bytes` to `path` atomically.
    ///
    /// - Parameter replacing: whether an existing file at `path` is replaced; when false
    ///   and the file exists, nothing is written and `FileError.Kind.alreadyExists` is thrown,
    ///   even if the file appears between the check and the write.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, replacing: Bool) throws(FileError) {
        let temporary = try writeTemporary(bytes, besides: path)
        defer { _ = unsafe unlink(temporary) }
        if replacing {
            guard unsafe rename(temporary, path) == 0 else {
                throw FileError(.cannotWrite, path: path, reason: lastErrorMessage())
            }
        } else {
            // link(2) fails when the destination exists, so no existing file is ever replaced.
            guard unsafe link(temporary, path) == 0 else {
                let exists = errno == EEXIST
                throw FileError(exists ? .alreadyExists : .cannotWrite, path: path, reason: lastErrorMessage())
            }
        }
    }

    /// Writes `bytes` to a new temporary file in the folder of `path`, flushed to the disk
    /// and readable by all, and returns its path.
    private static func writeTemporary(_ bytes: some Collection<UInt8>, besides path: String) throws(FileError)
        -> String
    {
        // A short name of its own, so that a destination name near the system's limit still fits.
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let data = Data(bytes)
        var attempt = 0
        while true {
            attempt += 1
            let temporary = "\(folder).journey-tmp-\(randomSuffix())"
            do {
                // `.withoutOverwriting` creates the file with O_EXCL: never someone else's file.
                try data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
            } catch let error as CocoaError where error.code == .fileWriteFileExists && attempt < 100 {
                continue
            } catch {
                throw FileError(.cannotWrite, path: path, reason: reason(for: error))
            }
            do {
                try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: temporary)
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
                defer { try? handle.close() }
                try handle.synchronize()
            } catch {
                _ = unsafe unlink(temporary)
                throw FileError(.cannotWrite, path: path, reason: reason(for: error))
            }
            return temporary
        }
    }

    /// Six letters and digits for a temporary file's name.
    private static func randomSuffix() -> String {
        let characters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<6).map { _ in characters.randomElement() ?? "x" })
    }

    /// The system's wording of the error Foundation reports, such as "No such file or directory".
    private static func reason(for error: any Error) -> String {
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
