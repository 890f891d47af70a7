import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct SwingingDoorCompressorTests {
    func compress(_ series: [Sample], deviation: Double, maxTime: Duration = .seconds(86_400)) throws -> [Sample] {
        var compressor = try SwingingDoorCompressor(deviation: deviation, maxTime: maxTime)
        return series.flatMap { compressor.offer($0) } + compressor.flush()
    }

    @Test func aStraightLineKeepsOnlyItsEnds() throws {
        let line = (0...100).map { qs(Double($0), 2 * Double($0) + 1) }
        #expect(try compress(line, deviation: 0.001) == [line[0], line[100]])
        #expect(try compress(line, deviation: 0) == [line[0], line[100]])
    }

    @Test func aCornerIsKept() throws {
        // Up for 10 s, then flat: the corner at 10 s is archived.
        let series = (0...20).map { qs(Double($0), Double(min($0, 10))) }
        #expect(try compress(series, deviation: 0.1).map(\.time) == [qt(0), qt(10), qt(20)])
    }

    @Test func maxTimeForcesAnArchiveValue() throws {
        let flat = (0...100).map { qs(Double($0), 5) }
        let archived = try compress(flat, deviation: 1, maxTime: .seconds(30))
        #expect(zip(archived, archived.dropFirst()).allSatisfy { $1.time - $0.time <= .seconds(30) })
        #expect(archived.count == 5)
    }

    @Test func qualityChangesAndBadValuesAreAlwaysArchived() throws {
        let series = [qs(0, 1), qs(1, 1), qs(2, 1), qs(3, 0, .communicationFailure), qs(4, .nan), qs(5, 1), qs(6, 1)]
        let archived = try compress(series, deviation: 10)
        #expect(archived.map(\.time) == [qt(0), qt(2), qt(3), qt(4), qt(5), qt(6)])
    }

    @Test func stepsOfBooleansAreArchivedOnChange() throws {
        let values = [false, false, true, true, true, false]
        let series = values.enumerated().map { Sample(time: qt(Double($0.offset)), value: .bool($0.element)) }
        let archived = try compress(series, deviation: 0)
        #expect(archived.map(\.time) == [qt(0), qt(2), qt(5)])
    }

    @Test func invalidSettingsAreRejected() throws {
        #expect(
            queryErrorCode { _ = try SwingingDoorCompressor(deviation: -1, maxTime: .seconds(1)) } == .invalidParameter)
        #expect(
            queryErrorCode { _ = try SwingingDoorCompressor(deviation: .nan, maxTime: .seconds(1)) }
                == .invalidParameter)
        #expect(queryErrorCode { _ = try SwingingDoorCompressor(deviation: 1, maxTime: .zero) } == .nonPositiveInterval)
    }

    /// Every dropped sample lies within ±deviation of the line between the archived samples around it.
    @Test func droppedSamplesAreWithinTheDeviation() async {
        await checkProperty(
            count: 200, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...500), Gen.double(in: 0...5)
        ) { seed, count, deviation in
            failOnError {
                var random = SplitMix64(seed: UInt64(seed))
                var value = 0.0
                var time = queryOrigin
                let series = (0..<count).map { _ in
                    value += Double.random(in: -1...1, using: &random)
                    time += Int64.random(in: 1...3_000_000, using: &random)
                    return Sample(time: Timestamp(microseconds: time), value: .double(value))
                }
                let archived = try compress(series, deviation: deviation)
                #expect(archived.first == series.first && archived.last == series.last)
                var next = 0
                for sample in series {
                    while next < archived.count, archived[next].time < sample.time { next += 1 }
                    if next < archived.count, archived[next] == sample { continue }
                    let a = archived[next - 1]
                    let b = archived[next]
                    let (va, vb, v) = (a.value.numericValue!, b.value.numericValue!, sample.value.numericValue!)
                    let fraction =
                        Double(sample.time.microseconds - a.time.microseconds)
                        / Double(b.time.microseconds - a.time.microseconds)
                    let line = va + (vb - va) * fraction
                    #expect(
                        abs(line - v) <= deviation + 1e-9 * max(1, abs(v)), "dropped \(sample) off by \(abs(line - v))")
                }
            }
        }
    }
}
