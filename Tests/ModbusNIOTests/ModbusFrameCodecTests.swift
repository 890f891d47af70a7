import ModbusCore
import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@testable import ModbusNIO

/// The MBAP and RTU-over-TCP codecs, checked with NIO's `ByteToMessageDecoderVerifier` (byte by byte,
/// batched, one message per buffer) and with golden bytes from the specifications.
@Suite struct ModbusFrameCodecTests {
    /// Frames and their bytes: Modbus Messaging on TCP/IP v1.0b §3.1.3 style requests, responses, an
    /// exception and the largest PDU.
    static let tcpVectors: [(ByteBuffer, [ModbusTCPFrame])] = [
        (
            ByteBuffer(hex: "0001 0000 0006 11 03 006B 0003"),
            [ModbusTCPFrame(transactionID: 1, unitID: 0x11, pdu: [0x03, 0x00, 0x6B, 0x00, 0x03])]
        ),
        (
            ByteBuffer(hex: "0002 0000 0009 11 03 06 AE41 5652 4340"),
            [ModbusTCPFrame(transactionID: 2, unitID: 0x11, pdu: [0x03, 0x06, 0xAE, 0x41, 0x56, 0x52, 0x43, 0x40])]
        ),
        (
            ByteBuffer(hex: "FFFF 0000 0003 FF 83 02"),
            [ModbusTCPFrame(transactionID: 0xFFFF, unitID: 0xFF, pdu: [0x83, 0x02])]
        ),
        (
            ByteBuffer(
                bytes: [0x00, 0x04, 0x00, 0x00, 0x00, 0xFE, 0x01] + [0x03, 0xFA] + Array(repeating: 0x5A, count: 251)),
            [ModbusTCPFrame(transactionID: 4, unitID: 1, pdu: [0x03, 0xFA] + Array(repeating: 0x5A, count: 251))]
        ),
    ]

