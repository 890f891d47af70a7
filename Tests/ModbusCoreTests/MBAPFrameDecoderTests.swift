import PropertyBased
import MillraceTestSupport
import Testing
import ModbusCore

@Suite struct MBAPFrameDecoderTests {
    /// Modbus Messaging on TCP/IP v1.0b §3.1.3: transaction 1, protocol 0, length 6, unit 0x11, PDU of §6.3.
    static let readHolding = hex("00 01 00 00 00 06 11 03 00 6B 00 03")

    @Test func decodesTheGoldenFrame() throws {
        var buffer = ModbusByteBuffer(Self.readHolding)
        var decoder = MBAPFrameDecoder()
        let result = try decoder.decode(buffer: &buffer)
        #expect(result == .frame(ModbusTCPFrame(transactionID: 1, unitID: 0x11, pdu: hex("03 00 6B 00 03"))))
        #expect(buffer.readableBytes == 0)
        #expect(try ModbusTCPFrame(transactionID: 1, unitID: 0x11, pdu: hex("03 00 6B 00 03")).encode() == Self.readHolding)
    }

    @Test func everyPrefixNeedsMoreDataAndConsumesNothing() throws {
        var decoder = MBAPFrameDecoder()
        for length in 0..<Self.readHolding.count {
            var buffer = ModbusByteBuffer(Self.readHolding.prefix(length))
            #expect(try decoder.decode(buffer: &buffer) == .needMoreData)
            #expect(buffer.readerIndex == 0)
        }
    }

    @Test func consumesExactlyOneFrameAndStartsAtTheReaderIndex() throws {
        var buffer = ModbusByteBuffer(hex("AA BB"))
        buffer.moveReaderIndex(forwardBy: 2)
        buffer.writeBytes(Self.readHolding + Self.readHolding.prefix(9))
        var decoder = MBAPFrameDecoder()
        guard case .frame(let frame) = try decoder.decode(buffer: &buffer) else {
            Issue.record("no frame")
            return
        }
        #expect(frame.transactionID == 1)
        #expect(buffer.readableBytes == 9)
        #expect(try decoder.decode(buffer: &buffer) == .needMoreData)
        #expect(buffer.readableBytes == 9)
    }

    @Test func largestFrameIs260Bytes() throws {
        let pdu = [0x10] + [UInt8](repeating: 0x55, count: 252)
        let bytes = try ModbusTCPFrame(transactionID: 7, unitID: 1, pdu: pdu).encode()
        #expect(bytes.count == ModbusLimits.maximumTCPADUSize)
        #expect(try decodeMBAP(bytes, chunkSizes: [1]) == [ModbusTCPFrame(transactionID: 7, unitID: 1, pdu: pdu)])
        #expect(throws: ModbusEncodingError.self) { try ModbusTCPFrame(transactionID: 7, unitID: 1, pdu: pdu + [0]).encode() }
        #expect(throws: ModbusEncodingError.self) { try ModbusTCPFrame(transactionID: 7, unitID: 1, pdu: []).encode() }
    }

    @Test(arguments: [
        ("00 01 00 01 00 06 11 03 00 6B 00 03", ModbusDecodingError.Code.protocolIdentifierMismatch, 2),
        ("00 01 FF FF", .protocolIdentifierMismatch, 2),  // fails before the length arrives
        ("00 01 00 00 00 01 11", .invalidLength, 4),  // unit id but no function code
        ("00 01 00 00 00 00", .invalidLength, 4),
        ("00 01 00 00 00 FF 11 03", .invalidLength, 4),  // 255: a PDU of 254 bytes
        ("00 01 00 00 FF FF", .invalidLength, 4),  // a length that lies
        ("47 45 54 20 2F 20 48 54 54 50", .protocolIdentifierMismatch, 2),  // "GET / HTTP": not Modbus
    ])
    func hostileHeadersGiveTypedErrors(bytes: String, code: ModbusDecodingError.Code, offset: Int) {
        var buffer = ModbusByteBuffer(hex(bytes))
        var decoder = MBAPFrameDecoder()
        do {
            let result = try decoder.decode(buffer: &buffer)
            Issue.record("expected \(code), got \(result)")
        } catch {
            #expect(error.code == code)
            #expect(error.offset == offset)
            #expect(error.bytes == Array(hex(bytes).prefix(7)))
            #expect(error.exceptionCode == nil)
            #expect(buffer.readerIndex == 0)
        }
    }

    /// Byte-by-byte, batched and all-at-once input give the same frames (swift-nio's
    /// ByteToMessageDecoderVerifier habit).
    @Test func chunkingDoesNotChangeTheFrames() async {
        await checkProperty(
            input: Gen.uint16().array(of: 1...8), Gen.uint8().array(of: 1...60), Gen.int(in: 1...40).array(of: 1...10)
        ) { transactionIDs, pdu, chunkSizes in
            let frames = transactionIDs.enumerated().map { index, tid in
                ModbusTCPFrame(transactionID: tid, unitID: UInt8(index), pdu: Array(pdu.prefix(1 + index * 7)))
            }
            var stream: [UInt8] = []
            for frame in frames { stream += try frame.encode() }
            #expect(try decodeMBAP(stream, chunkSizes: [1]) == frames)
            #expect(try decodeMBAP(stream, chunkSizes: [stream.count]) == frames)
            #expect(try decodeMBAP(stream, chunkSizes: chunkSizes) == frames)
        }
    }

    @Test func garbageGivesFramesOrTypedErrorsNeverATrap() async {
        await checkProperty(count: 1000, input: Gen.uint8().array(of: 0...600)) { bytes in
            var buffer = ModbusByteBuffer(bytes)
            var decoder = MBAPFrameDecoder()
            while buffer.readableBytes > 0 {
                guard let result = try? decoder.decode(buffer: &buffer), case .frame(let frame) = result else { break }
                #expect((1...253).contains(frame.pdu.count))
            }
        }
    }
}
