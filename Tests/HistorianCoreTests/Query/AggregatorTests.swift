import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct AggregatorTests {
    /// v = t, one sample per second, t = 0…60.
    static let ramp = (0...60).map { qs(Double($0), Double($0)) }

    @Test func bucketBoundariesOfARamp() throws {
        let buckets = try Aggregator.aggregate(
            Self.ramp, kind: .timeWeightedAverage, start: qt(0), end: qt(60), interval: .seconds(10))
        #expect(buckets.count == 6)
        for (index, bucket) in buckets.enumerated() {
            let start = Double(index * 10)
            #expect(bucket.start == qt(start) && bucket.end == qt(start + 10))
            #expect(bucket.value == start + 5)
            #expect(bucket.count == 10)
            #expect(bucket.quality == .good && bucket.percentGood == 100)
        }
        let firsts = try Aggregator.aggregate(
            Self.ramp, kind: .first, start: qt(0), end: qt(60), interval: .seconds(10))
        #expect(firsts.map(\.value) == [0, 10, 20, 30, 40, 50])
        let lasts = try Aggregator.aggregate(Self.ramp, kind: .last, start: qt(0), end: qt(60), interval: .seconds(10))
        #expect(lasts.map(\.value) == [9, 19, 29, 39, 49, 59])
        let deltas = try Aggregator.aggregate(
            Self.ramp, kind: .delta, start: qt(0), end: qt(60), interval: .seconds(10))
        #expect(deltas.allSatisfy { $0.value == 9 })
        let counts = try Aggregator.aggregate(
            Self.ramp, kind: .count, start: qt(0), end: qt(60), interval: .seconds(10))
        #expect(counts.allSatisfy { $0.value == 10 })
    }

    @Test func intervalLargerThanTheRangeGivesOneBucket() throws {
        let buckets = try Aggregator.aggregate(
            Self.ramp, kind: .maximum, start: qt(0), end: qt(30), interval: .seconds(3600))
        #expect(buckets.count == 1)
        #expect(buckets[0].start == qt(0) && buckets[0].end == qt(30) && buckets[0].value == 29)
    }

    @Test func theLastBucketIsCutAtTheEnd() throws {
        let buckets = try Aggregator.aggregate(
            Self.ramp, kind: .timeWeightedAverage, start: qt(0), end: qt(25), interval: .seconds(10))
        #expect(buckets.map(\.end) == [qt(10), qt(20), qt(25)])
        #expect(buckets[2].value == 22.5)
    }

    @Test func invalidRequestsThrowTypedErrors() {
        #expect(queryErrorCode { _ = try Aggregator(start: qt(10), end: qt(10), interval: .seconds(1)) } == .emptyRange)
        #expect(queryErrorCode { _ = try Aggregator(start: qt(10), end: qt(0), interval: .seconds(1)) } == .emptyRange)
        #expect(
            queryErrorCode { _ = try Aggregator(start: qt(0), end: qt(10), interval: .zero) } == .nonPositiveInterval)
        #expect(
            queryErrorCode { _ = try Aggregator(start: qt(0), end: qt(10), interval: .seconds(-1)) }
                == .nonPositiveInterval)
        #expect(
            queryErrorCode { _ = try Aggregator(start: qt(0), end: qt(1e6), interval: .microseconds(1)) }
                == .tooManyPoints)
        #expect(
            queryErrorCode {
                _ = try Aggregator.aggregate(
                    Self.ramp, kind: .integral(per: .zero), start: qt(0), end: qt(10), interval: .seconds(1))
            } == .nonPositiveInterval)
        #expect(
            queryErrorCode {
                _ = try Aggregator(
                    start: Timestamp(microseconds: .min), end: Timestamp(microseconds: .max), interval: .seconds(1))
            } == .invalidParameter)
    }

    @Test func badSamplesAreExcludedByDefaultAndMakeGaps() throws {
        // Good 1 at 0 s, bad at 5 s, good 3 at 8 s, over [0, 10).
        let series = [qs(0, 1), qs(5, 100, .communicationFailure), qs(8, 3)]
        let mean = try Aggregator.aggregate(series, kind: .mean, start: qt(0), end: qt(10), interval: .seconds(10))
        #expect(mean[0].value == 2)
        #expect(mean[0].count == 3)
        // Good time: [0, 5) and [8, 10) = 7 s.
        let good = try Aggregator.aggregate(
            series, kind: .percentGood, start: qt(0), end: qt(10), interval: .seconds(10))
        #expect(nearlyEqual(good[0].value, 70))
        #expect(good[0].quality == .good)
        // The time-weighted average leaves the gap out: (1 × 5 + 3 × 2) / 7.
        let step = AggregationOptions(mode: .step)
        let twa = try Aggregator.aggregate(
            series, kind: .timeWeightedAverage, start: qt(0), end: qt(10), interval: .seconds(10), options: step)
        #expect(nearlyEqual(twa[0].value, 11.0 / 7))
        #expect(twa[0].quality == Quality(.uncertain, .subNormal))
        // With a lower coverage requirement the same bucket is good.
        let lenient = AggregationOptions(mode: .step, goodCoverage: 0.7)
        let twaLenient = try Aggregator.aggregate(
            series, kind: .timeWeightedAverage, start: qt(0), end: qt(10), interval: .seconds(10), options: lenient)
        #expect(twaLenient[0].quality == .good)
        // Including all qualities, the bad value counts.
        let all = AggregationOptions(filter: .all)
        let meanAll = try Aggregator.aggregate(
            series, kind: .mean, start: qt(0), end: qt(10), interval: .seconds(10), options: all)
        #expect(nearlyEqual(meanAll[0].value, 104.0 / 3))
    }

    @Test func uncertainSamplesAreIncludedOnlyWhenAsked() throws {
        let series = [qs(0, 1), qs(1, 5, .uncertain), qs(2, 3)]
        let strict = try Aggregator.aggregate(series, kind: .maximum, start: qt(0), end: qt(3), interval: .seconds(3))
        #expect(strict[0].value == 3)
        let lenient = try Aggregator.aggregate(
            series, kind: .maximum, start: qt(0), end: qt(3), interval: .seconds(3),
            options: AggregationOptions(filter: .includeUncertain))
        #expect(lenient[0].value == 5)
    }

    @Test func emptyInputGivesBadBucketsWithoutValues() throws {
        for kind: AggregateKind in [
            .minimum, .mean, .timeWeightedAverage, .standardDeviation, .delta, .range,
            .integralPerSecond, .first, .last, .maximum,
        ] {
            let buckets = try Aggregator.aggregate([], kind: kind, start: qt(0), end: qt(10), interval: .seconds(5))
            #expect(buckets.count == 2)
            #expect(buckets.allSatisfy { $0.value == nil && $0.quality == .bad && $0.count == 0 })
        }
        let count = try Aggregator.aggregate([], kind: .count, start: qt(0), end: qt(10), interval: .seconds(5))
        #expect(count.allSatisfy { $0.value == 0 && $0.quality == .good })
        let good = try Aggregator.aggregate([], kind: .percentGood, start: qt(0), end: qt(10), interval: .seconds(5))
        #expect(good.allSatisfy { $0.value == 0 })
    }

    @Test func allBadAndNaN() throws {
        let series = [qs(0, 1, .bad), qs(1, .nan), qs(2, -.infinity), qs(3, 4, .sensorFailure)]
        for kind: AggregateKind in [.minimum, .mean, .timeWeightedAverage, .integralPerHour] {
            let buckets = try Aggregator.aggregate(series, kind: kind, start: qt(0), end: qt(4), interval: .seconds(4))
            #expect(buckets[0].value == nil && buckets[0].quality == .bad && buckets[0].count == 4)
        }
        let good = try Aggregator.aggregate(series, kind: .percentGood, start: qt(0), end: qt(4), interval: .seconds(4))
        #expect(good[0].value == 0)
    }

    @Test func singleSample() throws {
        let series = [qs(2, 7)]
        let twa = try Aggregator.aggregate(
            series, kind: .timeWeightedAverage, start: qt(0), end: qt(10), interval: .seconds(10))
        #expect(twa[0].value == 7)
        #expect(twa[0].percentGood == 80)
        #expect(twa[0].quality == Quality(.uncertain, .subNormal))
        let deviation = try Aggregator.aggregate(
            series, kind: .standardDeviation, start: qt(0), end: qt(10), interval: .seconds(10))
        #expect(deviation[0].value == nil)
        let delta = try Aggregator.aggregate(series, kind: .delta, start: qt(0), end: qt(10), interval: .seconds(10))
        #expect(delta[0].value == 0)
    }

    @Test func equalTimestampsCountBothAndTheLaterHolds() throws {
        let series = [qs(0, 1), qs(0, 3), qs(5, 3)]
        let buckets = try Aggregator.aggregate(
            series, kind: .timeWeightedAverage, start: qt(0), end: qt(10), interval: .seconds(10),
            options: AggregationOptions(mode: .step))
        #expect(buckets[0].value == 3 && buckets[0].count == 3)
    }

    @Test func emptyIntervalsTakeTheValueInEffect() throws {
        // A set point: 5 from −30 s (before the range, fed to the aggregator), 8 from 25 s.
        let series = [qs(-30, 5), qs(25, 8)]
        let buckets = try Aggregator.aggregate(
            series, kind: .timeWeightedAverage, start: qt(0), end: qt(40), interval: .seconds(10),
            options: AggregationOptions(mode: .step))
        #expect(buckets.map(\.value) == [5, 5, 6.5, 8])
        #expect(buckets.map(\.count) == [0, 0, 1, 0])
        #expect(buckets.allSatisfy { $0.quality == .good })
        // The same previous sample given explicitly.
        let explicit = try Aggregator.aggregate(
            [qs(25, 8)], kind: .timeWeightedAverage, start: qt(0), end: qt(40), interval: .seconds(10),
            options: AggregationOptions(mode: .step), previous: qs(-30, 5))
        #expect(explicit == buckets)
    }

    @Test func totalizerPerHour() throws {
        // A 10 kW load for one hour and 20 kW for the next half hour.
        let series = [qs(0, 10), qs(3600, 20)]
        let buckets = try Aggregator.aggregate(
            series, kind: .integralPerHour, start: qt(0), end: qt(5400), interval: .seconds(5400),
            options: AggregationOptions(mode: .step))
        #expect(buckets[0].value == 20)
    }

    @Test func linearEdgesUseTheNeighboursButNeverSlopeTowardsABadSample() throws {
        // 0 at 0 s and 10 at 10 s; the query [0, 5) sees only the first, the second is its `next`.
        let series = [qs(0, 0), qs(10, 10)]
        let linear = try Aggregator.aggregate(
            series, kind: .timeWeightedAverage, start: qt(0), end: qt(5), interval: .seconds(5))
        #expect(linear[0].value == 2.5)  // the line from 0 to 5 over [0, 5)
        // With the sample at 10 s bad, 0 holds until it.
        let towardsBad = try Aggregator.aggregate(
            [qs(0, 0), qs(10, 10, .bad)], kind: .timeWeightedAverage, start: qt(0), end: qt(5), interval: .seconds(5))
        #expect(towardsBad[0].value == 0 && towardsBad[0].quality == .good)
    }

    @Test func outOfOrderSamplesAreCountedAndIgnored() throws {
        var aggregator = try Aggregator(start: qt(0), end: qt(10), interval: .seconds(10))
        aggregator.add(contentsOf: [qs(5, 1), qs(2, 100), qs(6, 1)])
        #expect(aggregator.outOfOrderCount == 1)
        #expect(try aggregator.buckets(.maximum)[0].value == 1)
    }

    /// Hourly answers from 1-minute rollups equal the answers from raw samples, for every aggregate.
    @Test func rollupsGiveTheSameAnswersAsRawData() async throws {
        let kinds: [AggregateKind] = [
            .count, .minimum, .maximum, .mean, .timeWeightedAverage, .standardDeviation, .first, .last, .delta,
            .integralPerHour, .percentGood, .range,
        ]
        await checkProperty(count: 40, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...1200)) {
            seed, count in
            failOnError {
                // 0–5 s apart from the origin: up to about 50 minutes of data, queried as [10 min, 40 min).
                let series = randomSeries(seed: UInt64(seed), count: count)
                let start = qt(600)
                let end = qt(2400)
                for mode in InterpolationMode.allCases {
                    let options = AggregationOptions(mode: mode)
                    var raw = try Aggregator(start: start, end: end, interval: .seconds(1800), options: options)
                    raw.add(contentsOf: series)
                    // The engine's minute rollups over a wider range, then merged for the query.
                    var minutes = try Aggregator(start: qt(0), end: qt(3600), interval: .seconds(60), options: options)
                    minutes.add(contentsOf: series)
                    let windows = minutes.windows()
                    let inside = windows.filter { $0.start >= start && $0.end <= end }
                    let merged = inside.reduce(Summary.empty) { $0.merge($1.summary) }
                    let window = SummaryWindow(
                        start: start, end: end, summary: merged, previous: inside.first?.previous,
                        next: inside.last?.next)
                    for kind in kinds {
                        let expected = try raw.buckets(kind)[0]
                        let actual = window.bucket(kind, options: options)
                        #expect(nearlyEqual(expected.value, actual.value, tolerance: 1e-6), "\(kind) \(mode)")
                        #expect(expected.quality == actual.quality && expected.count == actual.count)
                    }
                }
            }
        }
    }
}
