import Glibc

/// Reads and writes whole files with the system's own error messages.
///
/// Writing never leaves a half-written file behind: the bytes go to a temporary file
/// in the destination's folder, which then takes the destination's name in one step.
public enum FileSystem {
    /// The bytes of the file at `path`; `-` reads standard input.
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileError(.cannotRead, path: path, reason: lastErrorMessage())
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(.cannotRead, path: path, reason: lastErrorMessage())
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[..<count])
        }
    }

    /// Whether something (a file, a folder, a link) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Writes `bytes` to `path` atomically.
    ///
    /// - Parameter replacing: whether an existing file at `path` is replaced; when false
    ///   and the file exists, nothing is written and `FileError.Kind.alreadyExists` is thrown,
    ///   even if the file appears between the check and the write.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, replacing: Bool) throws(FileError) {
        let temporary = try writeTemporary(bytes, besides: path)
        defer { unlink(temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else {
                throw FileError(.cannotWrite, path: path, reason: lastErrorMessage())
            }
        } else {
            // link(2) fails when the destination exists, so no existing file is ever replaced.
            guard link(temporary, path) == 0 else {
                let exists = errno == EEXIST
                throw FileError(exists ? .alreadyExists : .cannotWrite, path: path, reason: lastErrorMessage())
            }
        }
    }

    /// Writes `bytes` to a new temporary file in the folder of `path` and returns its path.
    private static func writeTemporary(_ bytes: some Collection<UInt8>, besides path: String) throws(FileError) -> String {
        // A short name of its own, so that a destination name near the system's limit still fits.
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        var template = Array("\(folder).journey-tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw FileError(.cannotWrite, path: path, reason: lastErrorMessage())
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let contiguous = Array(bytes)
        var failure = contiguous.withUnsafeBytes { writeAll($0, to: descriptor) }
        if failure == nil, fchmod(descriptor, 0o644) != 0 || fsync(descriptor) != 0 {
            failure = lastErrorMessage()
        }
        if close(descriptor) != 0, failure == nil {
            failure = lastErrorMessage()
        }
        if let failure {
            unlink(temporary)
            throw FileError(.cannotWrite, path: path, reason: failure)
        }
        return temporary
    }

    /// Writes all of `bytes` at `descriptor`'s position, however many calls that takes;
    /// nil when done, else the system's reason for failing.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return lastErrorMessage()
            }
            offset += written
        }
        return nil
    }

    static func lastErrorMessage() -> String {
        String(cString: strerror(errno))
    }
}
