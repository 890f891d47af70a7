import MillraceCore
import Testing

@testable import HistorianCore

/// Speed of the streaming query paths on a year of 1 Hz samples (31.5 M), fed in batches of 1 M as the
/// storage engine feeds decoded chunks. Prints the figures; timing is never asserted (CI machines vary).
///
///     swift test -c release -Xswiftc -enable-testing --filter QueryThroughputTests
@Suite struct QueryThroughputTests {
    @Test func yearOfOneHertz() throws {
        #if DEBUG
            let total = 3_153_600  // a tenth of a year in debug builds
        #else
            let total = 31_536_000
        #endif
        let batchSize = 1_000_000
        let start = qt(0)
        let end = Timestamp(microseconds: queryOrigin + Int64(total) * 1_000_000)
        var m4 = try M4Accumulator(start: start, end: end, pixels: 500)
        var lttb = try LTTBAccumulator(start: start, end: end, targetCount: 2000)
        var hourly = try Aggregator(start: start, end: end, interval: .seconds(3600))
        var times = [Duration](repeating: .zero, count: 3)
        let clock = ContinuousClock()
        var offset = 0
        while offset < total {
            let batch = (offset..<min(total, offset + batchSize)).map { index in
                // A daily one-second communication failure, a slow sine and some ripple.
                let quality: Quality = index % 86_400 == 3600 ? .communicationFailure : .good
                let value = 50 + 20 * testSine(Double(index) / 3600) + Double(index % 7)
                return Sample(
                    time: Timestamp(microseconds: queryOrigin + Int64(index) * 1_000_000), value: .double(value),
                    quality: quality)
            }
            times[0] += clock.measure { m4.add(contentsOf: batch) }
            times[1] += clock.measure { lttb.add(contentsOf: batch) }
            times[2] += clock.measure { hourly.add(contentsOf: batch) }
            offset += batchSize
        }
        var m4Points: [PlotPoint] = []
        var lttbPoints: [PlotPoint] = []
        var buckets: [AggregateBucket] = []
        times[0] += clock.measure { m4Points = m4.finish() }
        times[1] += clock.measure { lttbPoints = lttb.finish() }
        times[2] += try clock.measure { buckets = try hourly.buckets(.timeWeightedAverage) }
        #expect(m4Points.count <= 2000 && lttbPoints.count <= 2000)
        #expect(buckets.count == (total + 3599) / 3600)
        func rate(_ duration: Duration) -> String {
            let seconds = duration.secondsDouble
            return "\(Int(seconds * 1000)) ms (\(Int(Double(total) / seconds / 1e6)) M samples/s)"
        }
        print(
            "Query throughput, \(total) samples at 1 Hz: M4 → \(m4Points.count) points in \(rate(times[0])); "
                + "LTTB → \(lttbPoints.count) points in \(rate(times[1])); "
                + "hourly time-weighted averages → \(buckets.count) buckets in \(rate(times[2]))")
    }
}
