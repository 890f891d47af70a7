import Testing
import ModbusCore

/// The server direction: decode requests, answer with responses or the exception the error maps to.
@Suite struct ModbusServerSideTests {
    func answer(_ bytes: String) -> [UInt8]? {
        let pdu = hex(bytes)[...]
        do {
            let request = try ModbusRequest.decode(pdu)
            // A toy server: every register holds its own address.
            switch request {
            case .readHoldingRegisters(let address, let quantity):
                return try? ModbusResponse.readHoldingRegisters((0..<quantity).map { address &+ $0 }).encode()
            default:
                return try? ModbusResponse.exception(ModbusException(function: request.functionCode, code: .illegalFunction)).encode()
            }
        } catch {
            return try? ModbusResponse.exception(answering: pdu, error: error)?.encode()
        }
    }

    @Test func answersValidAndInvalidRequests() {
        #expect(answer("03 00 6B 00 03") == hex("03 06 00 6B 00 6C 00 6D"))
        #expect(answer("03 00 00 00 7E") == hex("83 03"))
        #expect(answer("03 FF FF 00 02") == hex("83 02"))
        #expect(answer("41 00") == hex("C1 01"))
        #expect(answer("2B 0D 00") == hex("AB 01"))
        #expect(answer("06 00 01 00 03") == hex("86 01"))
        #expect(answer("") == nil)
    }

    @Test func byteBufferReadsFromTheReaderIndexAndDiscards() {
        var buffer = ModbusByteBuffer(hex("01 02 03 04"))
        #expect(buffer.peekUInt16(at: 0) == 0x0102)
        #expect(buffer.readBytes(length: 1) == [0x01])
        #expect(buffer.peekUInt16(at: 0) == 0x0203)
        #expect(buffer.peekUInt16(at: 2) == nil)
        #expect(buffer.readBytes(length: 4) == nil)
        buffer.moveReaderIndex(forwardBy: Int.max)
        #expect(buffer.readableBytes == 0)
        buffer.writeBytes([0x05])
        buffer.discardReadBytes()
        #expect(buffer.readerIndex == 0)
        #expect(buffer.storage == [0x05])
        #expect(buffer.peekUInt8(at: -1) == nil)
    }
}
