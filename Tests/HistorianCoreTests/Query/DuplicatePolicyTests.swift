import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct DuplicatePolicyTests {
    @Test func incomingWinsOnEqualTimes() {
        let existing = [qs(0, 1), qs(2, 1), qs(4, 1)]
        let incoming = [qs(1, 2), qs(2, 2), qs(5, 2)]
        #expect(
            DuplicatePolicy.merge(sorted: existing, incoming: incoming) == [
                qs(0, 1), qs(1, 2), qs(2, 2), qs(4, 1), qs(5, 2),
            ])
        #expect(DuplicatePolicy.keepExisting.merge(sorted: existing, incoming: incoming)[2] == qs(2, 1))
        #expect(DuplicatePolicy.merge(sorted: [], incoming: []).isEmpty)
        #expect(DuplicatePolicy.merge(sorted: existing, incoming: []) == existing)
        // Duplicates inside one batch: the later element wins; an unsorted batch is sorted.
        #expect(DuplicatePolicy.merge(sorted: [], incoming: [qs(3, 1), qs(1, 1), qs(3, 2)]) == [qs(1, 1), qs(3, 2)])
    }

    @Test func mergeKeepsSortedUniqueTimesWithIncomingWinning() async {
        await checkProperty(
            count: 200, input: Gen.int(in: 0...20).array(of: 0...60), Gen.int(in: 0...20).array(of: 0...60),
            Gen.bool
        ) { oldTimes, newTimes, sortIncoming in
            let existing = oldTimes.sorted().enumerated().map { qs(Double($0.element), Double($0.offset)) }
            let ordered = sortIncoming ? newTimes.sorted() : newTimes
            let incoming = ordered.enumerated().map { qs(Double($0.element), 1000 + Double($0.offset)) }
            let merged = DuplicatePolicy.merge(sorted: existing, incoming: incoming)
            #expect(zip(merged, merged.dropFirst()).allSatisfy { $0.time < $1.time })
            // The reference: the last write for each time, incoming after existing.
            var expected: [Timestamp: Sample] = [:]
            for sample in existing + incoming { expected[sample.time] = sample }
            #expect(merged == expected.values.sorted { $0.time < $1.time })
        }
    }
}
