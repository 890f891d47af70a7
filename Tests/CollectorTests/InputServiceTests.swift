import Collector
import Logging
import MillraceCore
import ServiceLifecycle
import Synchronization
import Testing

/// Records every batch written to it.
final class RecordingSink: SampleSink {
    let batches = Mutex<[[TaggedSample]]>([])
    func write(_ batch: [TaggedSample]) async throws { batches.withLock { $0.append(batch) } }
    var all: [TaggedSample] { batches.withLock { $0.flatMap { $0 } } }
}

/// An input that emits one sample, then fails, a given number of times, then runs until cancelled.
final class FlakyInput: Input {
    let connectionID = "flaky"
    let tags: [TagID: ValueKind] = [TagID(unchecked: "flaky.value"): .double, TagID(unchecked: "flaky.on"): .bool]
    let failures: Mutex<Int>
    let runs = Mutex(0)
    let clock: TestClock

    init(failures: Int, clock: TestClock) {
        self.failures = Mutex(failures)
        self.clock = clock
    }

    struct DeviceGone: Error {}

    func run(into sink: any SampleSink) async throws {
        runs.withLock { $0 += 1 }
        try await sink.write([TaggedSample(tag: TagID(unchecked: "flaky.value"), time: clock.now(), value: .double(1))])
        let fail = failures.withLock { remaining -> Bool in
            guard remaining > 0 else { return false }
            remaining -= 1
            return true
        }
        if fail { throw DeviceGone() }
        while !Task.isCancelled { try await clock.sleep(for: .seconds(1)) }
    }
}

@Suite struct InputServiceTests {
    @Test func failedInputMarksItsTagsBadAndRestartsWithGrowingBackoff() async throws {
        let clock = TestClock()
        let input = FlakyInput(failures: 2, clock: clock)
        let sink = RecordingSink()
        let service = InputService(input: input, sink: sink, clock: clock, logger: Logger(label: "test"))
        let task = Task { try await service.run() }
        // First failure: bad samples written, then a 0.5 s backoff.
        while sink.all.count < 3 { await Task.yield() }
        let bad = sink.all.filter { $0.sample.quality == .communicationFailure }
        #expect(Set(bad.map(\.tag.rawValue)) == ["flaky.value", "flaky.on"])
        #expect(bad.first { $0.tag.rawValue == "flaky.on" }?.sample.value == .bool(false))
        #expect(input.runs.withLock { $0 } == 1)
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(by: .milliseconds(500))
        // Second run fails too; now the backoff is 1 s, so 0.5 s is not enough.
        while input.runs.withLock({ $0 }) < 2 || clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(by: .milliseconds(500))
        for _ in 0..<100 { await Task.yield() }
        #expect(input.runs.withLock { $0 } == 2)
        clock.advance(by: .milliseconds(500))
        while input.runs.withLock({ $0 }) < 3 { await Task.yield() }
        task.cancel()
        _ = try? await task.value
        #expect(sink.all.filter { $0.sample.quality.isGood }.count == 3)
    }
}
