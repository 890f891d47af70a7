import Foundation
import GRDB
import Historian
import HistorianCore
import Logging
import MillraceCore
import MillraceTestSupport
import Testing

@Suite struct ChunkedHistorianTests {
    let temperature = TagID(unchecked: "motor.temp")
    let running = TagID(unchecked: "motor.running")
    let counter = TagID(unchecked: "filler.count")
    let state = TagID(unchecked: "filler.state")
    let t0 = Timestamp(seconds: 1_767_225_600)

    func open(_ directory: String, capacity: Int = 2048, checkpointBytes: Int = 16 << 20) async throws -> ChunkedHistorian {
        var options = ChunkedHistorian.Options()
        options.chunkCapacity = capacity
        options.checkpointBytes = checkpointBytes
        let store = try await ChunkedHistorian.open(directory: directory, options: options, logger: Logger(label: "test"))
        try await store.register(tags: [
            TagMetadata(id: temperature, name: "Temperature", kind: .double, unit: .degreesCelsius),
            TagMetadata(id: running, name: "Running", kind: .bool),
            TagMetadata(id: counter, name: "Count", kind: .integer),
            TagMetadata(id: state, name: "State", kind: .string),
        ])
        return store
    }

    func series(_ count: Int, step: Int64 = 1) -> [TaggedSample] {
        (0..<count).map { TaggedSample(tag: temperature, time: t0 + .seconds(Int64($0) * step), value: .double(20 + Double($0 % 50) / 10)) }
    }

