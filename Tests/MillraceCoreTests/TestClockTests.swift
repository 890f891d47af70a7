import MillraceCore
import Testing

@Suite struct TestClockTests {
    @Test func sleepersWakeOnlyWhenTheClockReachesTheirDeadline() async throws {
        let clock = TestClock(now: Timestamp(seconds: 1000))
        let task = Task { try await clock.sleep(for: .seconds(10)) }
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(by: .seconds(5))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(5))
        try await task.value
        #expect(clock.now() == Timestamp(seconds: 1010))
    }

    @Test func cancellationEndsASleep() async {
        let clock = TestClock()
        let task = Task { try await clock.sleep(for: .seconds(60)) }
        while clock.sleeperCount == 0 { await Task.yield() }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func pastDeadlinesReturnAtOnce() async throws {
        let clock = TestClock(now: Timestamp(seconds: 50))
        try await clock.sleep(until: Timestamp(seconds: 10))
    }
}
