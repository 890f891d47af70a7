import Collector
import Logging
import MillraceCore
import Testing

@Suite struct ConnectionStatusTests {
    let t0 = Timestamp(seconds: 1_767_225_600)

    func status(_ state: ConnectionStatus.State = .connecting) -> ConnectionStatus {
        ConnectionStatus(id: "plc", name: "PLC", protocol: "modbus-tcp", endpoint: "10.0.0.5:502 unit 1", state: state, tagCount: 3)
    }

    @Test func eventsMoveTheState() {
        var s = status()
        s.record(.inputStarted)
        #expect(s.state == .connecting)
        s.record(.batchDelivered(count: 3, usable: 3, failure: nil, at: t0))
        #expect(s.state == .connected)
        #expect(s.lastContact == t0)
        s.record(.batchDelivered(count: 3, usable: 1, failure: "2 of 3 tags read bad: bad:decodingError", at: t0 + .seconds(1)))
        #expect(s.state == .connected, "some values still arrive")
        #expect(s.lastContact == t0 + .seconds(1))
        #expect(s.lastError == "2 of 3 tags read bad: bad:decodingError")
        s.record(.batchDelivered(count: 3, usable: 0, failure: "timeout", at: t0 + .seconds(2)))
        #expect(s.state == .disconnected)
        #expect(s.lastContact == t0 + .seconds(1), "the last contact stays the last good one")
        #expect(s.lastErrorTime == t0 + .seconds(2))
        s.record(.inputFailed("connection refused", at: t0 + .seconds(3)))
        #expect(s.state == .failed)
        #expect(s.lastError == "connection refused")
        #expect(s.samplesRead == 9)
        s.record(.inputStopped)
        #expect(s.state == .disconnected)
    }

    @Test func disabledStaysDisabled() {
        var s = status(.disabled)
        s.record(.inputStarted)
        s.record(.batchDelivered(count: 1, usable: 1, failure: nil, at: t0))
        #expect(s.state == .disabled)
    }

    @Test func registryKeepsOrderAndIgnoresUnknownIds() {
        let registry = ConnectionStatusRegistry()
        registry.register(ConnectionStatus(id: "b", name: "B", protocol: "simulator", endpoint: "in-process", tagCount: 1))
        registry.register(ConnectionStatus(id: "a", name: "A", protocol: "simulator", endpoint: "in-process", tagCount: 1))
        registry.record(.inputStarted, for: "nobody")
        registry.record(.inputFailed("x", at: t0), for: "a")
        #expect(registry.snapshot.map(\.id) == ["b", "a"])
        #expect(registry.status(of: "a")?.state == .failed)
    }

    @Test func inputServiceReportsItsInput() async throws {
        let clock = TestClock()
        let input = FlakyInput(failures: 1, clock: clock)
        let registry = ConnectionStatusRegistry()
        registry.register(ConnectionStatus(id: "flaky", name: "Flaky", protocol: "simulator", endpoint: "in-process", tagCount: 2))
        var service = InputService(input: input, sink: RecordingSink(), clock: clock, logger: Logger(label: "test"))
        service.status = registry
        let task = Task { try await service.run() }
        // First run: one good sample, then the failure; the bad samples do not hide the error.
        while registry.status(of: "flaky")?.state != .failed { await Task.yield() }
        let failed = try #require(registry.status(of: "flaky"))
        #expect(failed.lastError == "DeviceGone()")
        #expect(failed.lastContact == clock.now())
        #expect(failed.samplesRead == 1)
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(by: .milliseconds(500))
        while input.runs.withLock({ $0 }) < 2 || registry.status(of: "flaky")?.state != .connected { await Task.yield() }
        #expect(registry.status(of: "flaky")?.samplesRead == 2)
        task.cancel()
        _ = try? await task.value
        #expect(registry.status(of: "flaky")?.state == .disconnected)
    }
}
