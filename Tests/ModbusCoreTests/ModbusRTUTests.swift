import PropertyBased
import MillraceTestSupport
import Testing
import ModbusCore

@Suite struct ModbusRTUTests {
    @Test func crcCheckValue() {
        // The CRC-16/MODBUS check value from the catalogue of parametrised CRC algorithms.
        #expect(CRC16Modbus.checksum(ascii("123456789")) == 0x4B37)
        #expect(CRC16Modbus.checksum([UInt8]()) == 0xFFFF)
    }

    @Test func goldenRequestFrame() throws {
        // Read holding registers 108-110 of unit 17: CRC 0x8776 sent low byte first.
        let bytes = try ModbusRTUFrame(unitID: 0x11, pdu: hex("03 00 6B 00 03")).encode()
        #expect(hexString(bytes) == "11 03 00 6B 00 03 76 87")
        var buffer = ModbusByteBuffer(bytes)
        var decoder = ModbusRTUFrameDecoder(direction: .requests)
        #expect(try decoder.decode(buffer: &buffer) == .frame(ModbusRTUFrame(unitID: 0x11, pdu: hex("03 00 6B 00 03"))))
    }

    @Test func goldenResponseFrame() throws {
        let bytes = hex("11 03 06 AE 41 56 52 43 40 49 AD")
        var buffer = ModbusByteBuffer(bytes)
        var decoder = ModbusRTUFrameDecoder(direction: .responses)
        #expect(try decoder.decode(buffer: &buffer) == .frame(ModbusRTUFrame(unitID: 0x11, pdu: hex("03 06 AE 41 56 52 43 40"))))
        #expect(try ModbusRTUFrame(unitID: 0x11, pdu: hex("03 06 AE 41 56 52 43 40")).encode() == bytes)
    }

    @Test func everyPrefixNeedsMoreData() throws {
        let bytes = hex("11 03 06 AE 41 56 52 43 40 49 AD")
        var decoder = ModbusRTUFrameDecoder(direction: .responses)
        for length in 0..<bytes.count {
            var buffer = ModbusByteBuffer(bytes.prefix(length))
            #expect(try decoder.decode(buffer: &buffer) == .needMoreData)
            #expect(buffer.readerIndex == 0)
        }
    }

    @Test func corruptedByteIsACRCError() {
        var bytes = hex("11 03 06 AE 41 56 52 43 40 49 AD")
        bytes[4] ^= 0x01
        var buffer = ModbusByteBuffer(bytes)
        var decoder = ModbusRTUFrameDecoder(direction: .responses)
        do {
            _ = try decoder.decode(buffer: &buffer)
            Issue.record("expected a CRC error")
        } catch {
            #expect(error.code == .crcMismatch)
            #expect(error.offset == 9)
            #expect(error.bytes == bytes)
            #expect(buffer.readerIndex == 0)
        }
    }

    @Test func unknownFunctionHasNoLength() {
        var buffer = ModbusByteBuffer(hex("01 41 00 00"))
        var decoder = ModbusRTUFrameDecoder(direction: .responses)
        #expect(throws: ModbusDecodingError.self) { try decoder.decode(buffer: &buffer) }
    }

    /// Every request and response kind frames and deframes itself, in both directions, from a stream.
    @Test func everyPDUFramesInBothDirections() async {
        await checkProperty(
            input: Gen.int(in: 0...11), Gen.uint16(), Gen.uint16(), Gen.uint16().array(of: 1...125),
            Gen.bool.array(of: 1...1968), Gen.uint8()
        ) { kind, a, b, registers, bits, unit in
            let request = try makeRequest(kind: kind, a: a, b: b, registers: registers, bits: bits).encode()
            let response = try makeResponse(kind: kind, a: a, b: b, registers: registers, bits: bits).encode()
            for (pdu, direction) in [(request, ModbusRTUFrameDecoder.Direction.requests), (response, .responses)] {
                let frame = ModbusRTUFrame(unitID: unit, pdu: pdu)
                let bytes = try frame.encode()
                var decoder = ModbusRTUFrameDecoder(direction: direction)
                var buffer = ModbusByteBuffer()
                var decoded: [ModbusRTUFrame] = []
                for byte in bytes + bytes {
                    buffer.writeBytes([byte])
                    if case .frame(let frame) = try decoder.decode(buffer: &buffer) { decoded.append(frame) }
                }
                #expect(decoded == [frame, frame])
                #expect(buffer.readableBytes == 0)
            }
        }
    }

    @Test func exceptionResponseFrame() throws {
        let bytes = try ModbusRTUFrame(unitID: 1, pdu: hex("83 02")).encode()
        #expect(bytes.count == 5)
        var buffer = ModbusByteBuffer(bytes)
        var decoder = ModbusRTUFrameDecoder(direction: .responses)
        #expect(try decoder.decode(buffer: &buffer) == .frame(ModbusRTUFrame(unitID: 1, pdu: hex("83 02"))))
    }

    @Test func garbageNeverTraps() async {
        await checkProperty(count: 1000, input: Gen.uint8().array(of: 0...300), Gen.bool) { bytes, responses in
            var buffer = ModbusByteBuffer(bytes)
            var decoder = ModbusRTUFrameDecoder(direction: responses ? .responses : .requests)
            while buffer.readableBytes > 0 {
                guard let result = try? decoder.decode(buffer: &buffer), case .frame(let frame) = result else { break }
                #expect(frame.pdu.count <= 253)
            }
        }
    }
}
