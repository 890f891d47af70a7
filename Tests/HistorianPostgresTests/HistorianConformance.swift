import Foundation
import Historian
import HistorianCore
import MillraceCore
import Testing

/// A conformance check for `HistorianStore` implementations: the same batches go into a reference store and a
/// candidate, then every query of the protocol must answer the same on both.
///
/// The data is what a plant sends: a random walk with gaps, bad-quality NaNs, a counter, a motor state and a
/// text state, in batches of random size, with late batches that rewrite history (duplicates, last write wins)
/// and samples older than everything else. The seed fixes it all.
struct HistorianConformance {
    static let temperature = TagID(unchecked: "line1.oven.temperature")
    static let count = TagID(unchecked: "line1.filler.count")
    static let running = TagID(unchecked: "line1.filler.running")
    static let state = TagID(unchecked: "line1.filler.state")
    static let start = Timestamp(seconds: 1_767_225_600)

    static let tags = [
        TagMetadata(id: temperature, name: "Oven temperature", kind: .double, unit: .degreesCelsius),
        TagMetadata(id: count, name: "Bottles filled", kind: .integer),
        TagMetadata(id: running, name: "Filler running", kind: .bool),
        TagMetadata(id: state, name: "Filler state", kind: .string),
    ]

    var seed: UInt64 = 42
    var seconds = 6000

    /// The batches, in the order they are appended.
    func batches() -> [[TaggedSample]] {
        var random = SplitMix64(seed: seed)
        var samples: [TaggedSample] = []
        var value = 180.0
        var counter: Int64 = 0
        for second in 0..<seconds {
            // A 90-second outage every 1,000 seconds: a gap in every tag.
            if second % 1000 >= 910 { continue }
            let time = Self.start + .seconds(Int64(second))
            value += (random.nextUnitInterval() - 0.5)
            let rounded = (value * 10).rounded() / 10
            if random.nextUnitInterval() < 0.02 {
                samples.append(TaggedSample(tag: Self.temperature, time: time, value: .double(.nan), quality: .sensorFailure))
            } else {
                samples.append(TaggedSample(tag: Self.temperature, time: time, value: .double(rounded)))
            }
            if second % 3 == 0 {
                counter += Int64(random.next() % 5)
                samples.append(TaggedSample(tag: Self.count, time: time, value: .integer(counter), quality: second % 97 == 0 ? .uncertain : .good))
            }
            if second % 50 == 0 {
                samples.append(TaggedSample(tag: Self.running, time: time, value: .bool(random.next() % 4 != 0)))
                samples.append(TaggedSample(tag: Self.state, time: time, value: .string(["Running", "Blocked", "Starved", "Stopped — jam ✓"][Int(random.next() % 4)])))
            }
        }
        var batches: [[TaggedSample]] = []
        var index = 0
        while index < samples.count {
            let size = 1 + Int(random.next() % 700)
            batches.append(Array(samples[index..<min(index + size, samples.count)]))
            index += size
            // Now and then, a late batch: rewritten values for times already stored, a few new ones in between.
            if random.next() % 4 == 0, index > 200 {
                let rewrite = (0..<20).map { _ in samples[Int(random.next() % UInt64(index))] }.map { old in
                    var new = old
                    if case .double(let v) = old.sample.value { new.sample.value = .double(v + 1000) }
                    if case .integer(let v) = old.sample.value { new.sample.value = .integer(v + 1) }
                    new.sample.time = old.sample.time + .microseconds(Int64(random.next() % 2) * 500_000)
                    return new
                }
                batches.append(rewrite)
            }
        }
        batches.append([
            TaggedSample(tag: Self.temperature, time: Self.start - .seconds(3600), value: .double(20)),
            TaggedSample(tag: Self.count, time: Self.start - .seconds(7200), value: .integer(-1)),
        ])
        return batches
    }

    /// Appends every batch to both stores.
    func load(_ reference: some HistorianStore, _ candidate: some HistorianStore) async throws {
        try await reference.register(tags: Self.tags)
        try await candidate.register(tags: Self.tags)
        for batch in batches() {
            try await reference.append(batch)
            try await candidate.append(batch)
        }
    }

