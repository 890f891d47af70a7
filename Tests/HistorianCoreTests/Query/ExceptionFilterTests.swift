import MillraceCore
import Testing

@testable import HistorianCore

@Suite struct ExceptionFilterTests {
    @Test func reportsDeviationsWithThePreviousValue() throws {
        var filter = try ExceptionFilter(deviation: 0.5, maxTime: .seconds(600))
        #expect(filter.offer(qs(0, 10)) == [qs(0, 10)])
        #expect(filter.offer(qs(1, 10.2)).isEmpty)
        #expect(filter.offer(qs(2, 10.4)).isEmpty)
        // 10.6 deviates by more than 0.5 from 10: the held 10.4 goes first.
        #expect(filter.offer(qs(3, 10.6)) == [qs(2, 10.4), qs(3, 10.6)])
        #expect(filter.offer(qs(4, 10.6)).isEmpty)
        #expect(filter.pending == qs(4, 10.6))
        #expect(filter.flush() == [qs(4, 10.6)])
        #expect(filter.flush().isEmpty)
    }

    @Test func maxTimeQualityAndNonNumericValues() throws {
        var filter = try ExceptionFilter(deviation: 100, maxTime: .seconds(10))
        #expect(filter.offer(qs(0, 1)).count == 1)
        #expect(filter.offer(qs(10, 1)) == [qs(10, 1)])
        #expect(filter.offer(qs(11, 1, .bad)) == [qs(11, 1, .bad)])
        #expect(identical(filter.offer(qs(12, .nan, .bad)), [qs(12, .nan, .bad)]))
        #expect(filter.offer(qs(13, .nan, .bad)).isEmpty)
        var states = try ExceptionFilter(deviation: 0, maxTime: .seconds(600))
        #expect(states.offer(Sample(time: qt(0), value: .string("run"))).count == 1)
        #expect(states.offer(Sample(time: qt(1), value: .string("run"))).isEmpty)
        #expect(states.offer(Sample(time: qt(2), value: .string("stop"))).count == 2)
        // An out-of-order sample passes through.
        #expect(states.offer(Sample(time: qt(0.5), value: .string("x"))).count == 1)
        #expect(queryErrorCode { _ = try ExceptionFilter(deviation: -0.1, maxTime: .seconds(1)) } == .invalidParameter)
    }
}
