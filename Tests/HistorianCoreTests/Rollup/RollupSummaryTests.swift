import HistorianCore
import MillraceCore
import MillraceTestSupport
import PropertyBased
import Testing

@Suite struct RollupSummaryTests {
    /// Random series with gaps and bad samples, cut into consecutive groups at random positions.
    func groups(_ series: [Sample], cuts: [Int]) -> [ArraySlice<Sample>] {
        var result: [ArraySlice<Sample>] = []
        var lower = 0
        for position in cuts.map({ min($0, series.count) }).sorted() + [series.count] {
            result.append(series[lower..<position])
            lower = position
        }
        return result
    }

    @Test func encodingRoundTripsBitForBit() async {
        await checkProperty(
            count: 300, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...120), Gen.int64(in: -5_000_000...5_000_000)
        ) { seed, count, shift in
            let series = randomSeries(seed: UInt64(seed), count: count, equalTimes: false)
            let rollup = RollupSummary(series)
            let start = queryOrigin + shift
            let bytes = RollupCodec.encode(rollup, bucketStart: start)
            #expect((try? RollupCodec.decode(bytes, bucketStart: start)) == rollup)
        }
    }

    @Test func aTypicalMinuteOfGoodSamplesIsSmall() {
        let series = (0..<60).map { qs(Double($0), 20 + testSine(Double($0) / 10)) }
        let bytes = RollupCodec.encode(RollupSummary(series), bucketStart: queryOrigin)
        #expect(bytes.count < 120)
    }

    @Test func truncatedOrGarbledBytesThrowAndNeverCrash() async {
        let series = randomSeries(seed: 7, count: 90, equalTimes: false)
        let bytes = RollupCodec.encode(RollupSummary(series), bucketStart: queryOrigin)
        for length in 0..<bytes.count {
            #expect(throws: RollupDecodingError.self) { try RollupCodec.decode(bytes[..<length], bucketStart: queryOrigin) }
        }
        #expect(throws: RollupDecodingError.self) { try RollupCodec.decode([9] + bytes.dropFirst(), bucketStart: queryOrigin) }
        #expect(throws: RollupDecodingError.self) { try RollupCodec.decode(bytes + [0], bucketStart: queryOrigin) }
        await checkProperty(count: 300, input: Gen.int(in: 1...250).array(of: 0...200)) { noise in
            _ = try? RollupCodec.decode(noise.map { UInt8($0) }, bucketStart: queryOrigin)
        }
    }

    @Test func mergingGroupsEqualsTheWhole() async {
        await checkProperty(
            count: 200, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...200), Gen.int(in: 0...200).array(of: 0...6)
        ) { seed, count, cuts in
            let series = randomSeries(seed: UInt64(seed), count: count, equalTimes: false)
            let whole = RollupSummary(series)
            let merged = groups(series, cuts: cuts).map { RollupSummary($0) }.reduce(RollupSummary()) { $0.merge($1) }
            for filter in QualityFilter.allCases {
                #expect(summariesAgree(whole.summary(for: filter), merged.summary(for: filter)))
            }
            #expect(whole.plot == merged.plot)
        }
    }

    /// M4 fed with the plot summaries of groups lying inside pixel columns draws exactly what it draws from
    /// the samples: the same first, minimum, maximum, last points and gap markers in every column.
    @Test func plotSummariesReplayToTheSamePoints() async {
        await checkProperty(
            count: 300, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...400), Gen.int(in: 1...40),
            Gen.int(in: 1...6)
        ) { seed, count, pixels, splits in
            let series = randomSeries(seed: UInt64(seed), count: count, equalTimes: false)
            let start = qt(0)
            let end = Timestamp(microseconds: (series.last?.time.microseconds ?? queryOrigin) + 1)
            var raw = try M4Accumulator(start: start, end: end, pixels: pixels)
            raw.add(contentsOf: series)
            let span = end.microseconds - start.microseconds
            let width = max(1, span / Int64(pixels) + (span % Int64(pixels) == 0 ? 0 : 1))
            var fromSummaries = try M4Accumulator(start: start, end: end, pixels: pixels)
            // Group by pixel, then cut each pixel's samples into `splits` groups, some as raw samples.
            var index = 0
            var random = SplitMix64(seed: UInt64(seed))
            while index < series.count {
                let pixel = (series[index].time.microseconds - start.microseconds) / width
                var upper = index
                while upper < series.count, (series[upper].time.microseconds - start.microseconds) / width == pixel { upper += 1 }
                let cuts = (0..<splits).map { _ in Int.random(in: index...upper, using: &random) }
                for group in groups(Array(series[index..<upper]), cuts: cuts.map { $0 - index }) {
                    if Bool.random(using: &random) {
                        fromSummaries.add(contentsOf: group)
                    } else {
                        var plot = PlotSummary()
                        for sample in group { plot.add(sample) }
                        fromSummaries.add(plot)
                    }
                }
                index = upper
            }
            #expect(fromSummaries.finish() == raw.finish())
        }
    }

    @Test func aggregatorFedWithSummariesAgreesWithSamples() async {
        await checkProperty(
            count: 200, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...300), Gen.int(in: 1...20)
        ) { seed, count, intervals in
            let series = randomSeries(seed: UInt64(seed), count: count, equalTimes: false)
            let start = qt(-3)
            let end = Timestamp(microseconds: (series.last?.time.microseconds ?? queryOrigin) + 2_000_000)
            let interval = Duration.microseconds(max(1, (end.microseconds - start.microseconds) / Int64(intervals)))
            for filter in QualityFilter.allCases {
                let options = AggregationOptions(filter: filter, mode: .linear)
                var raw = try Aggregator(start: start, end: end, interval: interval, options: options)
                raw.add(contentsOf: series)
                var rolled = try Aggregator(start: start, end: end, interval: interval, options: options)
                let step = interval.microseconds
                var index = 0
                var random = SplitMix64(seed: UInt64(seed) ^ 0x5eed)
                while index < series.count {
                    let bucket = (series[index].time.microseconds - start.microseconds) / step
                    var upper = index
                    while upper < series.count, (series[upper].time.microseconds - start.microseconds) / step == bucket {
                        upper += 1
                    }
                    let cut = Int.random(in: index...upper, using: &random)
                    let lower = start.microseconds + bucket * step
                    let middle = cut < upper ? series[cut].time : Timestamp(microseconds: min(end.microseconds, lower + step))
                    try rolled.add(Summary(series[index..<cut], filter: filter), from: Timestamp(microseconds: lower), to: middle)
                    try rolled.add(
                        Summary(series[cut..<upper], filter: filter), from: middle,
                        to: Timestamp(microseconds: min(end.microseconds, lower + step)))
                    index = upper
                }
                for kind in [AggregateKind.count, .minimum, .maximum, .mean, .timeWeightedAverage, .standardDeviation, .first, .last, .delta, .integralPerHour, .percentGood, .range] {
                    let expected = try raw.buckets(kind)
                    let actual = try rolled.buckets(kind)
                    #expect(expected.count == actual.count)
                    for (e, a) in zip(expected, actual) {
                        #expect(e.count == a.count && e.quality == a.quality && e.percentGood == a.percentGood)
                        #expect(nearlyEqual(e.value, a.value), "\(kind) \(filter): \(String(describing: e.value)) vs \(String(describing: a.value))")
                    }
                }
            }
        }
    }

    @Test func coverUsesTheCoarsestAlignedBucketsAndRawOnlyOffTheMinute() {
        let day = RollupResolution.day.microseconds
        let hour = RollupResolution.hour.microseconds
        let minute = RollupResolution.minute.microseconds
        let midnight = queryOrigin
        #expect(RollupCover.pieces(from: midnight, to: midnight + day) == [.rollup(.day, start: midnight)])
        let pieces = RollupCover.pieces(from: midnight + hour - 2 * minute - 5, to: midnight + 2 * day + 3 * hour + minute + 7)
        #expect(pieces.first == .raw(from: midnight + hour - 2 * minute - 5, to: midnight + hour - 2 * minute))
        #expect(pieces.contains(.rollup(.day, start: midnight + day)))
        #expect(pieces.last == .raw(from: midnight + 2 * day + 3 * hour + minute, to: midnight + 2 * day + 3 * hour + minute + 7))
        #expect(RollupCover.rawMicroseconds(pieces) == 12)
        #expect(pieces.count == 1 + 2 + 23 + 1 + 3 + 1 + 1)
        // Pieces tile the range: each starts where the previous ended.
        var cursor = midnight + hour - 2 * minute - 5
        for piece in pieces {
            switch piece {
            case .raw(let from, let to):
                #expect(from == cursor)
                cursor = to
            case .rollup(let resolution, let start):
                #expect(start == cursor && resolution.bucketStart(start) == start)
                cursor = start + resolution.microseconds
            }
        }
        #expect(RollupResolution.minute.bucketStart(-1) == -minute)
        #expect(RollupResolution.hour.ceiling(hour) == hour)
    }
}
