import Glibc

/// What `stat(2)` says of a path or an open file: its type, permissions, owner and identity.
package struct FileStatus: Sendable {
    /// The type of a file, as far as writing it is concerned.
    package enum Kind: Sendable {
        case regular
        case directory
        case symbolicLink
        /// A device, a FIFO or a socket: written to, never replaced.
        case special
    }

    package var kind: Kind
    /// The permission bits, such as `0o640`; no set-user-ID, set-group-ID or sticky bit.
    package var permissions: mode_t
    package var owner: uid_t
    package var group: gid_t
    /// The size, in bytes.
    package var size: Int
    /// The number of names (hard links) the file has.
    package var links: Int
    /// The device and the inode number, which together tell one file from every other.
    package var identity: FileIdentity
    /// When the file was last written, in seconds since 1970.
    package var modified: Int

    /// The status of the file at `path`, or nil when nothing is there.
    ///
    /// With `followingLinks`, a symbolic link gives the status of the file it names (nil when
    /// it dangles); without, of the link itself.
    package init?(path: String, followingLinks: Bool) {
        var status = stat()
        let result = unsafe followingLinks ? stat(path, &status) : lstat(path, &status)
        guard result == 0 else { return nil }
        self.init(status)
    }

    /// The status of the open file `descriptor`, or nil when it is not open.
    package init?(descriptor: Int32) {
        var status = stat()
        guard unsafe fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    private init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .special
        }
        permissions = status.st_mode & 0o777
        owner = status.st_uid
        group = status.st_gid
        size = Int(status.st_size)
        links = Int(status.st_nlink)
        identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        modified = Int(status.st_mtim.tv_sec)
    }
}

/// The device and inode number of a file: two paths with the same identity are the same file.
package struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
}
