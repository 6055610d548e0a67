import Glibc

extension MemorySize {
    /// The memory for funnel events that `--event-memory auto` (the default of `journey funnel`)
    /// stands for: a quarter of the memory this process may use, at least 64M.
    ///
    /// Spilling costs time: on the shared benchmark's 10 M-event log, reading and computing from
    /// a temporary file took 3.0 s of user CPU where keeping the events in memory took 2.2 s,
    /// to save 57 MiB of 778 (bench/README.md). So events are spilled only when the machine is
    /// short of memory for them, and `--event-memory` still sets a bound of one's own.
    public static var automaticEventMemory: MemorySize {
        automaticEventMemory(physical: physicalMemory(), cgroupLimit: cgroupLimitText().flatMap(cgroupLimit))
    }

    /// A quarter of the smaller of `physical` and `cgroupLimit` (bytes), from 64M to `maximum`.
    static func automaticEventMemory(physical: Int?, cgroupLimit: Int?) -> MemorySize {
        let usable = [physical, cgroupLimit].compactMap { $0 }.min() ?? 0
        return MemorySize(bytes: min(max(usable / 4, 64 << 20), maximum))
    }

    /// The limit a cgroup v2 `memory.max` file gives, in bytes; nil for `max` (no limit) or text
    /// that is not a number.
    static func cgroupLimit(_ text: String) -> Int? {
        text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
    }

    /// The machine's physical memory in bytes, or nil when the system does not say.
    static func physicalMemory() -> Int? {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return nil }
        return pages.multipliedReportingOverflow(by: pageSize).overflow ? nil : pages * pageSize
    }

    /// The text of this process's cgroup v2 memory limit, or nil without one.
    private static func cgroupLimitText() -> String? {
        guard let file = fopen("/sys/fs/cgroup/memory.max", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
