import MillraceCore
import Testing
import ModbusCore

/// The client state machine as event → action sequences, with the server played by hand.
@Suite struct ModbusClientStateMachineTests {
    typealias Machine = ModbusClientStateMachine

    static let readHolding = ModbusRequest.readHoldingRegisters(address: 0x6B, quantity: 3)
    static let readHoldingResponse = hex("03 06 02 2B 00 00 00 64")

    /// A compact, stable rendering of actions, so sequences read like a protocol trace.
    func trace(_ actions: [Machine.Action]) -> [String] {
        actions.map { action in
            switch action {
            case .openConnection: "open"
            case .sendFrame(let frame): "send tid=\(frame.transactionID) unit=\(frame.unitID) \(hexString(frame.pdu))"
            case .succeedRequest(let id, _): "succeed \(id)"
            case .failRequest(let id, let error): "fail \(id) \(error.code)"
            case .closeConnection(let error): "close \(error.code)"
            case .scheduleReconnect(let delay): "reconnect in \(delay.microseconds / 1000) ms"
            }
        }
    }

    func response(_ tid: UInt16, unit: UInt8 = 0x11, _ pdu: [UInt8] = readHoldingResponse) -> ModbusTCPFrame {
        ModbusTCPFrame(transactionID: tid, unitID: unit, pdu: pdu)
    }

    func noJitter(window: Int = 1, timeout: Duration = .seconds(1)) -> ModbusClientConfiguration {
        ModbusClientConfiguration(
            pipelineWindow: window, requestTimeout: timeout,
            backoff: ModbusReconnectBackoff(
                initialDelay: .milliseconds(100), maximumDelay: .seconds(1), multiplier: 2, jitter: 0))
    }

    @Test func requestConnectsLazilyAndCompletes() {
        var machine = Machine(configuration: noJitter())
        #expect(machine.connectionState == .disconnected)
        let (id, actions) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        #expect(trace(actions) == ["open"])
        #expect(machine.connectionState == .connecting)
        #expect(trace(machine.connectionEstablished()) == ["send tid=1 unit=17 03 00 6B 00 03"])
        let done = machine.responseReceived(response(1))
        #expect(done == [.succeedRequest(id, .readHoldingRegisters([0x022B, 0, 0x64]))])
        #expect(machine.inFlightCount == 0)
        #expect(machine.nextDeadline == nil)
    }