    /// Copies the store's files while it is open: exactly what a `kill -9` leaves on disk.
    func snapshot(_ directory: TemporaryDirectory, to name: String) throws -> String {
        let target = directory.file(name)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.file("store")) {
            try FileManager.default.copyItem(atPath: directory.file("store/\(file)"), toPath: "\(target)/\(file)")
        }
        return target
    }

    @Test func everyKindRoundTripsAcrossSealedChunksAndTheHead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"), capacity: 16)
        let input = series(100)
        for start in stride(from: 0, to: 100, by: 7) { try await store.append(Array(input[start..<min(start + 7, 100)])) }
        try await store.append([
            TaggedSample(tag: counter, time: t0, value: .integer(.min)),
            TaggedSample(tag: counter, time: t0 + .seconds(1), value: .integer(.max), quality: .uncertain),
            TaggedSample(tag: running, time: t0, value: .bool(true), quality: .communicationFailure),
            TaggedSample(tag: state, time: t0, value: .string("Blocked — downstream full ✓")),
            TaggedSample(tag: temperature, time: t0 + .seconds(500), value: .double(.nan), quality: .sensorFailure),
        ])
        let read = try await store.samples(of: temperature, from: t0, to: t0 + .seconds(1000), limit: 1000)
        #expect(read.count == 101)
        #expect(Array(read.prefix(100)) == input.map(\.sample))
        #expect(read.last?.quality == .sensorFailure)
        #expect(try await store.samples(of: counter, from: t0, to: t0 + .seconds(5), limit: 10).map(\.value) == [.integer(.min), .integer(.max)])
        let latest = try await store.latest(of: [temperature, running, state])
        #expect(latest[running]?.quality == .communicationFailure)
        #expect(latest[state]?.value == .string("Blocked — downstream full ✓"))
        let window = try await store.samples(of: temperature, from: t0 + .seconds(30), to: t0 + .seconds(40), limit: 1000)
        #expect(window.map(\.time) == (30..<40).map { t0 + .seconds(Int64($0)) })
        #expect(try await store.samples(of: temperature, from: t0, to: t0 + .seconds(1000), limit: 5).count == 5)
        try await store.close()
    }

    @Test func lateAndDuplicateSamplesLandInTheRightPlace() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"), capacity: 10)
        try await store.append(series(50, step: 10))  // t0 … t0+490 s, five sealed chunks of 10
        try await store.append([
            TaggedSample(tag: temperature, time: t0 + .seconds(15), value: .double(99)),  // into a sealed chunk
            TaggedSample(tag: temperature, time: t0 + .seconds(20), value: .double(-1), quality: .uncertain),  // replaces
            TaggedSample(tag: temperature, time: t0 - .seconds(60), value: .double(7)),  // before everything
            TaggedSample(tag: temperature, time: t0 + .seconds(485), value: .double(55)),  // into the head
        ])
        let read = try await store.samples(of: temperature, from: t0 - .seconds(100), to: t0 + .seconds(1000), limit: 1000)
        #expect(read.count == 53)
        #expect(read.map(\.time) == read.map(\.time).sorted())
        #expect(Set(read.map(\.time)).count == read.count)
        #expect(read.first == Sample(time: t0 - .seconds(60), value: .double(7)))
        #expect(read.first { $0.time == t0 + .seconds(15) }?.value == .double(99))
        #expect(read.first { $0.time == t0 + .seconds(20) } == Sample(time: t0 + .seconds(20), value: .double(-1), quality: .uncertain))
        #expect(read.first { $0.time == t0 + .seconds(485) }?.value == .double(55))
        // The late sample did not move the current value back.
        #expect(try await store.latest(of: [temperature])[temperature]?.time == t0 + .seconds(490))
        try await store.close()
    }

    @Test func acknowledgedAppendsSurviveACrashAndAreNotDuplicated() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"), capacity: 16)
        try await store.append(series(40))
        let crashed = try snapshot(directory, to: "crashed")  // as if killed now: heads only in the WAL
        try await store.close()
        for _ in 0..<2 {  // Replaying twice (a crash during recovery) changes nothing.
            let recovered = try await ChunkedHistorian.open(directory: crashed, logger: Logger(label: "test"))
            let read = try await recovered.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100)
            #expect(read == series(40).map(\.sample))
            #expect(try await recovered.latest(of: [temperature])[temperature]?.time == t0 + .seconds(39))
        }
    }

    @Test func tornWALTailIsDroppedAndTheRestKept() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"))
        try await store.append(series(10))
        let crashed = try snapshot(directory, to: "crashed")
        try await store.close()
        // A batch cut short by the crash: a record header announcing 500 bytes, and only 20 of them.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: crashed + "/historian.wal"))
        handle.seekToEndOfFile()
        handle.write(Data([0xF4, 0x01, 0, 0, 1, 2, 3, 4] + [UInt8](repeating: 7, count: 20)))
        try handle.close()
        let recovered = try await ChunkedHistorian.open(directory: crashed, logger: Logger(label: "test"))
        #expect(try await recovered.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100) == series(10).map(\.sample))
        try await recovered.append(series(12).suffix(2).map { $0 })
        #expect(try await recovered.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100).count == 12)
        try await recovered.close()
    }

    @Test func corruptWALHeaderIsSetAsideNotFatal() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"))
        try await store.append(series(5))
        try await store.close()
        try Data("garbage, not a log".utf8).write(to: URL(fileURLWithPath: directory.file("store/historian.wal")))
        let reopened = try await ChunkedHistorian.open(directory: directory.file("store"), logger: Logger(label: "test"))
        #expect(try await reopened.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100).count == 5)
        try await reopened.close()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.file("store"))
        #expect(files.contains { $0.hasPrefix("historian.wal.corrupt-") })
    }

    @Test func corruptChunkIsQuarantinedAndTheRestIsRead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"), capacity: 10)
        try await store.append(series(35))
        try await store.close()
        // Flip a byte in the second sealed chunk.
        let queue = try DatabaseQueue(path: directory.file("store/historian.sqlite"))
        try await queue.write { db in
            let start = try Int64.fetchOne(db, sql: "SELECT start FROM chunk WHERE sealed = 1 ORDER BY start LIMIT 1 OFFSET 1")!
            var data = try Data.fetchOne(db, sql: "SELECT data FROM chunk WHERE start = ?", arguments: [start])!
            data[data.count / 2] ^= 0xFF
            try db.execute(sql: "UPDATE chunk SET data = ? WHERE start = ?", arguments: [data, start])
        }
        try queue.close()
        let reopened = try await ChunkedHistorian.open(directory: directory.file("store"), logger: Logger(label: "test"))
        let read = try await reopened.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100)
        #expect(read.count == 25)
        #expect(!read.contains { (10..<20).map { t0 + .seconds(Int64($0)) }.contains($0.time) })
        try await reopened.close()
        let quarantined = try await DatabaseQueue(path: directory.file("store/historian.sqlite")).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quarantine")
        }
        #expect(quarantined == 1)
    }

    @Test func checkpointsEmptyTheWALAndKeepEverything() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"), capacity: 64, checkpointBytes: 512)
        for batch in 0..<20 {
            try await store.append(Array(series(400)[(batch * 20)..<(batch * 20 + 20)]))
        }
        let walSize = try FileManager.default.attributesOfItem(atPath: directory.file("store/historian.wal"))[.size] as? Int ?? 0
        #expect(walSize < 1024)
        let crashed = try snapshot(directory, to: "crashed")
        try await store.close()
        let recovered = try await ChunkedHistorian.open(directory: crashed, logger: Logger(label: "test"))
        #expect(try await recovered.samples(of: temperature, from: t0, to: t0 + .seconds(1000), limit: 1000) == series(400).map(\.sample))
        try await recovered.close()
    }

    @Test func refusesBadInputWithTypedErrors() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"))
        try await store.append(series(3))
        let unknown = await #expect(throws: HistorianError.self) {
            try await store.append([TaggedSample(tag: TagID(unchecked: "nope"), time: self.t0, value: .double(1))])
        }
        #expect(unknown?.code == .unknownTag)
        let kind = await #expect(throws: HistorianError.self) {
            try await store.append([TaggedSample(tag: self.temperature, time: self.t0, value: .bool(true))])
        }
        #expect(kind?.code == .kindMismatch)
        let far = await #expect(throws: HistorianError.self) {
            try await store.append([TaggedSample(tag: self.temperature, time: Timestamp(microseconds: .min), value: .double(1))])
        }
        #expect(far?.code == .implausibleTime)
        #expect(try await store.samples(of: temperature, from: t0, to: t0 + .seconds(10), limit: 10).count == 3)
        let unknownRead = await #expect(throws: HistorianError.self) {
            _ = try await store.samples(of: TagID(unchecked: "nope"), from: self.t0, to: self.t0 + .seconds(1), limit: 1)
        }
        #expect(unknownRead?.code == .unknownTag)
        try await store.close()
        let closed = await #expect(throws: HistorianError.self) { try await store.append(self.series(1)) }
        #expect(closed?.code == .closed)
    }

    @Test func aCorruptDatabaseFileGivesAStorageError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.file("store"), withIntermediateDirectories: true)
        try directory.write(
            "store/historian.sqlite",
            bytes: Array("this is not an SQLite database, it is a text file pretending".utf8) + [UInt8](repeating: 0xAB, count: 4096))
        let error = await #expect(throws: HistorianError.self) {
            _ = try await ChunkedHistorian.open(directory: directory.file("store"), logger: Logger(label: "test"))
        }
        #expect(error?.code == .storage)
    }

    @Test func currentValuesSurviveACleanRestart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"))
        try await store.append([
            TaggedSample(tag: counter, time: t0, value: .integer(42)),
            TaggedSample(tag: temperature, time: t0, value: .double(.nan), quality: .sensorFailure),
        ])
        try await store.close()
        let reopened = try await ChunkedHistorian.open(directory: directory.file("store"), logger: Logger(label: "test"))
        let latest = try await reopened.latest(of: [counter, temperature])
        #expect(latest[counter] == Sample(time: t0, value: .integer(42)))
        #expect(latest[temperature]?.quality == .sensorFailure)
        #expect(latest[temperature]?.value.isIdentical(to: .double(.nan)) == true)
        try await reopened.close()
    }

    /// `sync: full` fsyncs the write-ahead log at every append; what is acknowledged is there after a crash.
    @Test func fullSyncPolicyKeepsAcknowledgedAppends() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var options = ChunkedHistorian.Options()
        options.sync = .full
        options.chunkCapacity = 8
        let store = try await ChunkedHistorian.open(directory: directory.file("store"), options: options, logger: Logger(label: "test"))
        try await store.register(tags: [TagMetadata(id: temperature, name: "Temperature", kind: .double)])
        for batch in 0..<5 { try await store.append(Array(series(50)[(batch * 10)..<(batch * 10 + 10)])) }
        let crashed = try snapshot(directory, to: "crashed")
        try await store.close()
        let recovered = try await ChunkedHistorian.open(directory: crashed, options: options, logger: Logger(label: "test"))
        #expect(try await recovered.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100) == series(50).map(\.sample))
        try await recovered.close()
    }

    /// The streamed interpolation over the store equals the pure interpolator over all samples in memory,
    /// across sealed chunks, the head, gaps, a bad sample, and times before the first and after the last sample.
    @Test func streamedInterpolationMatchesTheInterpolatorOverAllSamples() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"), capacity: 16)
        var samples: [Sample] = []
        for index in 0..<200 where index % 17 != 5 {  // gaps
            let quality: Quality = index == 90 ? .communicationFailure : .good
            samples.append(Sample(time: t0 + .seconds(Int64(index * 3)), value: .double(Double(index % 23) * 0.5), quality: quality))
        }
        try await store.append(samples.map { TaggedSample(tag: temperature, sample: $0) })
        for mode in [InterpolationMode.linear, .step] {
            let from = t0 - .seconds(7), to = t0 + .seconds(650)
            let streamed = try await store.interpolate(temperature, from: from, to: to, every: .milliseconds(2500), mode: mode)
            let expected = try Interpolator(mode: mode).values(from: from, through: to, every: .milliseconds(2500), in: samples)
            #expect(streamed == expected, "\(mode)")
            #expect(streamed.count == 263)  // 657 s every 2.5 s, both ends
        }
        try await store.close()
    }

    /// More sealed chunks than one read page (64): range reads, limits and neighbour look-ups cross pages.
    @Test func readsAcrossManyPagesOfChunks() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"), capacity: 4)
        try await store.append(series(400))  // 100 sealed chunks
        #expect(try await store.samples(of: temperature, from: t0, to: t0 + .seconds(1000), limit: 1000) == series(400).map(\.sample))
        #expect(try await store.samples(of: temperature, from: t0 + .seconds(301), to: t0 + .seconds(1000), limit: 3).map(\.time)
            == [301, 302, 303].map { t0 + .seconds($0) })
        #expect(try await store.sample(of: temperature, atOrAfter: t0 + .seconds(299))?.time == t0 + .seconds(299))
        #expect(try await store.sample(of: temperature, before: t0 + .seconds(299))?.time == t0 + .seconds(298))
        #expect(try await store.sample(of: temperature, atOrAfter: t0 + .seconds(400)) == nil)
        try await store.close()
    }
}
