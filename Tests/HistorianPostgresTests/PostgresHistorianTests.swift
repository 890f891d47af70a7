import Foundation
import Historian
import HistorianCore
import Logging
import MillraceCore
import MillraceTestSupport
import Testing

@testable import HistorianPostgres

/// Integration tests against a real PostgreSQL: each test creates a throwaway cluster (`PostgresServer`),
/// uses it, and stops it.
@Suite(.enabled(if: PostgresServer.isAvailable, "needs the PostgreSQL server programs (Debian `postgresql`)"))
struct PostgresHistorianTests {
    let temperature = TagID(unchecked: "motor.temp")
    let running = TagID(unchecked: "motor.running")
    let counter = TagID(unchecked: "filler.count")
    let state = TagID(unchecked: "filler.state")
    let t0 = Timestamp(seconds: 1_767_225_600)

    var tags: [TagMetadata] {
        [
            TagMetadata(id: temperature, name: "Temperature", kind: .double, unit: .degreesCelsius),
            TagMetadata(id: running, name: "Running", kind: .bool),
            TagMetadata(id: counter, name: "Count", kind: .integer),
            TagMetadata(id: state, name: "State", kind: .string),
        ]
    }

    func storeOptions(capacity: Int = 2048) -> PostgresHistorian.Options {
        var options = PostgresHistorian.Options()
        options.chunkCapacity = capacity
        return options
    }

    func open(_ url: String, capacity: Int = 2048) async throws -> PostgresHistorian {
        let store = try await PostgresHistorian.connect(url: url, options: storeOptions(capacity: capacity), logger: Logger(label: "test"))
        try await store.register(tags: tags)
        return store
    }

    func series(_ count: Int, step: Int64 = 1) -> [TaggedSample] {
        (0..<count).map { TaggedSample(tag: temperature, time: t0 + .seconds(Int64($0) * step), value: .double(20 + Double($0 % 50) / 10)) }
    }

    /// Runs `body` with a fresh server and database, and stops the server whatever happens.
    func withServer(_ body: (PostgresServer, String) async throws -> Void) async throws {
        let server = try await PostgresServer.start()
        do {
            let url = try await server.createDatabase("historian")
            try await body(server, url)
        } catch {
            Issue.record("server log: \(server.log.suffix(3000))")
            server.stopNow()
            throw error
        }
        try await server.stop()
    }

