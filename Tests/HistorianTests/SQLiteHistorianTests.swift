import Historian
import Logging
import MillraceCore
import MillraceTestSupport
import Testing

@Suite struct SQLiteHistorianTests {
    let temperature = TagID(unchecked: "motor.temp")
    let running = TagID(unchecked: "motor.running")
    let counter = TagID(unchecked: "filler.count")
    let state = TagID(unchecked: "filler.state")
    let t0 = Timestamp(seconds: 1_767_225_600)

    func openStore(_ directory: TemporaryDirectory) async throws -> SQLiteHistorian {
        let store = try SQLiteHistorian(path: directory.file("h.sqlite"), logger: Logger(label: "test"))
        try await store.register(tags: [
            TagMetadata(id: temperature, name: "Temperature", kind: .double, unit: .degreesCelsius),
            TagMetadata(id: running, name: "Running", kind: .bool),
            TagMetadata(id: counter, name: "Count", kind: .integer),
            TagMetadata(id: state, name: "State", kind: .string),
        ])
        return store
    }

    @Test func everyValueKindRoundTripsLosslessly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await openStore(directory)
        let nanPayload = Double(bitPattern: 0x7FF8_0000_0000_1234)
        let doubles: [Double] = [0, -0.0, 1.5, .nan, nanPayload, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        var batch = doubles.enumerated().map { index, value in
            TaggedSample(tag: temperature, time: t0 + .seconds(Int64(index)), value: .double(value))
        }
        batch += [Int64.min, -1, 0, Int64.max].enumerated().map { index, value in
            TaggedSample(tag: counter, time: t0 + .seconds(Int64(index)), value: .integer(value), quality: .uncertain)
        }
        batch += [TaggedSample(tag: running, time: t0, value: .bool(true), quality: .communicationFailure)]
        batch += [TaggedSample(tag: state, time: t0, value: .string("Blocked — downstream full ✓"))]
        try await store.append(batch)
        let read = try await store.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100)
        #expect(read.count == doubles.count)
        for (sample, expected) in zip(read, doubles) {
            guard case .double(let value) = sample.value else { Issue.record("not a double"); continue }
            #expect(value.bitPattern == expected.bitPattern)
        }
        let counts = try await store.samples(of: counter, from: t0, to: t0 + .seconds(100), limit: 100)
        #expect(counts.map(\.value) == [.integer(.min), .integer(-1), .integer(0), .integer(.max)])
        #expect(counts.allSatisfy { $0.quality == .uncertain })
        let latest = try await store.latest(of: [running, state, temperature, TagID(unchecked: "unknown")])
        #expect(latest[running]?.quality == .communicationFailure)
        #expect(latest[state]?.value == .string("Blocked — downstream full ✓"))
        #expect(latest[temperature]?.time == t0 + .seconds(8))
        try await store.close()
    }

    @Test func duplicateTimestampsKeepTheLastWrite() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await openStore(directory)
        try await store.append([TaggedSample(tag: temperature, time: t0, value: .double(1))])
        try await store.append([TaggedSample(tag: temperature, time: t0, value: .double(2), quality: .uncertain)])
        let read = try await store.samples(of: temperature, from: t0, to: t0 + .seconds(1), limit: 10)
        #expect(read == [Sample(time: t0, value: .double(2), quality: .uncertain)])
        try await store.close()
    }

    @Test func lateSamplesDoNotMoveTheCurrentValueBack() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await openStore(directory)
        try await store.append([TaggedSample(tag: temperature, time: t0 + .seconds(10), value: .double(10))])
        try await store.append([TaggedSample(tag: temperature, time: t0, value: .double(0))])
        #expect(try await store.latest(of: [temperature])[temperature]?.value == .double(10))
        let read = try await store.samples(of: temperature, from: t0, to: t0 + .seconds(60), limit: 10)
        #expect(read.map(\.time) == [t0, t0 + .seconds(10)])
        try await store.close()
    }

    @Test func rangesAreHalfOpenAndLimited() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await openStore(directory)
        try await store.append((0..<100).map { TaggedSample(tag: counter, time: t0 + .seconds(Int64($0)), value: .integer(Int64($0))) })
        let window = try await store.samples(of: counter, from: t0 + .seconds(10), to: t0 + .seconds(20), limit: 1000)
        #expect(window.first?.value == .integer(10))
        #expect(window.count == 10)
        let limited = try await store.samples(of: counter, from: t0, to: t0 + .seconds(100), limit: 7)
        #expect(limited.count == 7)
        try await store.close()
    }

    @Test func refusesBadInputWithTypedErrorsAndKeepsTheRest() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await openStore(directory)
        try await store.append([TaggedSample(tag: temperature, time: t0, value: .double(1))])
        let unknown = await #expect(throws: HistorianError.self) {
            try await store.append([TaggedSample(tag: TagID(unchecked: "nope"), time: self.t0, value: .double(1))])
        }
        #expect(unknown?.code == .unknownTag)
        let kind = await #expect(throws: HistorianError.self) {
            try await store.append([TaggedSample(tag: self.temperature, time: self.t0, value: .string("hot"))])
        }
        #expect(kind?.code == .kindMismatch)
        let far = await #expect(throws: HistorianError.self) {
            try await store.append([TaggedSample(tag: self.temperature, time: Timestamp(microseconds: .max), value: .double(1))])
        }
        #expect(far?.code == .implausibleTime)
        let range = await #expect(throws: HistorianError.self) {
            _ = try await store.samples(of: self.temperature, from: self.t0 + .seconds(5), to: self.t0, limit: 1)
        }
        #expect(range?.code == .invalidRange)
        // The good sample written before is untouched.
        #expect(try await store.samples(of: temperature, from: t0, to: t0 + .seconds(1), limit: 10).count == 1)
        try await store.close()
        let closed = await #expect(throws: HistorianError.self) { try await store.tags() }
        #expect(closed?.code == .closed)
    }

    @Test func dataSurvivesReopening() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try await openStore(directory)
            try await store.append([TaggedSample(tag: counter, time: t0, value: .integer(42))])
            try await store.close()
        }
        let reopened = try SQLiteHistorian(path: directory.file("h.sqlite"), logger: Logger(label: "test"))
        #expect(try await reopened.tags().map(\.id).contains(counter))
        #expect(try await reopened.latest(of: [counter])[counter]?.value == .integer(42))
        try await reopened.close()
    }

    @Test func corruptDatabaseFileGivesAStorageError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("corrupt.sqlite", bytes: Array("this is not an SQLite database, it is a text file pretending".utf8) + [UInt8](repeating: 0xAB, count: 4096))
        let error = #expect(throws: HistorianError.self) { try SQLiteHistorian(path: path, logger: Logger(label: "test")) }
        #expect(error?.code == .storage)
    }
}