    @Test func theMBAPDecoderPassesTheVerifier() throws {
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: Self.tcpVectors) { ModbusFrameDecoder() }
    }

    @Test func theDecoderReadsFromTheReaderIndex() throws {
        var buffer = ByteBuffer(hex: "DEAD 0001 0000 0003 01 83 02")
        buffer.moveReaderIndex(forwardBy: 2)
        var decoder = ModbusFrameDecoder()
        #expect(try decoder.decodeFrame(&buffer) == ModbusTCPFrame(transactionID: 1, unitID: 1, pdu: [0x83, 0x02]))
        #expect(buffer.readableBytes == 0)
    }

    @Test(arguments: ["0001 0002", "0001 0002 0006 01 03", "0001 0000 0001 01", "0001 0000 00FF 01", "0001 0000 FFFF"])
    func aHeaderThatCannotStartAFrameThrowsAtOnce(hex: String) throws {
        var buffer = ByteBuffer(hex: hex)
        var decoder = ModbusFrameDecoder()
        #expect(throws: ModbusDecodingError.self) { try decoder.decodeFrame(&buffer) }
        #expect(buffer.readerIndex == 0)
    }

    @Test func shortInputIsNeedMoreData() throws {
        var decoder = ModbusFrameDecoder()
        for length in 0..<12 {
            var buffer = ByteBuffer(hex: "0001 0000 0006 11 03 006B 0003")
            buffer = buffer.getSlice(at: 0, length: length)!
            #expect(try decoder.decodeFrame(&buffer) == nil)
            #expect(buffer.readerIndex == 0)
        }
    }

    @Test func theEncoderWritesTheSpecificationExample() throws {
        var out = ByteBuffer()
        try ModbusFrameEncoder().encode(
            data: ModbusTCPFrame(transactionID: 1, unitID: 0x11, pdu: [0x03, 0x00, 0x6B, 0x00, 0x03]), out: &out)
        #expect(out == ByteBuffer(hex: "0001 0000 0006 11 03 006B 0003"))
    }

    @Test func theEncoderMatchesModbusCore() throws {
        for (_, frames) in Self.tcpVectors {
            var out = ByteBuffer()
            try ModbusFrameEncoder().encode(data: frames[0], out: &out)
            #expect(Array(out.readableBytesView) == (try frames[0].encode()))
        }
    }

    @Test(arguments: [0, 254]) func theEncoderRefusesAnImpossiblePDU(size: Int) {
        var out = ByteBuffer()
        #expect(throws: ModbusEncodingError.self) {
            try ModbusFrameEncoder().encode(
                data: ModbusTCPFrame(transactionID: 1, unitID: 1, pdu: Array(repeating: 3, count: size)), out: &out)
        }
        #expect(out.readableBytes == 0)
    }

    @Test func aWriteOfAnImpossibleFrameFailsItsPromise() throws {
        let channel = EmbeddedChannel(handler: MessageToByteHandler(ModbusFrameEncoder()))
        let write = channel.writeAndFlush(ModbusTCPFrame(transactionID: 1, unitID: 1, pdu: []))
        #expect(throws: ModbusEncodingError.self) { try write.wait() }
        #expect(throws: ModbusEncodingError.self) { try channel.throwIfErrorCaught() }
        #expect(try channel.finish().isClean)
    }

    // MARK: RTU over TCP

    @Test func theRTUResponseDecoderPassesTheVerifier() throws {
        let frames = [
            ModbusRTUFrame(unitID: 0x11, pdu: [0x03, 0x06, 0xAE, 0x41, 0x56, 0x52, 0x43, 0x40]),
            ModbusRTUFrame(unitID: 0x01, pdu: [0x83, 0x02]),
            ModbusRTUFrame(unitID: 0x01, pdu: [0x06, 0x00, 0x01, 0x00, 0x03]),
            ModbusRTUFrame(unitID: 0x01, pdu: [0x01, 0x01, 0x05]),
        ]
        let pairs = try frames.map { (ByteBuffer(bytes: try $0.encode()), [$0]) }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) {
            ModbusRTUOverTCPFrameDecoder(direction: .responses)
        }
    }

    @Test func theRTURequestDecoderReadsTheSpecificationExample() throws {
        // Modbus over Serial Line v1.02 / Application Protocol example: read 3 registers from 0x6B of unit 0x11.
        let pairs = [
            (
                ByteBuffer(hex: "11 03 006B 0003 7687"),
                [ModbusRTUFrame(unitID: 0x11, pdu: [0x03, 0x00, 0x6B, 0x00, 0x03])]
            )
        ]
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) {
            ModbusRTUOverTCPFrameDecoder(direction: .requests)
        }
    }

    @Test func aBadCRCThrows() throws {
        var buffer = ByteBuffer(hex: "11 03 006B 0003 7688")
        var decoder = ModbusRTUOverTCPFrameDecoder(direction: .requests)
        #expect(throws: ModbusDecodingError.self) { try decoder.decodeFrame(&buffer) }
    }

    @Test func theRTUEncoderAppendsTheCRCLowByteFirst() throws {
        var out = ByteBuffer()
        try ModbusRTUOverTCPFrameEncoder().encode(
            data: ModbusRTUFrame(unitID: 0x11, pdu: [0x03, 0x00, 0x6B, 0x00, 0x03]), out: &out)
        #expect(out == ByteBuffer(hex: "11 03 006B 0003 7687"))
    }

    @Test func theRTUAdapterGivesAnswersTheTransactionIDsInOrder() throws {
        let channel = EmbeddedChannel(handler: ModbusRTUTransactionAdapter())
        try channel.writeOutbound(ModbusTCPFrame(transactionID: 7, unitID: 1, pdu: [0x03, 0x00, 0x00, 0x00, 0x01]))
        try channel.writeOutbound(ModbusTCPFrame(transactionID: 8, unitID: 1, pdu: [0x03, 0x00, 0x01, 0x00, 0x01]))
        #expect(
            try channel.readOutbound(as: ModbusRTUFrame.self)
                == ModbusRTUFrame(unitID: 1, pdu: [0x03, 0x00, 0x00, 0x00, 0x01]))
        #expect(try channel.readOutbound(as: ModbusRTUFrame.self) != nil)
        try channel.writeInbound(ModbusRTUFrame(unitID: 1, pdu: [0x03, 0x02, 0x00, 0x01]))
        try channel.writeInbound(ModbusRTUFrame(unitID: 1, pdu: [0x03, 0x02, 0x00, 0x02]))
        try channel.writeInbound(ModbusRTUFrame(unitID: 1, pdu: [0x03, 0x02, 0x00, 0x03]))
        #expect(try channel.readInbound(as: ModbusTCPFrame.self)?.transactionID == 7)
        #expect(try channel.readInbound(as: ModbusTCPFrame.self)?.transactionID == 8)
        #expect(try channel.readInbound(as: ModbusTCPFrame.self)?.transactionID == 0)
        #expect(try channel.finish().isClean)
    }
}
