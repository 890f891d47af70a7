import MillraceCore
import ModbusCore
import NIOCore
import NIOEmbedded
import Testing

@testable import ModbusNIO

/// Bytes from a misbehaving server, through the real codecs: typed errors and a clean reconnect, never a
/// crash or a hang.
@Suite struct ModbusClientHostileInputTests {
    /// Submits a read of one holding register and returns the outcome and the bytes that were sent.
    func sendRead(_ harness: ClientHarness) throws -> (Outcome, ByteBuffer) {
        let outcome = harness.submit(.readHoldingRegisters(address: 0, quantity: 1))
        let sent = try #require(try harness.channel.readOutbound(as: ByteBuffer.self))
        return (outcome, sent)
    }

    @Test func theRequestGoesOutAsMBAPBytes() throws {
        let harness = ClientHarness(codecs: true)
        let (_, sent) = try sendRead(harness)
        #expect(sent == ByteBuffer(hex: "0001 0000 0006 01 03 0000 0001"))
        #expect(try harness.finish())
    }

    @Test func aResponseFedOneByteAtATimeCompletes() throws {
        let harness = ClientHarness(codecs: true)
        let (outcome, _) = try sendRead(harness)
        for byte in ByteBuffer(hex: "0001 0000 0005 01 03 02 1234").readableBytesView {
            #expect(outcome.result == nil)
            try harness.channel.writeInbound(ByteBuffer(bytes: [byte]))
        }
        #expect(outcome.response == .readHoldingRegisters([0x1234]))
        #expect(try harness.finish())
    }

    @Test func aWrongProtocolIDClosesTheConnectionWithATypedError() throws {
        let harness = ClientHarness(codecs: true)
        let (outcome, _) = try sendRead(harness)
        // The decoder's error goes to the client handler, which closes: nothing reaches the pipeline's end.
        try harness.channel.writeInbound(ByteBuffer(hex: "0001 0001 0005 01 03 02 1234"))
        #expect(outcome.error?.code == .protocolViolation)
        #expect(outcome.error?.decodingError?.code == .protocolIdentifierMismatch)
        #expect(!harness.channels[0].isActive)
        harness.advance(by: .milliseconds(100))
        #expect(harness.channels.count == 2 && harness.channel.isActive)
        #expect(try harness.finish())
    }

    @Test func anOversizedLengthClosesTheConnection() throws {
        let harness = ClientHarness(codecs: true)
        let (outcome, _) = try sendRead(harness)
        try harness.channel.writeInbound(ByteBuffer(hex: "0001 0000 0400 01"))
        #expect(outcome.error?.decodingError?.code == .invalidLength)
        #expect(!harness.channels[0].isActive)
        #expect(try harness.finish())
    }

    @Test func aTruncatedPDUInsideAValidFrameIsAProtocolViolation() throws {
        let harness = ClientHarness(codecs: true)
        let (outcome, _) = try sendRead(harness)
        // The MBAP length is honest, but the PDU claims 2 bytes of registers and carries 1.
        try harness.channel.writeInbound(ByteBuffer(hex: "0001 0000 0004 01 03 02 12"))
        #expect(outcome.error?.code == .protocolViolation)
        #expect(outcome.error?.decodingError?.code == .truncated)
        #expect(!harness.channels[0].isActive)
        #expect(try harness.finish())
    }

    @Test func aResponseToAnotherFunctionIsAProtocolViolation() throws {
        let harness = ClientHarness(codecs: true)
        let (outcome, _) = try sendRead(harness)
        try harness.channel.writeInbound(ByteBuffer(hex: "0001 0000 0005 01 04 02 0001"))
        #expect(outcome.error?.decodingError?.code == .unexpectedResponse)
        #expect(try harness.finish())
    }

    @Test func aPeerThatSendsOneByteAndStallsStillHitsTheDeadline() throws {
        let harness = ClientHarness(codecs: true)
        let (outcome, _) = try sendRead(harness)
        try harness.channel.writeInbound(ByteBuffer(hex: "00"))
        harness.advance(by: .seconds(1))
        #expect(outcome.error?.code == .timeout)
        #expect(try harness.finish())
    }

    @Test func aLyingLengthStallsTheStreamUntilTooManyTimeoutsCloseTheConnection() throws {
        let configuration = ModbusClientConfiguration(
            requestTimeout: .seconds(1), backoff: .init(initialDelay: .milliseconds(100), jitter: 0),
            maximumAbandonedTransactions: 1)
        let harness = ClientHarness(configuration: configuration, codecs: true)
        let (first, _) = try sendRead(harness)
        // Announces 250 bytes and sends 4: the decoder waits for the rest, which never comes.
        try harness.channel.writeInbound(ByteBuffer(hex: "0001 0000 00FA 01 03 02 12"))
        harness.advance(by: .seconds(1))
        #expect(first.error?.code == .timeout)
        let (second, _) = try sendRead(harness)
        harness.advance(by: .seconds(1))
        #expect(second.error?.code == .timeout)
        #expect(!harness.channels[0].isActive)
        #expect(harness.status.health.lastError?.code == .tooManyTimeouts)
        harness.advance(by: .milliseconds(100))
        #expect(harness.channels.count == 2 && harness.channel.isActive)
        #expect(try harness.finish())
    }

    @Test func anUnknownExceptionCodeIsAProtocolViolation() throws {
        let harness = ClientHarness(codecs: true)
        let (outcome, _) = try sendRead(harness)
        try harness.channel.writeInbound(ByteBuffer(hex: "0001 0000 0003 01 83 7F"))
        #expect(outcome.error?.decodingError?.code == .unknownExceptionCode)
        #expect(try harness.finish())
    }
}
