import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

/// Hostile input never traps: unsorted and extreme timestamps, extreme and non-finite values, every kind
/// of value, every quality. Only invariants are checked; the point is that every call returns.
@Suite struct QueryRobustnessTests {
    static func hostileSeries(seed: UInt64, count: Int) -> [Sample] {
        var random = SplitMix64(seed: seed)
        let times: [Int64] = [.min, .max, 0, -1, 1, queryOrigin]
        let values: [DataValue] = [
            .double(.nan), .double(.infinity), .double(-.infinity), .double(.greatestFiniteMagnitude),
            .double(-.greatestFiniteMagnitude), .double(.leastNonzeroMagnitude), .double(-0.0), .integer(.max),
            .integer(.min), .bool(true), .string("x"), .double(1),
        ]
        let qualities: [Quality] = [.good, .uncertain, .bad, .lastUsableValue]
        return (0..<count).map { _ in
            let time =
                Bool.random(using: &random)
                ? times[Int.random(in: 0..<times.count, using: &random)]
                : queryOrigin + Int64.random(in: -10_000_000...100_000_000, using: &random)
            return Sample(
                time: Timestamp(microseconds: time), value: values[Int.random(in: 0..<values.count, using: &random)],
                quality: qualities[Int.random(in: 0..<qualities.count, using: &random)])
        }
    }

    @Test func everyEntryPointReturnsOnHostileInput() async {
        await checkProperty(count: 300, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...60)) {
            seed, count in
            failOnError {
                let hostile = Self.hostileSeries(seed: UInt64(seed), count: count)
                let sorted = hostile.sorted { $0.time < $1.time }
                for series in [hostile, sorted] {
                    let summary = Summary(series, filter: .all)
                    _ = summary.merge(Summary(series)).standardDeviation
                    var aggregator = try Aggregator(start: qt(0), end: qt(100), interval: .seconds(7))
                    aggregator.add(contentsOf: series)
                    for kind: AggregateKind in [
                        .timeWeightedAverage, .integralPerHour, .percentGood, .standardDeviation,
                    ] {
                        let buckets = try aggregator.buckets(kind)
                        #expect(buckets.count == 15)
                        #expect(buckets.allSatisfy { $0.percentGood >= 0 && $0.percentGood <= 100 })
                    }
                    let points = try PlotDownsampler.minMaxPerPixel(series, start: qt(-10), end: qt(100), pixels: 7)
                    #expect(points.count <= 28)
                    let lttb = try PlotDownsampler.largestTriangleThreeBuckets(
                        series, start: .earliestAccepted, end: .latestAccepted, targetCount: 5)
                    #expect(lttb.count <= 5)
                    // A range longer than Int64 microseconds is refused, not wrapped.
                    #expect(
                        queryErrorCode {
                            _ = try PlotDownsampler.largestTriangleThreeBuckets(
                                series, start: Timestamp(microseconds: .min), end: Timestamp(microseconds: .max),
                                targetCount: 5)
                        } == .invalidParameter)
                    for mode in InterpolationMode.allCases {
                        _ = Interpolator(mode: mode).values(at: series.map(\.time) + [qt(5)], in: sorted)
                    }
                    var door = try SwingingDoorCompressor(deviation: 0.5, maxTime: .seconds(10))
                    var exception = try ExceptionFilter(deviation: 0.5, maxTime: .seconds(10))
                    for sample in series {
                        _ = door.offer(sample)
                        _ = exception.offer(sample)
                    }
                    _ = door.flush()
                    _ = exception.flush()
                    let merged = DuplicatePolicy.merge(sorted: series, incoming: hostile)
                    #expect(zip(merged, merged.dropFirst()).allSatisfy { $0.time < $1.time })
                }
            }
        }
    }
}