    @Test func everyKindRoundTripsThroughStagingAndChunks() async throws {
        try await withServer { server, url in
            let store = try await open(url, capacity: 16)
            let input = series(100)
            for start in stride(from: 0, to: 100, by: 7) { try await store.append(Array(input[start..<min(start + 7, 100)])) }
            try await store.append([
                TaggedSample(tag: counter, time: t0, value: .integer(.min)),
                TaggedSample(tag: counter, time: t0 + .seconds(1), value: .integer(.max), quality: .uncertain),
                TaggedSample(tag: running, time: t0, value: .bool(true), quality: .communicationFailure),
                TaggedSample(tag: state, time: t0, value: .string("Blocked — downstream full ✓")),
                TaggedSample(tag: temperature, time: t0 + .seconds(500), value: .double(.nan), quality: .sensorFailure),
                TaggedSample(tag: temperature, time: t0 + .seconds(501), value: .double(-.infinity)),
                TaggedSample(tag: temperature, time: t0 + .seconds(502), value: .double(-0.0)),
            ])
            // 100 samples with a capacity of 16: six chunks folded, the rest staged; both are read.
            let chunks = try await server.psql("SELECT count(*), sum(sample_count) FROM historian_chunk", database: "historian")
            #expect(chunks.trimmingCharacters(in: .whitespacesAndNewlines) == "6|96")
            let read = try await store.samples(of: temperature, from: t0, to: t0 + .seconds(1000), limit: 1000)
            #expect(read.count == 103)
            #expect(Array(read.prefix(100)) == input.map(\.sample))
            #expect(read[100].quality == .sensorFailure && read[100].value.isIdentical(to: .double(.nan)))
            #expect(read[101].value == .double(-.infinity))
            #expect(read[102].value.isIdentical(to: .double(-0.0)))
            #expect(try await store.samples(of: counter, from: t0, to: t0 + .seconds(5), limit: 10).map(\.value) == [.integer(.min), .integer(.max)])
            let latest = try await store.latest(of: [temperature, running, state, TagID(unchecked: "nobody")])
            #expect(latest.count == 3)
            #expect(latest[running]?.quality == .communicationFailure)
            #expect(latest[state]?.value == .string("Blocked — downstream full ✓"))
            #expect(latest[temperature]?.time == t0 + .seconds(502))
            let window = try await store.samples(of: temperature, from: t0 + .seconds(30), to: t0 + .seconds(40), limit: 1000)
            #expect(window.map(\.time) == (30..<40).map { t0 + .seconds(Int64($0)) })
            #expect(try await store.samples(of: temperature, from: t0, to: t0 + .seconds(1000), limit: 5) == Array(input.prefix(5).map(\.sample)))
            #expect(try await store.sample(of: temperature, before: t0 + .seconds(50))?.time == t0 + .seconds(49))
            #expect(try await store.sample(of: temperature, atOrAfter: t0 + .seconds(99))?.time == t0 + .seconds(99))
            #expect(try await store.sample(of: temperature, atOrAfter: t0 + .seconds(100))?.time == t0 + .seconds(500))
            #expect(try await store.sample(of: temperature, before: t0) == nil)
            #expect(try await store.tags().map(\.id) == tags.map(\.id).sorted())
            try await store.close()
        }
    }

    @Test func lateAndDuplicateSamplesLandInTheRightPlace() async throws {
        try await withServer { server, url in
            let store = try await open(url, capacity: 10)
            try await store.append(series(50, step: 10))  // t0 … t0+490 s: five chunks of 10
            try await store.append([
                TaggedSample(tag: temperature, time: t0 + .seconds(15), value: .double(99)),  // into a chunk
                TaggedSample(tag: temperature, time: t0 + .seconds(20), value: .double(-1), quality: .uncertain),  // replaces
                TaggedSample(tag: temperature, time: t0 - .seconds(60), value: .double(7)),  // before everything
                TaggedSample(tag: temperature, time: t0 + .seconds(485), value: .double(55)),  // into the last chunk
                TaggedSample(tag: temperature, time: t0 + .seconds(20), value: .double(-2), quality: .uncertain),  // later in the batch: wins
            ])
            func check() async throws {
                let read = try await store.samples(of: temperature, from: t0 - .seconds(100), to: t0 + .seconds(1000), limit: 1000)
                #expect(read.count == 53)
                #expect(read.map(\.time) == read.map(\.time).sorted())
                #expect(Set(read.map(\.time)).count == read.count)
                #expect(read.first == Sample(time: t0 - .seconds(60), value: .double(7)))
                #expect(read.first { $0.time == t0 + .seconds(15) }?.value == .double(99))
                #expect(read.first { $0.time == t0 + .seconds(20) } == Sample(time: t0 + .seconds(20), value: .double(-2), quality: .uncertain))
                #expect(read.first { $0.time == t0 + .seconds(485) }?.value == .double(55))
                // The late samples did not move the current value back.
                #expect(try await store.latest(of: [temperature])[temperature]?.time == t0 + .seconds(490))
            }
            try await check()  // late samples still staged, read over the chunks
            try await store.foldAll()
            try await check()  // merged into the chunks
            let staged = try await server.psql("SELECT count(*) FROM historian_staging", database: "historian")
            #expect(staged.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
            // Chunks never overlap.
            let overlaps = try await server.psql(
                """
                SELECT count(*) FROM historian_chunk a JOIN historian_chunk b
                ON a.tag = b.tag AND a.start_time < b.start_time AND a.end_time >= b.start_time
                """, database: "historian")
            #expect(overlaps.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
            try await store.close()
        }
    }

