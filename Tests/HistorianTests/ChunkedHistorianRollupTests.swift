import Foundation
import Historian
import HistorianCore
import Logging
import MillraceCore
import MillraceTestSupport
import PropertyBased
import Testing

/// Whether two optional doubles agree within a relative tolerance (sums differ only by rounding).
func nearlyEqual(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?): return x == y || abs(x - y) <= tolerance * max(1, abs(x), abs(y))
    default: return false
    }
}

/// Rollup answers against the raw-scan reference, on random data with gaps, bad quality, NaN, late and
/// out-of-order samples and duplicate timestamps, appended in random batches.
@Suite struct ChunkedHistorianRollupTests {
    let tag = TagID(unchecked: "line.flow")
    /// 2026-01-01T00:00:00Z
    let t0: Int64 = 1_767_225_600_000_000

    func open(_ directory: String, capacity: Int = 64) async throws -> ChunkedHistorian {
        var options = ChunkedHistorian.Options()
        options.chunkCapacity = capacity
        options.pendingRollupLimit = 50
        let store = try await ChunkedHistorian.open(directory: directory, options: options, logger: Logger(label: "test"))
        try await store.register(tags: [TagMetadata(id: tag, name: "Flow", kind: .double)])
        return store
    }

    /// Samples over about `hours` hours: irregular steps (1 s to 10 min, sometimes a long gap), every quality,
    /// NaN now and then. Returned in append order: mostly in time order, with some moved later (late
    /// samples) and some timestamps repeated with a new value (duplicates).
    func workload(seed: UInt64, count: Int) -> [[TaggedSample]] {
        var random = SplitMix64(seed: seed)
        var time = t0 - Int64.random(in: 0...7_200_000_000, using: &random)
        var samples: [TaggedSample] = []
        let qualities: [Quality] = [.good, .good, .good, .good, .good, .uncertain, .bad, .communicationFailure]
        for _ in 0..<count {
            let step: Int64 =
                Int.random(in: 0..<30, using: &random) == 0
                ? Int64.random(in: 3_600_000_000...90_000_000_000, using: &random)
                : Int64.random(in: 1_000_000...600_000_000, using: &random)
            time += step
            let value = Int.random(in: 0..<50, using: &random) == 0 ? Double.nan : Double.random(in: -100...100, using: &random)
            let quality = qualities[Int.random(in: 0..<qualities.count, using: &random)]
            samples.append(TaggedSample(tag: tag, time: Timestamp(microseconds: time), value: .double(value), quality: quality))
        }
        // Late: move some samples to the end of the stream; duplicates: repeat some timestamps with new values.
        var order = samples
        var late: [TaggedSample] = []
        for index in order.indices.reversed() where Int.random(in: 0..<8, using: &random) == 0 {
            late.append(order.remove(at: index))
        }
        late.shuffle(using: &random)
        for _ in 0..<(count / 10) {
            guard var duplicate = samples.randomElement(using: &random) else { break }
            duplicate.sample.value = .double(Double.random(in: -100...100, using: &random))
            late.append(duplicate)
        }
        order += late
        var batches: [[TaggedSample]] = []
        var index = 0
        while index < order.count {
            let size = Int.random(in: 1...40, using: &random)
            batches.append(Array(order[index..<min(order.count, index + size)]))
            index += size
        }
        return batches
    }

    static let kinds: [AggregateKind] = [
        .count, .minimum, .maximum, .mean, .timeWeightedAverage, .standardDeviation, .first, .last, .delta,
        .integralPerHour, .percentGood, .range,
    ]

    func expectSameAggregates(
        _ store: ChunkedHistorian, from: Timestamp, to: Timestamp, interval: Duration,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        for filter in QualityFilter.allCases {
            for mode in [InterpolationMode.linear, .step] {
                let options = AggregationOptions(filter: filter, mode: mode)
                for kind in Self.kinds {
                    let fast = try await store.aggregate(tag, from: from, to: to, interval: interval, kind: kind, options: options)
                    let raw = try await store.rawAggregate(tag, from: from, to: to, interval: interval, kind: kind, options: options)
                    #expect(fast.count == raw.count, sourceLocation: sourceLocation)
                    for (a, b) in zip(fast, raw) {
                        let same =
                            a.start == b.start && a.end == b.end && a.count == b.count && a.quality == b.quality
                            && a.percentGood == b.percentGood && nearlyEqual(a.value, b.value)
                        #expect(same, "\(kind) \(filter) \(mode) [\(a.start), \(a.end)): \(a) vs \(b)", sourceLocation: sourceLocation)
                        if !same { return }
                    }
                }
            }
        }
    }

