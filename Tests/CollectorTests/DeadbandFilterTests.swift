import Collector
import MillraceCore
import Testing

@Suite struct DeadbandFilterTests {
    let tag = TagID(unchecked: "t")
    let t0 = Timestamp(seconds: 1_000)

    func sample(_ seconds: Int64, _ value: Double, _ quality: Quality = .good) -> TaggedSample {
        TaggedSample(tag: tag, time: t0 + .seconds(seconds), value: .double(value), quality: quality)
    }

    @Test func keepsMovesBeyondTheDeadbandQualityChangesAndHeartbeats() {
        var filter = DeadbandFilter(settings: [tag: .init(deadband: 0.5, maxInterval: .seconds(60))])
        let input = [
            sample(0, 10.0),  // first: kept
            sample(1, 10.3),  // within deadband: dropped
            sample(2, 10.6),  // 0.6 from 10.0: kept
            sample(3, 10.6, .communicationFailure),  // quality change: kept
            sample(4, 10.6, .communicationFailure),  // same: dropped
            sample(70, 10.6, .communicationFailure),  // heartbeat after 66 s: kept
            sample(71, .nan, .communicationFailure),  // NaN after a number: kept
        ]
        #expect(input.map { filter.admit($0) } == [true, false, true, true, false, true, true])
    }

    @Test func zeroDeadbandKeepsEveryChangeButNotRepeats() {
        var filter = DeadbandFilter(settings: [tag: .init(deadband: 0, maxInterval: .seconds(60))])
        #expect([sample(0, 1), sample(1, 1), sample(2, 1.0000001), sample(3, 1.0000001)].map { filter.admit($0) } == [true, false, true, false])
    }

    @Test func booleansAndStringsKeepChangesOnly() {
        var filter = DeadbandFilter(settings: [tag: .init(deadband: 5, maxInterval: .seconds(60))])
        let values: [DataValue] = [.bool(true), .bool(true), .bool(false), .bool(false)]
        let kept = values.enumerated().map { index, value in
            filter.admit(TaggedSample(tag: tag, time: t0 + .seconds(Int64(index)), value: value))
        }
        #expect(kept == [true, false, true, false])
    }

    @Test func tagsWithoutSettingsKeepEverything() {
        var filter = DeadbandFilter(settings: [:])
        #expect([sample(0, 1), sample(1, 1)].map { filter.admit($0) } == [true, true])
    }
}