    /// Runs every query on both stores and records each difference as a test issue.
    func compare(_ reference: some HistorianStore, _ candidate: some HistorianStore) async throws {
        let end = Self.start + .seconds(Int64(seconds) + 60)
        let before = Self.start - .seconds(10_000)
        for metadata in Self.tags {
            let tag = metadata.id
            let expected = try await reference.samples(of: tag, from: before, to: end, limit: 1_000_000)
            let actual = try await candidate.samples(of: tag, from: before, to: end, limit: 1_000_000)
            #expect(actual.count == expected.count, "samples of \(tag)")
            #expect(zip(actual, expected).allSatisfy(Self.identical), "samples of \(tag)")
            for (from, to, limit) in [(Self.start + .seconds(905), Self.start + .seconds(1010), 1000), (before, end, 7), (Self.start, Self.start, 10)] {
                let a = try await candidate.samples(of: tag, from: from, to: to, limit: limit)
                let e = try await reference.samples(of: tag, from: from, to: to, limit: limit)
                #expect(a.count == e.count && zip(a, e).allSatisfy(Self.identical), "window of \(tag)")
            }
            for offset: Int64 in [-20_000, -3600, 0, 1, 500, 955, 4321, 100_000] {
                let time = Self.start + .seconds(offset)
                #expect(Self.same(try await candidate.sample(of: tag, before: time), try await reference.sample(of: tag, before: time)),
                        "sample of \(tag) before \(offset) s")
                #expect(Self.same(try await candidate.sample(of: tag, atOrAfter: time), try await reference.sample(of: tag, atOrAfter: time)),
                        "sample of \(tag) at or after \(offset) s")
            }
            let kinds: [AggregateKind] = [
                .count, .minimum, .maximum, .mean, .timeWeightedAverage, .standardDeviation, .first, .last, .delta,
                .integralPerSecond, .percentGood, .range,
            ]
            for kind in kinds where metadata.kind != .string || kind == .count || kind == .percentGood {
                for options in [AggregationOptions(), AggregationOptions(mode: .step, goodCoverage: 0.5)] {
                    let e = try await reference.aggregate(tag, from: Self.start, to: end, interval: .seconds(300), kind: kind, options: options)
                    let a = try await candidate.aggregate(tag, from: Self.start, to: end, interval: .seconds(300), kind: kind, options: options)
                    #expect(a.count == e.count && zip(a, e).allSatisfy(Self.close), "aggregate \(kind) of \(tag)")
                }
            }
            for mode in InterpolationMode.allCases {
                let e = try await reference.interpolate(tag, from: Self.start - .seconds(30), to: end, every: .seconds(37), mode: mode)
                let a = try await candidate.interpolate(tag, from: Self.start - .seconds(30), to: end, every: .seconds(37), mode: mode)
                #expect(a.count == e.count && zip(a, e).allSatisfy(Self.close), "interpolated \(mode) of \(tag)")
            }
            for method in PlotMethod.allCases {
                let e = try await reference.plot(tag, from: Self.start, to: end, pixels: 300, method: method)
                let a = try await candidate.plot(tag, from: Self.start, to: end, pixels: 300, method: method)
                #expect(a.count == e.count && zip(a, e).allSatisfy(Self.close), "plot \(method) of \(tag)")
            }
        }
        let tags = Self.tags.map(\.id) + [TagID(unchecked: "not.registered")]
        let expectedLatest = try await reference.latest(of: tags)
        let actualLatest = try await candidate.latest(of: tags)
        #expect(Set(actualLatest.keys) == Set(expectedLatest.keys))
        for (tag, sample) in expectedLatest { #expect(Self.same(actualLatest[tag], sample), "latest of \(tag)") }
        #expect(try await candidate.tags() == reference.tags())
    }

    static func identical(_ a: Sample, _ b: Sample) -> Bool {
        a.time == b.time && a.quality == b.quality && a.value.isIdentical(to: b.value)
    }

    static func same(_ a: Sample?, _ b: Sample?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): identical(a, b)
        default: false
        }
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?):
            if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
            return a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        default: return false
        }
    }

    static func close(_ a: AggregateBucket, _ b: AggregateBucket) -> Bool {
        a.start == b.start && a.end == b.end && a.count == b.count && a.quality == b.quality
            && close(a.value, b.value) && close(a.percentGood, b.percentGood)
    }

    static func close(_ a: InterpolatedValue, _ b: InterpolatedValue) -> Bool {
        guard a.time == b.time, a.quality == b.quality else { return false }
        switch (a.value, b.value) {
        case (nil, nil): return true
        case (let x?, let y?): return x.isIdentical(to: y) || close(x.numericValue, y.numericValue) && x.kind == y.kind
        default: return false
        }
    }

    static func close(_ a: PlotPoint, _ b: PlotPoint) -> Bool {
        a.time == b.time && a.quality == b.quality && close(a.value, b.value)
    }
}