    @Test func refusalsAreTypedAndLeaveNoTrace() async throws {
        try await withServer { _, url in
            let store = try await open(url)
            try await store.append(series(3))
            func code(_ body: () async throws -> Void) async -> HistorianError.Code? {
                do {
                    try await body()
                    return nil
                } catch let error as HistorianError {
                    return error.code
                } catch {
                    return nil
                }
            }
            let good = TaggedSample(tag: temperature, time: t0 + .seconds(10), value: .double(1))
            #expect(await code { try await store.append([good, TaggedSample(tag: TagID(unchecked: "x"), time: t0, value: .double(1))]) } == .unknownTag)
            #expect(await code { try await store.append([good, TaggedSample(tag: temperature, time: Timestamp(seconds: -3_000_000_000), value: .double(1))]) } == .implausibleTime)
            #expect(await code { try await store.append([good, TaggedSample(tag: temperature, time: t0, value: .integer(1))]) } == .kindMismatch)
            #expect(await code { try await store.register(tags: [TagMetadata(id: temperature, name: "T", kind: .string)]) } == .kindMismatch)
            #expect(await code { _ = try await store.samples(of: temperature, from: t0 + .seconds(5), to: t0, limit: 10) } == .invalidRange)
            #expect(await code { _ = try await store.samples(of: TagID(unchecked: "x"), from: t0, to: t0 + .seconds(5), limit: 10) } == .unknownTag)
            #expect(await code { _ = try await store.aggregate(temperature, from: t0, to: t0 + .seconds(5), interval: .zero, kind: .mean, options: .init()) } == .invalidRange)
            // None of the refused batches wrote its good sample.
            #expect(try await store.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100) == series(3).map(\.sample))
            // A tag without values may change kind.
            try await store.register(tags: [TagMetadata(id: state, name: "State", kind: .integer)])
            #expect(try await store.tags().first { $0.id == state }?.kind == .integer)
            try await store.close()
            #expect(await code { try await store.append([good]) } == .closed)
            #expect(await code { _ = try await store.latest(of: [temperature]) } == .closed)
        }
    }

    @Test func acknowledgedSamplesAreThereAfterReopenAndTheSchemaIsMigratedOnce() async throws {
        try await withServer { server, url in
            let store = try await open(url, capacity: 16)
            try await store.append(series(40))  // two chunks and eight staged rows
            // No close: as if the process died after the acknowledgement.
            let reopened = try await PostgresHistorian.connect(url: url, options: storeOptions(capacity: 16), logger: Logger(label: "test"))
            #expect(try await reopened.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100) == series(40).map(\.sample))
            #expect(try await reopened.latest(of: [temperature])[temperature]?.time == t0 + .seconds(39))
            #expect(try await reopened.tags().count == 4)
            // The staged count was reloaded: eight more samples make a third chunk.
            try await reopened.append(Array(series(48).suffix(8)))
            let chunks = try await server.psql("SELECT count(*) FROM historian_chunk", database: "historian")
            #expect(chunks.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
            let versions = try await server.psql("SELECT version FROM schema_version", database: "historian")
            #expect(versions.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            try await reopened.close()
            try await store.close()
        }
    }

    @Test func theStoreReconnectsAfterTheServerRestarts() async throws {
        try await withServer { server, url in
            var options = storeOptions(capacity: 16)
            options.operationTimeout = .seconds(60)
            let store = try await PostgresHistorian.connect(url: url, options: options, logger: Logger(label: "test"))
            try await store.register(tags: tags)
            try await store.append(Array(series(30).prefix(20)))
            // A crash of the server (no shutdown checkpoint), then a restart on the same port and data.
            try await server.stopServer(immediate: true)
            try await server.startServer()
            try await store.append(Array(series(30).suffix(10)))
            #expect(try await store.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100) == series(30).map(\.sample))
            // A clean restart too.
            try await server.stopServer()
            try await server.startServer()
            #expect(try await store.latest(of: [temperature])[temperature]?.time == t0 + .seconds(29))
            try await store.close()
        }
    }

