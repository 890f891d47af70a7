import MillraceCore
import ModbusCore
import NIOCore
import NIOEmbedded
import Testing

@testable import ModbusNIO

/// The handler as a sequence of events and the actions it carries out, on embedded channels.
@Suite struct ModbusClientChannelHandlerTests {
    @Test func sendsTheRequestOnceConnectedAndCompletesWithTheResponse() throws {
        let harness = ClientHarness()
        let outcome = harness.submit(.readHoldingRegisters(address: 0, quantity: 2))
        #expect(harness.connectAttempts == 1)
        #expect(
            try harness.sentFrame() == ModbusTCPFrame(transactionID: 1, unitID: 1, pdu: [0x03, 0x00, 0x00, 0x00, 0x02]))
        #expect(harness.status.connectionState == .connected)
        try harness.answer(1, [0x03, 0x04, 0x00, 0x0A, 0x00, 0x0B])
        #expect(outcome.response == .readHoldingRegisters([10, 11]))
        #expect(harness.status.health.responses == 1)
        #expect(harness.status.health.lastContact == harness.clock.now())
        #expect(try harness.finish())
    }

    @Test func pipelinesUpToTheWindowAndMatchesAnswersOutOfOrder() throws {
        let harness = ClientHarness(configuration: .init(pipelineWindow: 2, requestTimeout: .seconds(1)))
        let first = harness.submit(.readInputRegisters(address: 0, quantity: 1))
        let second = harness.submit(.readInputRegisters(address: 1, quantity: 1))
        let third = harness.submit(.readInputRegisters(address: 2, quantity: 1))
        #expect(try harness.sentFrame()?.transactionID == 1)
        #expect(try harness.sentFrame()?.transactionID == 2)
        #expect(try harness.sentFrame() == nil)
        try harness.answer(2, [0x04, 0x02, 0x00, 0x02])
        #expect(second.response == .readInputRegisters([2]))
        #expect(first.result == nil)
        #expect(try harness.sentFrame()?.transactionID == 3)
        try harness.answer(1, [0x04, 0x02, 0x00, 0x01])
        try harness.answer(3, [0x04, 0x02, 0x00, 0x03])
        #expect(first.response == .readInputRegisters([1]))
        #expect(third.response == .readInputRegisters([3]))
        #expect(try harness.finish())
    }

    @Test func theDeadlineTimerFailsAnUnansweredRequestAndDropsItsLateAnswer() throws {
        let harness = ClientHarness()
        let outcome = harness.submit(.readCoils(address: 0, quantity: 8))
        _ = try harness.sentFrame()
        harness.advance(by: .milliseconds(999))
        #expect(outcome.result == nil)
        harness.advance(by: .milliseconds(1))
        #expect(outcome.error?.code == .timeout)
        #expect(outcome.error?.quality == .communicationFailure)
        #expect(harness.status.health.timeouts == 1)
        // The late answer is dropped; the connection stays up and serves the next request.
        try harness.answer(1, [0x01, 0x01, 0xFF])
        #expect(harness.channel.isActive)
        let next = harness.submit(.readCoils(address: 0, quantity: 8))
        #expect(try harness.sentFrame()?.transactionID == 2)
        try harness.answer(2, [0x01, 0x01, 0x01])
        #expect(next.response == .readCoils([true] + Array(repeating: false, count: 7)))
        #expect(try harness.finish())
    }

    @Test func anUnknownTransactionIDClosesTheConnectionAndTheClientReconnects() throws {
        let harness = ClientHarness()
        let outcome = harness.submit(.readHoldingRegisters(address: 0, quantity: 1))
        _ = try harness.sentFrame()
        try harness.answer(99, [0x03, 0x02, 0x00, 0x01])
        #expect(outcome.error?.code == .protocolViolation)
        #expect(!harness.channels[0].isActive)
        #expect(harness.status.health.protocolViolations == 1)
        #expect(harness.status.connectionState == .disconnected)
        harness.advance(by: .milliseconds(99))
        #expect(harness.connectAttempts == 1)
        harness.advance(by: .milliseconds(1))
        #expect(harness.connectAttempts == 2)
        #expect(harness.channel.isActive)
        #expect(harness.status.health.connects == 2)
        #expect(harness.status.health.disconnects == 1)
        #expect(try harness.finish())
    }

    @Test func anotherUnitIDIsAProtocolViolation() throws {
        let harness = ClientHarness()
        let outcome = harness.submit(.readHoldingRegisters(address: 0, quantity: 1), unitID: 7)
        _ = try harness.sentFrame()
        try harness.answer(1, unitID: 8, [0x03, 0x02, 0x00, 0x01])
        #expect(outcome.error?.code == .protocolViolation)
        #expect(!harness.channels[0].isActive)
        #expect(try harness.finish())
    }

    @Test func aLostConnectionFailsWhatIsInFlightAndQueuedRequestsGoOutAfterTheReconnect() throws {
        let harness = ClientHarness()
        let inFlight = harness.submit(.readHoldingRegisters(address: 0, quantity: 1))
        let queued = harness.submit(.readHoldingRegisters(address: 1, quantity: 1))
        _ = try harness.sentFrame()
        // The device restarts: the peer closes the connection.
        try harness.channel.close().wait()
        #expect(inFlight.error?.code == .connectionLost)
        #expect(inFlight.error?.quality == .communicationFailure)
        #expect(queued.result == nil)
        harness.advance(by: .milliseconds(100))
        #expect(harness.channels.count == 2)
        let resent = try #require(try harness.sentFrame())
        #expect(resent.pdu == [0x03, 0x00, 0x01, 0x00, 0x01])
        try harness.answer(resent.transactionID, [0x03, 0x02, 0x00, 0x2A])
        #expect(queued.response == .readHoldingRegisters([42]))
        #expect(try harness.finish())
    }

    @Test func failedConnectsBackOffExponentially() throws {
        let harness = ClientHarness(
            configuration: .init(
                requestTimeout: .seconds(10), backoff: .init(initialDelay: .milliseconds(100), jitter: 0)))
        harness.failingConnects = 2
        let outcome = harness.submit(.writeSingleRegister(address: 5, value: 7))
        #expect(harness.connectAttempts == 1)
        #expect(harness.status.health.connectFailures == 1)
        harness.advance(by: .milliseconds(100))
        #expect(harness.connectAttempts == 2)
        harness.advance(by: .milliseconds(199))
        #expect(harness.connectAttempts == 2)
        harness.advance(by: .milliseconds(1))
        #expect(harness.connectAttempts == 3)
        try harness.answer(try #require(try harness.sentFrame()).transactionID, [0x06, 0x00, 0x05, 0x00, 0x07])
        #expect(outcome.response == .writeSingleRegister(address: 5, value: 7))
        #expect(try harness.finish())
    }

    @Test func anExceptionResponseFailsOnlyItsRequest() throws {
        let harness = ClientHarness()
        let outcome = harness.submit(.readHoldingRegisters(address: 9000, quantity: 1))
        _ = try harness.sentFrame()
        try harness.answer(1, [0x83, 0x02])
        #expect(outcome.error?.code == .exception)
        #expect(outcome.error?.exception == ModbusException(function: .readHoldingRegisters, code: .illegalDataAddress))
        #expect(outcome.error?.quality == .configurationError)
        #expect(harness.channel.isActive)
        #expect(harness.status.health.exceptions == 1)
        #expect(try harness.finish())
    }

    @Test func closeFailsPendingRequestsAndLaterOnes() throws {
        let harness = ClientHarness()
        let first = harness.submit(.readHoldingRegisters(address: 0, quantity: 1))
        let second = harness.submit(.readHoldingRegisters(address: 1, quantity: 1))
        _ = try harness.sentFrame()
        harness.handler.close(promise: nil)
        #expect(first.error?.code == .clientClosed)
        #expect(second.error?.code == .clientClosed)
        #expect(!harness.channel.isActive)
        let late = harness.submit(.readHoldingRegisters(address: 0, quantity: 1))
        #expect(late.error?.code == .clientClosed)
        harness.advance(by: .seconds(60))
        #expect(harness.connectAttempts == 1)
        #expect(try harness.finish())
    }

    @Test func theDeadlineTimerIsReArmedForALaterRequest() throws {
        let harness = ClientHarness()
        let first = harness.submit(.readHoldingRegisters(address: 0, quantity: 1))
        _ = try harness.sentFrame()
        harness.advance(by: .milliseconds(500))
        try harness.answer(1, [0x03, 0x02, 0x00, 0x01])
        #expect(first.response != nil)
        let second = harness.submit(.readHoldingRegisters(address: 0, quantity: 1))
        _ = try harness.sentFrame()
        // The timer armed for the first request fires at 1 s and finds nothing due.
        harness.advance(by: .milliseconds(500))
        #expect(second.result == nil)
        harness.advance(by: .milliseconds(499))
        #expect(second.result == nil)
        harness.advance(by: .milliseconds(1))
        #expect(second.error?.code == .timeout)
        #expect(try harness.finish())
    }

    @Test func closingWhileConnectingClosesTheConnectionWhenItOpens() throws {
        let harness = ClientHarness()
        let connect = harness.loop.makePromise(of: Void.self)
        harness.heldConnect = connect
        let outcome = harness.submit(.readHoldingRegisters(address: 0, quantity: 1))
        #expect(harness.status.connectionState == .connecting)
        let closed = harness.loop.makePromise(of: Void.self)
        var isClosed = false
        closed.futureResult.assumeIsolated().whenSuccess { isClosed = true }
        harness.handler.close(promise: closed)
        #expect(outcome.error?.code == .clientClosed)
        #expect(!isClosed)
        connect.succeed()
        harness.loop.run()
        #expect(!harness.channel.isActive)
        #expect(isClosed)
        #expect(harness.status.connectionState == .disconnected)
        #expect(try harness.channel.readOutbound(as: ModbusTCPFrame.self) == nil)
        #expect(try harness.finish())
    }
}
