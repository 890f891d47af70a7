import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct SummaryTests {
    /// A ramp v = t from t = 0 to 10 s, one sample per second.
    static let ramp = (0...10).map { qs(Double($0), Double($0)) }

    @Test func rampKnownAnswers() {
        // [0, 10): samples 0…9 inside, 10 is the next one.
        let window = SummaryWindow(
            start: qt(0), end: qt(10), summary: Summary(Self.ramp.dropLast()), previous: nil,
            next: SignalPoint(Self.ramp[10], filter: .goodOnly))
        // Linear: the area under v = t over 10 s is 50; the average 5.
        #expect(window.integral(mode: .linear) == 50)
        #expect(window.timeWeightedAverage(mode: .linear) == 5)
        // Step: each value held one second: 0 + 1 + … + 9 = 45.
        #expect(window.integral(mode: .step) == 45)
        #expect(window.timeWeightedAverage(mode: .step) == 4.5)
        #expect(window.percentGood == 100)
        #expect(window.value(of: .mean, mode: .linear) == 4.5)
        #expect(window.value(of: .delta, mode: .linear) == 9)
        #expect(window.value(of: .range, mode: .linear) == 9)
        #expect(window.value(of: .integralPerHour, mode: .linear) == 50.0 / 3600)
    }

    @Test func stepSignalKnownAnswers() {
        // 0 from t = 0, 10 from t = 4, over [0, 10).
        let summary = Summary([qs(0, 0), qs(4, 10)])
        let window = SummaryWindow(start: qt(0), end: qt(10), summary: summary, previous: nil, next: nil)
        // Step: 0 × 4 s + 10 × 6 s = 60 over 10 s.
        #expect(window.timeWeightedAverage(mode: .step) == 6)
        // Linear: the ramp 0 → 10 over 4 s (20) then 10 held for 6 s (60): 80 over 10 s.
        #expect(window.timeWeightedAverage(mode: .linear) == 8)
        #expect(window.value(of: .mean, mode: .step) == 5)
    }

    @Test func valueInEffectAtTheStartComesFromThePreviousSample() {
        // 0 at t = −5 and 10 at t = 5; the window [0, 10).
        let summary = Summary([qs(5, 10)])
        let window = SummaryWindow(
            start: qt(0), end: qt(10), summary: summary, previous: SignalPoint(time: qt(-5), value: 0), next: nil)
        // Step: 0 held over [0, 5), 10 over [5, 10): 50 / 10 s.
        #expect(window.timeWeightedAverage(mode: .step) == 5)
        // Linear: v(0) = 5 on the line from (−5, 0) to (5, 10); (5 + 10) / 2 × 5 + 10 × 5 = 87.5.
        #expect(window.integral(mode: .linear) == 87.5)
        #expect(window.percentGood == 100)
        // Without the previous sample, [0, 5) is not covered.
        let alone = SummaryWindow(start: qt(0), end: qt(10), summary: summary, previous: nil, next: nil)
        #expect(alone.percentGood == 50)
        #expect(alone.timeWeightedAverage(mode: .linear) == 10)
    }

    @Test func intervalWithoutSamplesIsTheSpanBetweenItsNeighbours() {
        // 0 at t = 0, 20 at t = 20; the window [5, 15) holds no sample.
        let window = SummaryWindow(
            start: qt(5), end: qt(15), summary: .empty, previous: SignalPoint(time: qt(0), value: 0),
            next: SignalPoint(time: qt(20), value: 20))
        #expect(window.timeWeightedAverage(mode: .linear) == 10)
        #expect(window.timeWeightedAverage(mode: .step) == 0)
        #expect(window.value(of: .count, mode: .linear) == 0)
        #expect(window.value(of: .mean, mode: .linear) == nil)
        #expect(window.percentGood == 100)
    }

    @Test func standardDeviationMatchesTwoPass() {
        var random = SplitMix64(seed: 7)
        // A large offset with small noise: where a naive sum of squares would lose every digit.
        let values = (0..<10_000).map { _ in 1e9 + Double.random(in: -1...1, using: &random) }
        let summary = Summary(values.enumerated().map { qs(Double($0.offset), $0.element) })
        let mean = values.reduce(0, +) / Double(values.count)
        let twoPass = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
        #expect(nearlyEqual(summary.standardDeviation, twoPass, tolerance: 1e-6))
        #expect(nearlyEqual(summary.mean, mean, tolerance: 1e-12))
        // Merged halves give the same.
        let half = values.count / 2
        let left = Summary(values[..<half].enumerated().map { qs(Double($0.offset), $0.element) })
        let right = Summary(values[half...].enumerated().map { qs(Double(half + $0.offset), $0.element) })
        #expect(nearlyEqual(left.merge(right).standardDeviation, twoPass, tolerance: 1e-6))
        // Known small answer: 2, 4, 4, 4, 5, 5, 7, 9 has sample variance 32 / 7.
        let small = Summary([2.0, 4, 4, 4, 5, 5, 7, 9].enumerated().map { qs(Double($0.offset), $0.element) })
        #expect(nearlyEqual(small.variance, 32.0 / 7))
        #expect(Summary([qs(0, 3)]).standardDeviation == nil)
    }

    @Test func badAndNonFiniteValuesAreNotAggregated() {
        let summary = Summary([
            qs(0, 1), qs(1, 100, .bad), qs(2, .nan), qs(3, .infinity), qs(4, 3, .uncertain), qs(5, 2),
        ])
        #expect(summary.count == 6)
        #expect(summary.usableCount == 2)
        #expect(summary.mean == 1.5)
        #expect(summary.maximum == TimedValue(time: qt(5), value: 2))
        // Good time: [0, 1) and [5, 5]: one second.
        #expect(summary.usableMicroseconds == 1_000_000)
        let withUncertain = Summary([qs(0, 1), qs(4, 3, .uncertain), qs(5, 2)], filter: .includeUncertain)
        #expect(withUncertain.usableCount == 3)
        let all = Summary([qs(0, 1), qs(1, 100, .bad), qs(2, .nan)], filter: .all)
        #expect(all.usableCount == 2)
    }

    @Test func restoredFromStoredFieldsIsEqual() {
        let s = Summary(randomSeries(seed: 11, count: 50))
        let restored = Summary(
            count: s.count, usableCount: s.usableCount, mean: s.mean, m2: s.m2, minimum: s.minimum,
            maximum: s.maximum, firstUsable: s.firstUsable, lastUsable: s.lastUsable, first: s.first, last: s.last,
            stepIntegral: s.stepIntegral, linearIntegral: s.linearIntegral, usableMicroseconds: s.usableMicroseconds)
        #expect(restored == s)
        #expect(nearlyEqual(s.sum, s.mean * Double(s.usableCount)))
    }

    @Test func emptyIsTheIdentity() {
        let summary = Summary(Self.ramp)
        #expect(summary.merge(.empty) == summary)
        #expect(Summary.empty.merge(summary) == summary)
        #expect(Summary.empty.merge(.empty) == .empty)
        #expect(Summary.empty.standardDeviation == nil)
    }

    @Test func equalTimestampsAddNoTimeAndTheLaterIsInEffect() {
        let summary = Summary([qs(0, 1), qs(0, 5), qs(2, 5)])
        #expect(summary.count == 3)
        #expect(summary.stepIntegral == 10)
        #expect(summary.last == SignalPoint(time: qt(2), value: 5))
    }

    @Test func mergingAnySplitEqualsTheWhole() async {
        await checkProperty(
            count: 200, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...300), Gen.int(in: 0...300).array(of: 0...6)
        ) { seed, count, cuts in
            let series = randomSeries(seed: UInt64(seed), count: count)
            let whole = Summary(series, filter: .includeUncertain)
            let positions = cuts.map { min($0, count) }.sorted()
            var parts: [Summary] = []
            var lower = 0
            for position in positions + [count] {
                parts.append(Summary(series[lower..<position], filter: .includeUncertain))
                lower = position
            }
            let merged = parts.reduce(Summary.empty) { $0.merge($1) }
            #expect(summariesAgree(whole, merged))
        }
    }

    @Test func mergeIsAssociative() async {
        await checkProperty(count: 200, input: Gen.int64(in: 0...Int64.max), Gen.int(in: 0...90)) { seed, count in
            let series = randomSeries(seed: UInt64(seed), count: count)
            let third = count / 3
            let a = Summary(series[..<third])
            let b = Summary(series[third..<(2 * third)])
            let c = Summary(series[(2 * third)...])
            #expect(summariesAgree(a.merge(b).merge(c), a.merge(b.merge(c))))
        }
    }
}