    @Test func aggregatesFromRollupsEqualTheRawScan() async throws {
        await checkProperty(count: 6, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 50...700)) { seed, count in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let store = try await open(directory.file("store"))
            for batch in workload(seed: UInt64(seed), count: count) { try await store.append(batch) }
            var random = SplitMix64(seed: UInt64(seed) ^ 0xabc)
            let hour: Int64 = 3_600_000_000
            for interval in [Duration.seconds(60), .seconds(3600), .seconds(86_400), .seconds(900), .seconds(5400), .seconds(97)] {
                // Aligned and unaligned ranges.
                let aligned = Bool.random(using: &random)
                let start = t0 - 2 * hour + (aligned ? 0 : Int64.random(in: 0...hour, using: &random))
                let length = Int64.random(in: 1...(3 * 24), using: &random) * hour + (aligned ? 0 : Int64.random(in: 0...hour, using: &random))
                try await expectSameAggregates(
                    store, from: Timestamp(microseconds: start), to: Timestamp(microseconds: start + length), interval: interval)
            }
            try await store.close()
        }
    }

    @Test func plotsFromRollupsEqualTheRawScan() async throws {
        await checkProperty(count: 12, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 50...700), Gen.int(in: 1...300)) {
            seed, count, pixels in
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let store = try await open(directory.file("store"))
            for batch in workload(seed: UInt64(seed), count: count) { try await store.append(batch) }
            var random = SplitMix64(seed: UInt64(seed) ^ 0xdef)
            for _ in 0..<4 {
                let start = t0 - Int64.random(in: 0...7_200_000_000, using: &random)
                let length = Int64.random(in: 3_600_000_000...(8 * 86_400_000_000), using: &random)
                let from = Timestamp(microseconds: start)
                let to = Timestamp(microseconds: start + length)
                let fast = try await store.plot(tag, from: from, to: to, pixels: pixels, method: .minMax)
                let raw = try await store.rawPlot(tag, from: from, to: to, pixels: pixels, method: .minMax)
                #expect(fast == raw)
            }
            try await store.close()
        }
    }

    /// Rollups are rebuilt from the WAL after a crash (the store's files copied while it is open) and
    /// survive a clean reopen; answers stay equal to the raw scan both ways.
    @Test func rollupsSurviveACrashAndAReopen() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await open(directory.file("store"))
        let batches = workload(seed: 42, count: 600)
        for batch in batches.prefix(batches.count / 2) { try await store.append(batch) }
        // A query flushes rollups; more appends follow that only the WAL holds.
        _ = try await store.aggregate(
            tag, from: Timestamp(microseconds: t0), to: Timestamp(microseconds: t0 + 86_400_000_000), interval: .seconds(3600),
            kind: .mean, options: AggregationOptions())
        for batch in batches.suffix(from: batches.count / 2) { try await store.append(batch) }
        let crashed = directory.file("crashed")
        try FileManager.default.createDirectory(atPath: crashed, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.file("store")) {
            try FileManager.default.copyItem(atPath: directory.file("store/\(file)"), toPath: "\(crashed)/\(file)")
        }
        try await store.close()
        let range = (Timestamp(microseconds: t0 - 7_200_000_000), Timestamp(microseconds: t0 + 5 * 86_400_000_000))
        for path in [directory.file("store"), crashed] {
            let reopened = try await open(path)
            try await expectSameAggregates(reopened, from: range.0, to: range.1, interval: .seconds(3600))
            try await expectSameAggregates(reopened, from: range.0, to: range.1, interval: .seconds(86_400))
            let stats = try await reopened.rollupStatistics()
            #expect(stats[.minute, default: 0] > 0 && stats[.hour, default: 0] > 0 && stats[.day, default: 0] > 0)
            try await reopened.close()
        }
    }
}
