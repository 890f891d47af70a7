import Historian
import MillraceCore
import Testing

@testable import HistorianPostgres

@Suite struct ChunkGroupingTests {
    let grouping = ChunkGrouping(capacity: 3, span: .microseconds(100))

    @Test func groupsCloseAtCapacityAndLeaveTheRestOpen() {
        let (closed, open) = grouping.groups([1, 2, 3, 4, 5, 6, 7])
        #expect(closed == [0..<3, 3..<6])
        #expect(open == 6)
        #expect(grouping.groups([1, 2, 3]).closed == [0..<3])
        #expect(grouping.groups([1, 2, 3]).openStart == 3)
        #expect(grouping.groups([]).openStart == 0)
    }

    @Test func groupsCloseWhenTheSpanIsReached() {
        let (closed, open) = grouping.groups([0, 10, 100, 150, 400])
        #expect(closed == [0..<2, 2..<4])
        #expect(open == 4)
    }
}

@Suite struct SampleColumnsTests {
    @Test(arguments: [
        Sample(time: Timestamp(microseconds: 1), value: .double(-0.0)),
        Sample(time: Timestamp(microseconds: 2), value: .double(Double(bitPattern: 0x7FF8_0000_DEAD_BEEF)), quality: .sensorFailure),
        Sample(time: Timestamp(microseconds: 3), value: .double(.infinity)),
        Sample(time: Timestamp(microseconds: 4), value: .double(.leastNonzeroMagnitude)),
        Sample(time: Timestamp(microseconds: -5), value: .integer(.min), quality: .uncertain),
        Sample(time: Timestamp(microseconds: 6), value: .integer(.max)),
        Sample(time: Timestamp(microseconds: 7), value: .bool(true), quality: .communicationFailure),
        Sample(time: Timestamp(microseconds: 8), value: .string("Blocked — downstream full ✓")),
    ])
    func everyValueRoundTripsBitForBit(sample: Sample) {
        let read = SampleColumns(sample).sample(kind: sample.value.kind)
        #expect(read.time == sample.time)
        #expect(read.quality == sample.quality)
        #expect(read.value.isIdentical(to: sample.value))
    }

    @Test func anUnknownQualityReadsAsBadNotAsAFailure() {
        let columns = SampleColumns(time: 1, bits: 0, text: "", quality: Int16(bitPattern: 0x7F7F))
        #expect(columns.sample(kind: .integer).quality == .decodingError)
    }

    @Test func aBatchKeepsTheLastSampleOfEachTagAndTimeAndTheNewestPerTag() {
        let a = TagID(unchecked: "a"), b = TagID(unchecked: "b")
        let t = Timestamp(seconds: 1_767_225_600)
        let (rows, newest) = PostgresHistorian.stagingRows(
            [
                TaggedSample(tag: a, time: t, value: .double(1)),
                TaggedSample(tag: b, time: t, value: .double(2)),
                TaggedSample(tag: a, time: t, value: .double(3), quality: .uncertain),
                TaggedSample(tag: a, time: t - .seconds(1), value: .double(4)),
            ], ids: [a: 1, b: 2])
        #expect(rows.tags == [1, 2, 1])
        #expect(rows.bits[0] == Int64(bitPattern: (3.0).bitPattern))
        #expect(rows.qualities[0] == Int16(bitPattern: Quality.uncertain.rawValue))
        #expect(newest.tags == [1, 2])
        #expect(newest.bits[0] == Int64(bitPattern: (3.0).bitPattern))
    }
}
