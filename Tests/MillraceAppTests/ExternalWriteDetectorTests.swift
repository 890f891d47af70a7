import MillraceApp
import MillraceCore
import Testing

/// A setpoint change Millrace did not make is seen; its own writes, process noise of other tags and bad readings are not.
@Suite struct ExternalWriteDetectorTests {
    let setpoint = TagID(unchecked: "chiller.setpoint")
    let t0 = Timestamp(seconds: 1_795_680_000)

    func sample(_ value: Double, at seconds: Int64, quality: Quality = .good, tag: TagID? = nil) -> TaggedSample {
        TaggedSample(tag: tag ?? setpoint, time: t0 + .seconds(seconds), value: .double(value), quality: quality)
    }

    @Test func onlyUnexplainedChangesOfWatchedTagsAreReported() {
        var detector = ExternalWriteDetector(watching: [setpoint], ownWriteWindow: .seconds(60))
        #expect(detector.observe(sample(10, at: 0)) == nil, "the first value is the baseline")
        #expect(detector.observe(sample(10, at: 1)) == nil)
        // Millrace's own write, read back as a double: explained.
        detector.ownWrite(.integer(12), to: setpoint, at: t0 + .seconds(2))
        #expect(detector.observe(sample(12, at: 3)) == nil)
        // Someone else's.
        let change = detector.observe(sample(15, at: 4))
        #expect(change == .init(tag: setpoint, before: .double(12), after: .double(15), time: t0 + .seconds(4)))
        // A communication failure and the recovery to the same value are not changes.
        #expect(detector.observe(sample(.nan, at: 5, quality: .communicationFailure)) == nil)
        #expect(detector.observe(sample(15, at: 6)) == nil)
        // Tags not configured writable move on their own and are not watched.
        #expect(detector.observe(sample(1, at: 7, tag: TagID(unchecked: "chiller.temperature"))) == nil)
        #expect(detector.observe(sample(2, at: 8, tag: TagID(unchecked: "chiller.temperature"))) == nil)
    }

    @Test func anOwnWriteExplainsOnlyItsValueAndOnlyForAWhile() {
        var detector = ExternalWriteDetector(watching: [setpoint], ownWriteWindow: .seconds(60))
        _ = detector.observe(sample(10, at: 0))
        detector.ownWrite(.double(20), to: setpoint, at: t0)
        #expect(detector.observe(sample(30, at: 1)) != nil, "a different value than the one written")
        detector.ownWrite(.double(40), to: setpoint, at: t0 + .seconds(2))
        #expect(detector.observe(sample(40, at: 120)) != nil, "read back long after the write: not explained by it")
    }
}
