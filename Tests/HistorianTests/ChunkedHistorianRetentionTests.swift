import Foundation
import Historian
import HistorianCore
import Logging
import MillraceCore
import MillraceTestSupport
import Testing

@Suite struct ChunkedHistorianRetentionTests {
    let short = TagID(unchecked: "short.lived")
    let kept = TagID(unchecked: "kept.forever")
    let t0 = Timestamp(seconds: 1_767_225_600)
    let day: Int64 = 86_400

    func open(_ directory: String) async throws -> ChunkedHistorian {
        var options = ChunkedHistorian.Options()
        options.chunkCapacity = 60
        let store = try await ChunkedHistorian.open(directory: directory, options: options, logger: Logger(label: "test"))
        try await store.register(tags: [
            TagMetadata(id: short, name: "Short", kind: .double), TagMetadata(id: kept, name: "Kept", kind: .double),
        ])
        return store
    }

    /// One sample a minute for ten days, for both tags.
    func fill(_ store: ChunkedHistorian) async throws {
        for tag in [short, kept] {
            let samples = (0..<(10 * 1440)).map { TaggedSample(tag: tag, time: t0 + .seconds(Int64($0) * 60), value: .double(Double($0 % 100))) }
            try await store.append(samples)
        }
    }

    let policy = RetentionPolicy(
        classes: [
            .init(name: "brief", raw: .seconds(3 * 86_400), rollups: [.minute: .seconds(5 * 86_400), .hour: .seconds(8 * 86_400)])
        ], defaultClass: "default", assignments: [TagID(unchecked: "short.lived"): "brief"])

    @Test func theRunnerDropsOldChunksAndRollupsOnItsClockOnly() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"))
        try await fill(store)
        let before = try await store.rollupStatistics()
        let clock = TestClock(now: t0 + .seconds(10 * day))
        let (passes, continuation) = AsyncStream.makeStream(of: RetentionReport.self)
        let runner = RetentionRunner(store: store, policy: policy, interval: .seconds(3600), clock: clock)
        let task = Task {
            await runner.run { result in
                if case .success(let report) = result { continuation.yield(report) }
            }
        }
        var iterator = passes.makeAsyncIterator()
        let first = try #require(await iterator.next())
        // Raw: chunks whose newest sample is older than day 7 are gone; the tag in the default class is whole.
        #expect(first.chunks > 0 && first.rollupRows > 0)
        let shortSamples = try await store.samples(of: short, from: t0, to: t0 + .seconds(11 * day), limit: 100_000)
        let oldest = try #require(shortSamples.first?.time)
        #expect(oldest > t0 + .seconds(7 * day) - .seconds(3600) && oldest <= t0 + .seconds(7 * day))
        #expect(try await store.samples(of: kept, from: t0, to: t0 + .seconds(11 * day), limit: 100_000).count == 10 * 1440)
        // Rollups: minutes older than 5 days and hours older than 8 days are gone for the short tag only.
        let after = try await store.rollupStatistics()
        #expect(after[.minute, default: 0] == before[.minute, default: 0] - 5 * 1440)
        #expect(after[.hour, default: 0] == before[.hour, default: 0] - 2 * 24)
        #expect(after[.day, default: 0] == before[.day, default: 0])
        // Hourly averages of the kept days still come from rollups and equal the raw scan.
        let range = (t0 + .seconds(8 * day), t0 + .seconds(10 * day))
        let fast = try await store.aggregate(short, from: range.0, to: range.1, interval: .seconds(3600), kind: .mean, options: .init())
        let raw = try await store.rawAggregate(short, from: range.0, to: range.1, interval: .seconds(3600), kind: .mean, options: .init())
        #expect(fast.count == raw.count)
        for (a, b) in zip(fast, raw) {
            #expect(abs((a.value ?? .nan) - (b.value ?? .nan)) <= 1e-9 * max(1, abs(b.value ?? 0)))
        }
        // Nothing more happens until the clock moves; one more day drops one more day of minutes.
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(by: .seconds(day))
        let second = try #require(await iterator.next())
        #expect(second.rollupRows >= 1440)
        task.cancel()
        _ = await task.value
        try await store.close()
    }
}
