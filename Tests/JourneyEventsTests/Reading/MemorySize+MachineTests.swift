import Testing

@testable import JourneyEvents

/// `--event-memory auto`: a quarter of the memory the process may use, at least 64M.
@Suite struct MemorySizeMachineTests {
    @Test func aQuarterOfTheSmallerOfTheMachineAndTheCgroup() {
        let gib = 1 << 30
        #expect(MemorySize.automaticEventMemory(physical: 24 * gib, cgroupLimit: nil).bytes == 6 * gib)
        #expect(MemorySize.automaticEventMemory(physical: 24 * gib, cgroupLimit: 2 * gib).bytes == gib / 2)
        #expect(MemorySize.automaticEventMemory(physical: 4 * gib, cgroupLimit: 8 * gib).bytes == gib)
    }

    @Test func neverLessThan64MNorMoreThanTheLargestAmount() {
        #expect(MemorySize.automaticEventMemory(physical: 100 << 20, cgroupLimit: nil).bytes == 64 << 20)
        #expect(MemorySize.automaticEventMemory(physical: nil, cgroupLimit: nil).bytes == 64 << 20)
        #expect(MemorySize.automaticEventMemory(physical: 1 << 50, cgroupLimit: nil).bytes == MemorySize.maximum)
    }

    @Test func readsTheCgroupLimitOrItsAbsence() {
        #expect(MemorySize.cgroupLimit("2147483648\n") == 2_147_483_648)
        #expect(MemorySize.cgroupLimit("max\n") == nil)
        #expect(MemorySize.cgroupLimit("") == nil)
    }

    @Test func theMachineGivesAtLeast64M() {
        #expect(MemorySize.automaticEventMemory.bytes >= 64 << 20)
    }

    @Test func readersReserveRoomForAQuarterOfTheMachinesMemoryAtMost() throws {
        let memory = try #require(MemorySize.physicalMemory())
        #expect(EventLogReader.reservableRows >= 1 << 16)
        #expect(EventLogReader.reservableRows * 56 <= max(memory / 4, 56 << 16))
        #expect(EventLogReader.reservableRows * 56 > memory / 4 - 56)
    }
}