    @Test func aServerThatStaysDownGivesAStorageErrorNotAHang() async throws {
        try await withServer { server, url in
            var options = storeOptions()
            options.operationTimeout = .seconds(2)
            let store = try await PostgresHistorian.connect(url: url, options: options, logger: Logger(label: "test"))
            try await store.register(tags: tags)
            try await server.stopServer()
            do {
                try await store.append(series(1))
                Issue.record("the append succeeded with the server down")
            } catch let error as HistorianError {
                #expect(error.code == .storage)
                #expect(error.message.contains("127.0.0.1"))
                #expect(!error.message.contains(PostgresServer.password))
            }
            try await server.startServer()
            // And it works again once the server is back. The pool's reconnect backoff grew while the server
            // was down, so the first appends may still time out (after 2 s each); within 30 it must succeed.
            var stored = false
            for _ in 0..<30 where !stored {
                do {
                    try await store.append(series(1))
                    stored = true
                } catch let error as HistorianError {
                    #expect(error.code == .storage)
                }
            }
            #expect(stored)
            #expect(try await store.latest(of: [temperature])[temperature]?.time == t0)
            try await store.close()
        }
    }

    @Test func aCorruptChunkIsQuarantinedAndTheRestIsRead() async throws {
        try await withServer { server, url in
            let store = try await open(url, capacity: 10)
            try await store.append(series(35))
            // Flip a byte inside the second chunk's payload.
            _ = try await server.psql(
                """
                UPDATE historian_chunk SET data = set_byte(data, 45, get_byte(data, 45) # 255)
                WHERE start_time = (SELECT start_time FROM historian_chunk ORDER BY start_time OFFSET 1 LIMIT 1)
                """, database: "historian")
            let read = try await store.samples(of: temperature, from: t0, to: t0 + .seconds(100), limit: 100)
            #expect(read.map(\.time) == (Array(0..<10) + Array(20..<35)).map { t0 + .seconds(Int64($0)) })
            let quarantined = try await server.psql("SELECT count(*) FROM historian_quarantine", database: "historian")
            #expect(quarantined.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            try await store.close()
        }
    }

    @Test func aDatabaseFromANewerMillraceIsRefused() async throws {
        try await withServer { server, url in
            let store = try await open(url)
            try await store.close()
            _ = try await server.psql("INSERT INTO schema_version (version, description) VALUES (99, 'future')", database: "historian")
            do {
                _ = try await PostgresHistorian.connect(url: url, logger: Logger(label: "test"))
                Issue.record("a newer schema was accepted")
            } catch let error as HistorianError {
                #expect(error.code == .storage)
                #expect(error.message.contains("version 99"))
            }
        }
    }

    @Test func queriesAnswerLikeTheEmbeddedHistorian() async throws {
        try await withServer { _, url in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            var embeddedOptions = ChunkedHistorian.Options()
            embeddedOptions.chunkCapacity = 256
            let reference = try await ChunkedHistorian.open(directory: directory.file("store"), options: embeddedOptions, logger: Logger(label: "test"))
            let candidate = try await PostgresHistorian.connect(url: url, options: storeOptions(capacity: 256), logger: Logger(label: "test"))
            let conformance = HistorianConformance()
            try await conformance.load(reference, candidate)
            try await conformance.compare(reference, candidate)
            try await candidate.foldAll()  // and again with nothing left in staging
            try await conformance.compare(reference, candidate)
            try await reference.close()
            try await candidate.close()
        }
    }
}