    @Test func windowOfOneSendsOneAtATime() {
        var machine = Machine(configuration: noJitter())
        _ = machine.connect()
        _ = machine.connectionEstablished()
        let (first, a1) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        let (second, a2) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(1))
        #expect(trace(a1) == ["send tid=1 unit=17 03 00 6B 00 03"])
        #expect(a2.isEmpty)
        #expect(machine.queuedCount == 1)
        #expect(trace(machine.responseReceived(response(1))) == ["succeed \(first)", "send tid=2 unit=17 03 00 6B 00 03"])
        #expect(trace(machine.responseReceived(response(2))) == ["succeed \(second)"])
    }

    @Test func pipeliningWindowOfThreeAcceptsOutOfOrderAnswers() {
        var machine = Machine(configuration: noJitter(window: 3))
        _ = machine.connect()
        _ = machine.connectionEstablished()
        var ids: [Machine.RequestID] = []
        var sent: [String] = []
        for index in 0..<4 {
            let (id, actions) = machine.requestSubmitted(
                .readInputRegisters(address: UInt16(index), quantity: 1), unitID: 1, now: .ms(0))
            ids.append(id)
            sent += trace(actions)
        }
        #expect(
            sent == [
                "send tid=1 unit=1 04 00 00 00 01", "send tid=2 unit=1 04 00 01 00 01", "send tid=3 unit=1 04 00 02 00 01",
            ])
        #expect(machine.inFlightCount == 3)
        let answer = hex("04 02 00 2A")
        #expect(
            trace(machine.responseReceived(response(2, unit: 1, answer)))
                == ["succeed \(ids[1])", "send tid=4 unit=1 04 00 03 00 01"])
        #expect(trace(machine.responseReceived(response(1, unit: 1, answer))) == ["succeed \(ids[0])"])
        #expect(trace(machine.responseReceived(response(4, unit: 1, answer))) == ["succeed \(ids[3])"])
        #expect(trace(machine.responseReceived(response(3, unit: 1, answer))) == ["succeed \(ids[2])"])
    }

    @Test func timeoutFailsTheRequestAndALateAnswerIsDropped() {
        var machine = Machine(configuration: noJitter(timeout: .seconds(1)))
        _ = machine.connect()
        _ = machine.connectionEstablished()
        let (id, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        #expect(machine.nextDeadline == .ms(1000))
        #expect(machine.deadlinePassed(now: .ms(999)).isEmpty)
        #expect(trace(machine.deadlinePassed(now: .ms(1000))) == ["fail \(id) timeout"])
        // The late answer to transaction 1 must not close the connection nor match a new request.
        #expect(machine.responseReceived(response(1)).isEmpty)
        #expect(machine.connectionState == .connected)
        let (_, next) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(1001))
        #expect(trace(next) == ["send tid=2 unit=17 03 00 6B 00 03"])
    }

    @Test func timeoutFreesTheWindowForTheQueue() {
        var machine = Machine(configuration: noJitter(timeout: .seconds(1)))
        _ = machine.connect()
        _ = machine.connectionEstablished()
        let (first, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        _ = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(500))
        #expect(trace(machine.deadlinePassed(now: .ms(1000))) == ["fail \(first) timeout", "send tid=2 unit=17 03 00 6B 00 03"])
    }

    @Test func queuedRequestsTimeOutWhileDisconnected() {
        var machine = Machine(configuration: noJitter(timeout: .milliseconds(300)))
        let (id, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        #expect(trace(machine.connectionFailed()) == ["reconnect in 100 ms"])
        #expect(trace(machine.deadlinePassed(now: .ms(300))) == ["fail \(id) timeout"])
        #expect(machine.queuedCount == 0)
    }

    @Test func tooManyTimeoutsCloseTheConnection() {
        var configuration = noJitter(timeout: .milliseconds(10))
        configuration.maximumAbandonedTransactions = 2
        var machine = Machine(configuration: configuration)
        _ = machine.connect()
        _ = machine.connectionEstablished()
        var trail: [String] = []
        for step in 0..<3 {
            _ = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(Int64(step) * 100))
            trail += trace(machine.deadlinePassed(now: .ms(Int64(step) * 100 + 10)))
        }
        #expect(trail == ["fail #1 timeout", "fail #2 timeout", "fail #3 timeout", "close tooManyTimeouts"])
        #expect(trace(machine.connectionClosed()) == ["reconnect in 100 ms"])
    }

    @Test func unknownTransactionIDClosesTheConnectionAndReconnects() {
        var machine = Machine(configuration: noJitter())
        _ = machine.connect()
        _ = machine.connectionEstablished()
        let (id, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        #expect(trace(machine.responseReceived(response(99))) == ["fail \(id) protocolViolation", "close protocolViolation"])
        #expect(machine.connectionState == .closing)
        #expect(machine.responseReceived(response(1)).isEmpty)
        #expect(trace(machine.connectionClosed()) == ["reconnect in 100 ms"])
        #expect(trace(machine.reconnectTimerFired()) == ["open"])
    }

    @Test func answerFromAnotherUnitClosesTheConnection() {
        var machine = Machine(configuration: noJitter())
        _ = machine.connect()
        _ = machine.connectionEstablished()
        let (id, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        #expect(trace(machine.responseReceived(response(1, unit: 0x12))) == ["fail \(id) protocolViolation", "close protocolViolation"])
    }

    @Test func malformedAnswerClosesTheConnectionWithTheDecodingError() {
        var machine = Machine(configuration: noJitter())
        _ = machine.connect()
        _ = machine.connectionEstablished()
        _ = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        let actions = machine.responseReceived(response(1, hex("03 04 00 01 00 02")))  // 2 registers for 3
        guard case .failRequest(_, let error) = actions.first else {
            Issue.record("expected a failure, got \(actions)")
            return
        }
        #expect(error.code == .protocolViolation)
        #expect(error.decodingError?.code == .unexpectedResponse)
        #expect(error.quality == .communicationFailure)
    }

    @Test func exceptionResponseFailsOnlyThatRequest() {
        var machine = Machine(configuration: noJitter())
        _ = machine.connect()
        _ = machine.connectionEstablished()
        let (id, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        let actions = machine.responseReceived(response(1, hex("83 02")))
        #expect(trace(actions) == ["fail \(id) exception"])
        if case .failRequest(_, let error) = actions.first {
            #expect(error.exception == ModbusException(function: .readHoldingRegisters, code: .illegalDataAddress))
            #expect(error.quality == .configurationError)
        }
        #expect(machine.connectionState == .connected)
    }

    @Test func connectionLossFailsInFlightKeepsQueuedAndResendsAfterReconnect() {
        var machine = Machine(configuration: noJitter(window: 2))
        _ = machine.connect()
        _ = machine.connectionEstablished()
        let (a, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        let (b, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        let (c, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        #expect(
            trace(machine.connectionClosed()) == [
                "fail \(a) connectionLost", "fail \(b) connectionLost", "reconnect in 100 ms",
            ])
        #expect(machine.queuedCount == 1)
        #expect(trace(machine.reconnectTimerFired()) == ["open"])
        #expect(trace(machine.connectionEstablished()) == ["send tid=3 unit=17 03 00 6B 00 03"])
        #expect(trace(machine.responseReceived(response(3))) == ["succeed \(c)"])
    }

    @Test func backoffGrowsToTheCapAndResetsAfterAResponse() {
        var machine = Machine(configuration: noJitter())
        _ = machine.connect()
        var delays: [String] = []
        for _ in 0..<6 {
            delays += trace(machine.connectionFailed())
            #expect(trace(machine.reconnectTimerFired()) == ["open"])
        }
        #expect(
            delays == [
                "reconnect in 100 ms", "reconnect in 200 ms", "reconnect in 400 ms", "reconnect in 800 ms",
                "reconnect in 1000 ms", "reconnect in 1000 ms",
            ])
        // A connection alone does not reset the backoff; an answer does.
        _ = machine.connectionEstablished()
        #expect(trace(machine.connectionClosed()) == ["reconnect in 1000 ms"])
        _ = machine.reconnectTimerFired()
        _ = machine.connectionEstablished()
        _ = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        _ = machine.responseReceived(response(1))
        #expect(machine.consecutiveReconnectAttempts == 0)
        #expect(trace(machine.connectionClosed()) == ["reconnect in 100 ms"])
    }

    @Test func jitterIsSeededAndBounded() {
        func delays(seed: UInt64) -> [Duration] {
            var machine = Machine(
                configuration: ModbusClientConfiguration(
                    backoff: ModbusReconnectBackoff(
                        initialDelay: .milliseconds(100), maximumDelay: .seconds(10), multiplier: 2, jitter: 0.5),
                    jitterSeed: seed))
            _ = machine.connect()
            return (0..<8).compactMap { _ in
                let actions = machine.connectionFailed()
                _ = machine.reconnectTimerFired()
                if case .scheduleReconnect(let delay) = actions.first { return delay }
                return nil
            }
        }
        let first = delays(seed: 42)
        #expect(first == delays(seed: 42))
        #expect(first != delays(seed: 43))
        for (attempt, delay) in first.enumerated() {
            let base = min(100_000 << attempt, 10_000_000)
            #expect(delay.microseconds <= Int64(base))
            #expect(delay.microseconds >= Int64(base / 2))
        }
    }

    @Test func transactionIDsWrapAndSkipIDsInFlight() {
        var machine = Machine(configuration: noJitter(window: 2, timeout: .seconds(3600)))
        _ = machine.connect()
        _ = machine.connectionEstablished()
        // Transaction 1 stays in flight while others cycle through the whole id space.
        _ = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        var seen: [UInt16] = []
        for _ in 0..<65_536 {
            let (_, actions) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
            guard case .sendFrame(let frame) = actions.first else {
                Issue.record("nothing sent: \(actions)")
                return
            }
            seen.append(frame.transactionID)
            _ = machine.responseReceived(response(frame.transactionID))
        }
        #expect(seen.prefix(3) == [2, 3, 4])
        #expect(!seen.contains(1))
        #expect(seen[65_533] == 65_535)
        #expect(seen[65_534] == 0)  // the wrap; then 1, still in flight, is skipped
        #expect(seen[65_535] == 2)
    }

    @Test func closeFailsEverythingAndRejectsNewRequests() {
        var machine = Machine(configuration: noJitter())
        _ = machine.connect()
        _ = machine.connectionEstablished()
        let (a, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        let (b, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        #expect(trace(machine.close()) == ["fail \(a) clientClosed", "fail \(b) clientClosed", "close clientClosed"])
        #expect(machine.connectionClosed().isEmpty)
        let (c, actions) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        #expect(trace(actions) == ["fail \(c) clientClosed"])
        #expect(trace(machine.connect()) == ["open"])
    }

    @Test func invalidRequestsAndAFullQueueFailAtOnce() {
        var configuration = noJitter()
        configuration.maximumQueuedRequests = 1
        var machine = Machine(configuration: configuration)
        let (bad, badActions) = machine.requestSubmitted(
            .readHoldingRegisters(address: 0, quantity: 126), unitID: 1, now: .ms(0))
        #expect(trace(badActions) == ["fail \(bad) invalidRequest"])
        _ = machine.requestSubmitted(Self.readHolding, unitID: 1, now: .ms(0))
        let (full, fullActions) = machine.requestSubmitted(Self.readHolding, unitID: 1, now: .ms(0))
        #expect(trace(fullActions) == ["fail \(full) queueFull"])
    }

    @Test func framingErrorClosesTheConnection() {
        var machine = Machine(configuration: noJitter())
        _ = machine.connect()
        _ = machine.connectionEstablished()
        let (id, _) = machine.requestSubmitted(Self.readHolding, unitID: 0x11, now: .ms(0))
        let error = ModbusDecodingError(.invalidLength, offset: 4, bytes: hex("00 01 00 00 FF FF"), message: "lying length")
        #expect(trace(machine.frameDecodingFailed(error)) == ["fail \(id) protocolViolation", "close protocolViolation"])
    }

    @Test func backoffDelayIsCappedForHugeAttempts() {
        let backoff = ModbusReconnectBackoff(initialDelay: .milliseconds(100), maximumDelay: .seconds(30), multiplier: 10, jitter: 1)
        #expect(backoff.delay(attempt: 1000, random: 0) == .seconds(30))
        #expect(backoff.delay(attempt: 1000, random: 0.999_999).microseconds >= 0)
        #expect(backoff.delay(attempt: 3, random: .nan) == .seconds(30))
    }
}
