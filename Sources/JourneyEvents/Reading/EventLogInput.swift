import Glibc
import JourneyLanguage

/// The input of an event log named by a path, opened: a regular file, read by position, or a
/// stream such as a pipe; `-` is standard input.
struct EventLogInput {
    /// The input's bytes, from where reading starts.
    let source: ChunkSource
    /// The offset just past the input's last byte; nil for a stream, whose size is unknown.
    let end: Int64?
    private let descriptor: Int32

    /// Opens the input at `path`.
    static func open(path: String) throws(FileError) -> EventLogInput {
        let descriptor = path == "-" ? STDIN_FILENO : Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileError(.cannotRead, path: path, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
            // A regular file, even as standard input (`< file`): read by position from where it stands.
            let start = path == "-" ? max(0, Int64(lseek(descriptor, 0, SEEK_CUR))) : 0
            return EventLogInput(
                source: ChunkSource(.file(descriptor), path: path, position: start),
                end: Int64(status.st_size), descriptor: descriptor)
        }
        return EventLogInput(source: ChunkSource(.stream(descriptor), path: path), end: nil, descriptor: descriptor)
    }

    /// Closes the input, unless it is standard input, once every thread is done reading it.
    func close() {
        if descriptor != STDIN_FILENO { Glibc.close(descriptor) }
    }
}
