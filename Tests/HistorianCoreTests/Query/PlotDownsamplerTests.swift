import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct PlotDownsamplerTests {
    func isSorted(_ points: [PlotPoint]) -> Bool {
        zip(points, points.dropFirst()).allSatisfy { $0.time <= $1.time }
    }

    @Test func m4KeepsFirstMinMaxLastPerPixel() throws {
        // One bucket: 5, 1, 9, 3 → all four in time order.
        let series = [qs(0, 5), qs(1, 1), qs(2, 9), qs(3, 3), qs(4, 4)]
        let points = try PlotDownsampler.minMaxPerPixel(series, start: qt(0), end: qt(10), pixels: 1)
        #expect(points.map(\.value) == [5, 1, 9, 4])
        // A monotone bucket where first = min and last = max gives two points, not four.
        let rising = try PlotDownsampler.minMaxPerPixel(
            [qs(0, 1), qs(1, 2), qs(2, 3)], start: qt(0), end: qt(10), pixels: 1)
        #expect(rising.map(\.value) == [1, 3])
    }

    @Test func m4OutputIsBoundedSortedAndHasTheExtremes() async {
        await checkProperty(count: 100, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...2000), Gen.int(in: 1...50))
        {
            seed, count, pixels in
            failOnError {
                let series = randomSeries(seed: UInt64(seed), count: count)
                let start = qt(0)
                let end = series.last.map { $0.time + .seconds(1) } ?? qt(1)
                let points = try PlotDownsampler.minMaxPerPixel(series, start: start, end: end, pixels: pixels)
                #expect(points.count <= 4 * pixels)
                #expect(isSorted(points))
                let plotted = series.compactMap { sample -> Double? in
                    guard !sample.quality.isBad, let value = sample.value.numericValue, value.isFinite else {
                        return nil
                    }
                    return value
                }
                let values = points.compactMap(\.value)
                #expect(values.min() == plotted.min() && values.max() == plotted.max())
            }
        }
    }

    @Test func lttbIsBoundedSortedAndKeepsTheEnds() async {
        await checkProperty(count: 100, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...2000), Gen.int(in: 3...80))
        {
            seed, count, target in
            failOnError {
                let series = randomSeries(seed: UInt64(seed), count: count)
                let end = series.last.map { $0.time + .seconds(1) } ?? qt(1)
                let points = try PlotDownsampler.largestTriangleThreeBuckets(
                    series, start: qt(0), end: end, targetCount: target)
                #expect(points.count <= target)
                #expect(isSorted(points))
                let plotted = series.filter { !$0.quality.isBad && ($0.value.numericValue?.isFinite ?? false) }
                let values = points.filter { !$0.isGap }
                #expect(values.first?.time == plotted.first?.time)
                #expect(values.last?.time == plotted.last?.time)
            }
        }
    }

    @Test func lttbPicksTheLargestTriangle() throws {
        // Flat at 0 with one spike: the spike is kept.
        let series = (0..<100).map { qs(Double($0), $0 == 42 ? 50 : 0) }
        let points = try PlotDownsampler.largestTriangleThreeBuckets(
            series, start: qt(0), end: qt(100), targetCount: 10)
        #expect(points.contains { $0.value == 50 && $0.time == qt(42) })
        #expect(points.count <= 10)
    }

    @Test func longBadGapsBreakTheLine() throws {
        // Good for 100 s, a communication failure lasting 300 s, good again for 100 s.
        let series =
            (0..<100).map { qs(Double($0), 1) } + [qs(100, 0, .communicationFailure)]
            + (400..<500).map { qs(Double($0), 2) }
        for points in [
            try PlotDownsampler.minMaxPerPixel(series, start: qt(0), end: qt(500), pixels: 50),
            try PlotDownsampler.largestTriangleThreeBuckets(series, start: qt(0), end: qt(500), targetCount: 50),
        ] {
            let gaps = points.filter(\.isGap)
            #expect(gaps.count == 1)
            #expect(gaps.first.map { $0.time >= qt(100) && $0.time < qt(400) } == true)
            #expect(gaps.first?.quality == .communicationFailure)
            #expect(isSorted(points))
        }
    }

    @Test func edgeCases() throws {
        #expect(try PlotDownsampler.minMaxPerPixel([], start: qt(0), end: qt(10), pixels: 5).isEmpty)
        #expect(try PlotDownsampler.largestTriangleThreeBuckets([], start: qt(0), end: qt(10), targetCount: 5).isEmpty)
        let one = [qs(3, 7)]
        #expect(try PlotDownsampler.minMaxPerPixel(one, start: qt(0), end: qt(10), pixels: 5).map(\.value) == [7])
        #expect(
            try PlotDownsampler.largestTriangleThreeBuckets(one, start: qt(0), end: qt(10), targetCount: 5).map(\.value)
                == [7])
        // Strings are skipped; all-bad input gives a single marker.
        let names = [Sample(time: qt(1), value: .string("run"))]
        #expect(try PlotDownsampler.minMaxPerPixel(names, start: qt(0), end: qt(10), pixels: 5).isEmpty)
        let bad = [qs(1, 1, .bad), qs(2, .nan), qs(3, 1, .bad)]
        let markers = try PlotDownsampler.minMaxPerPixel(bad, start: qt(0), end: qt(10), pixels: 5)
        #expect(markers.count == 1 && markers[0].isGap && markers[0].time == qt(1))
        // Samples outside the range are ignored; equal timestamps are fine.
        let equal = [qs(-1, 100), qs(1, 1), qs(1, 2), qs(1, 3), qs(11, 100)]
        #expect(try PlotDownsampler.minMaxPerPixel(equal, start: qt(0), end: qt(10), pixels: 1).map(\.value) == [1, 3])
        #expect(queryErrorCode { _ = try M4Accumulator(start: qt(0), end: qt(10), pixels: 0) } == .invalidParameter)
        #expect(
            queryErrorCode { _ = try LTTBAccumulator(start: qt(0), end: qt(10), targetCount: 2) } == .invalidParameter)
        #expect(queryErrorCode { _ = try M4Accumulator(start: qt(0), end: qt(0), pixels: 5) } == .emptyRange)
    }
}
