import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct InterpolatorTests {
    static let linear = Interpolator(mode: .linear)
    static let step = Interpolator(mode: .step)

    @Test func linearAndStepBetweenSamples() {
        let series = [qs(0, 0), qs(10, 100)]
        #expect(
            Self.linear.value(at: qt(2.5), in: series)
                == InterpolatedValue(time: qt(2.5), value: .double(25), quality: .good))
        #expect(Self.step.value(at: qt(2.5), in: series).value == .double(0))
        // Integers interpolate to doubles; booleans and strings always step.
        let counts = [Sample(time: qt(0), value: .integer(0)), Sample(time: qt(4), value: .integer(1))]
        #expect(Self.linear.value(at: qt(1), in: counts).value == .double(0.25))
        let states = [Sample(time: qt(0), value: .bool(false)), Sample(time: qt(4), value: .bool(true))]
        #expect(Self.linear.value(at: qt(3), in: states).value == .bool(false))
        let names = [Sample(time: qt(0), value: .string("A")), Sample(time: qt(4), value: .string("B"))]
        #expect(Self.linear.value(at: qt(3), in: names).value == .string("A"))
    }

    @Test func qualityIsTheWorseNeighbour() {
        let series = [qs(0, 0), qs(10, 100, .uncertain)]
        #expect(Self.linear.value(at: qt(5), in: series).quality == .uncertain)
        // In step mode only the previous sample matters.
        #expect(Self.step.value(at: qt(5), in: series).quality == .good)
    }

    @Test func badGapsHaveNoValue() {
        let series = [qs(0, 1), qs(10, 3, .communicationFailure), qs(20, 5), qs(30, .nan)]
        let inGap = Self.linear.value(at: qt(15), in: series)
        #expect(inGap.value == nil && inGap.quality == .communicationFailure)
        // Towards a bad sample the last good value holds.
        #expect(
            Self.linear.value(at: qt(5), in: series)
                == InterpolatedValue(time: qt(5), value: .double(1), quality: .good))
        // A NaN is a gap too; and it is returned as recorded at its own time.
        #expect(Self.linear.value(at: qt(31), in: series).value == nil)
        #expect(Self.linear.value(at: qt(31), in: series).quality == .bad)
    }

    @Test func beforeTheFirstAndAfterTheLastSample() {
        let series = [qs(0, 1), qs(10, 3)]
        let before = Self.linear.value(at: qt(-1), in: series)
        #expect(before.value == nil && before.quality == .waitingForInitialData)
        let after = Self.linear.value(at: qt(3600), in: series)
        #expect(after.value == .double(3) && after.quality == .lastUsableValue)
        let beyond = Self.linear.value(at: qt(10 + 8 * 3600 + 1), in: series)
        #expect(beyond.value == nil && beyond.quality == Quality(.bad, .lastUsableValue))
        let short = Interpolator(mode: .linear, maxExtrapolation: .seconds(5))
        #expect(short.value(at: qt(16), in: series).value == nil)
        #expect(Self.linear.value(at: qt(5), in: [Sample]()).value == nil)
    }

    @Test func equalTimestampsUseTheLastSample() {
        let series = [qs(0, 1), qs(0, 2), qs(10, 12)]
        #expect(Self.linear.value(at: qt(0), in: series).value == .double(2))
        #expect(Self.linear.value(at: qt(5), in: series).value == .double(7))
    }

    @Test func fixedIntervalIncludesBothEnds() throws {
        let series = [qs(0, 0), qs(10, 10)]
        let values = try Self.linear.values(from: qt(0), through: qt(10), every: .seconds(2.5), in: series)
        #expect(values.map(\.value) == [0, 2.5, 5, 7.5, 10].map { .double($0) })
        let single = try Self.linear.values(from: qt(3), through: qt(3), every: .seconds(1), in: series)
        #expect(single.count == 1)
        #expect(
            queryErrorCode { _ = try Self.linear.values(from: qt(0), through: qt(1), every: .zero, in: series) }
                == .nonPositiveInterval)
        #expect(
            queryErrorCode { _ = try Self.linear.values(from: qt(1), through: qt(0), every: .seconds(1), in: series) }
                == .emptyRange)
        #expect(
            queryErrorCode {
                _ = try Self.linear.values(from: qt(0), through: qt(1e7), every: .microseconds(1), in: series)
            }
                == .tooManyPoints)
    }

    @Test func atSampleTimesTheSampleIsReturned() async {
        await checkProperty(count: 100, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 1...200)) { seed, count in
            let series = randomSeries(seed: UInt64(seed), count: count, equalTimes: false)
            for mode in InterpolationMode.allCases {
                let interpolator = Interpolator(mode: mode)
                for sample in series {
                    let value = interpolator.value(at: sample.time, in: series)
                    #expect(
                        value.value.map { $0.isIdentical(to: sample.value) } == true && value.quality == sample.quality)
                }
            }
        }
    }

    @Test func linearValuesStayBetweenTheirNeighbours() async {
        await checkProperty(count: 100, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 2...100)) { seed, count in
            let series = randomSeries(seed: UInt64(seed), count: count, equalTimes: false)
            var random = SplitMix64(seed: UInt64(seed))
            for index in series.indices.dropLast() {
                let (p, q) = (series[index], series[index + 1])
                let time = Timestamp(
                    microseconds: Int64.random(in: p.time.microseconds..<q.time.microseconds, using: &random))
                let value = Self.linear.value(at: time, in: series)
                guard let v = value.value?.numericValue, let a = p.value.numericValue, let b = q.value.numericValue
                else { continue }
                #expect(v >= min(a, b) - 1e-9 && v <= max(a, b) + 1e-9 || (v == a && (!b.isFinite || q.quality.isBad)))
            }
        }
    }
}
