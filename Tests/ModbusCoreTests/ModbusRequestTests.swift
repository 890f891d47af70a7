import Testing
import ModbusCore

/// Golden request PDUs from the examples of Modbus Application Protocol v1.1b3 §6.
@Suite struct ModbusRequestTests {
    static let golden: [(String, ModbusRequest, String)] = [
        ("§6.1 read coils 20-38", .readCoils(address: 0x13, quantity: 0x13), "01 00 13 00 13"),
        ("§6.2 read discrete inputs 197-218", .readDiscreteInputs(address: 0xC4, quantity: 0x16), "02 00 C4 00 16"),
        ("§6.3 read holding registers 108-110", .readHoldingRegisters(address: 0x6B, quantity: 3), "03 00 6B 00 03"),
        ("§6.4 read input register 9", .readInputRegisters(address: 8, quantity: 1), "04 00 08 00 01"),
        ("§6.5 write coil 173 ON", .writeSingleCoil(address: 0xAC, value: true), "05 00 AC FF 00"),
        ("§6.6 write register 2 to 3", .writeSingleRegister(address: 1, value: 3), "06 00 01 00 03"),
        (
            "§6.11 write 10 coils from 20",
            .writeMultipleCoils(
                address: 0x13, values: [true, false, true, true, false, false, true, true, true, false]),
            "0F 00 13 00 0A 02 CD 01"
        ),
        (
            "§6.12 write registers 2-3", .writeMultipleRegisters(address: 1, values: [0x000A, 0x0102]),
            "10 00 01 00 02 04 00 0A 01 02"
        ),
        ("§6.16 mask write register 5", .maskWriteRegister(address: 4, andMask: 0xF2, orMask: 0x25), "16 00 04 00 F2 00 25"),
        (
            "§6.17 read 6 from 4, write 3 from 15",
            .readWriteMultipleRegisters(readAddress: 3, readQuantity: 6, writeAddress: 0x0E, values: [0xFF, 0xFF, 0xFF]),
            "17 00 03 00 06 00 0E 00 03 06 00 FF 00 FF 00 FF"
        ),
        ("§6.21 read basic device identification", .readDeviceIdentification(code: .basic, objectID: 0), "2B 0E 01 00"),
        ("§7 example request", .readCoils(address: 0x04A1, quantity: 1), "01 04 A1 00 01"),
    ]

    @Test(arguments: golden.indices)
    func goldenVectorsEncodeAndDecode(index: Int) throws {
        let (name, request, bytes) = Self.golden[index]
        #expect(try request.encode() == hex(bytes), "\(name)")
        #expect(try ModbusRequest.decode(hex(bytes)) == request, "\(name)")
    }

    @Test func limitsAreEnforcedWhenEncoding() {
        let invalid: [ModbusRequest] = [
            .readCoils(address: 0, quantity: 0),
            .readCoils(address: 0, quantity: 2001),
            .readDiscreteInputs(address: 0, quantity: 2001),
            .readHoldingRegisters(address: 0, quantity: 126),
            .readInputRegisters(address: 0, quantity: 0),
            .readHoldingRegisters(address: 0xFFFF, quantity: 2),
            .writeMultipleCoils(address: 0, values: []),
            .writeMultipleCoils(address: 0, values: Array(repeating: true, count: 1969)),
            .writeMultipleRegisters(address: 0, values: Array(repeating: 1, count: 124)),
            .readWriteMultipleRegisters(readAddress: 0, readQuantity: 126, writeAddress: 0, values: [1]),
            .readWriteMultipleRegisters(
                readAddress: 0, readQuantity: 1, writeAddress: 0, values: Array(repeating: 1, count: 122)),
        ]
        for request in invalid {
            #expect(throws: ModbusEncodingError.self, "\(request)") { try request.encode() }
        }
    }

    @Test func limitsAtTheBoundaryEncode() throws {
        #expect(try ModbusRequest.readCoils(address: 0, quantity: 2000).encode() == hex("01 00 00 07 D0"))
        #expect(try ModbusRequest.readHoldingRegisters(address: 0, quantity: 125).encode() == hex("03 00 00 00 7D"))
        #expect(try ModbusRequest.readHoldingRegisters(address: 0xFFFF, quantity: 1).encode() == hex("03 FF FF 00 01"))
        let coils = try ModbusRequest.writeMultipleCoils(address: 0, values: Array(repeating: true, count: 1968)).encode()
        #expect(coils.count == 6 + 246)
        let registers = try ModbusRequest.writeMultipleRegisters(address: 0, values: Array(repeating: 7, count: 123))
            .encode()
        #expect(registers.count == 6 + 246)
        let readWrite = try ModbusRequest.readWriteMultipleRegisters(
            readAddress: 0, readQuantity: 125, writeAddress: 0, values: Array(repeating: 7, count: 121)
        ).encode()
        #expect(readWrite.count == 10 + 242)
    }

    /// A server maps each decoding failure to the exception of the §6 state diagrams.
    @Test(arguments: [
        ("41 00 00 00 01", ExceptionCode.illegalFunction),  // unknown function
        ("2B 0D 00 00", .illegalFunction),  // MEI type 13 (CANopen) is not implemented
        ("03 00 00 00 00", .illegalDataValue),  // quantity 0
        ("03 00 00 00 7E", .illegalDataValue),  // quantity 126
        ("01 00 00 07 D1", .illegalDataValue),  // 2001 coils
        ("03 FF FF 00 02", .illegalDataAddress),  // runs past 65535
        ("05 00 01 12 34", .illegalDataValue),  // coil value not FF00/0000
        ("0F 00 00 00 0A 01 FF", .illegalDataValue),  // byte count 1 for 10 coils
        ("10 00 00 00 02 04 00 01", .illegalDataValue),  // truncated values
        ("06 00 01 00 03 00", .illegalDataValue),  // trailing byte
        ("2B 0E 05 00", .illegalDataValue),  // read device id code 5
    ])
    func decodingErrorsMapToExceptionCodes(bytes: String, expected: ExceptionCode) {
        #expect {
            try ModbusRequest.decode(hex(bytes))
        } throws: { error in
            (error as? ModbusDecodingError)?.exceptionCode == expected
        }
    }

    @Test func decodingErrorsCarryOffsetAndBytes() {
        do {
            _ = try ModbusRequest.decode(hex("03 00 00 00 7E"))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .quantityOutOfRange)
            #expect(error.offset == 3)
            #expect(error.bytes == hex("03 00 00 00 7E"))
        }
        do {
            _ = try ModbusRequest.decode(hex("10 00 01 00 02 04 00"))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .truncated)
            #expect(error.offset == 6)
        }
    }

    @Test func emptyAndOversizedPDUsAreRejected() {
        #expect(throws: ModbusDecodingError.self) { try ModbusRequest.decode([]) }
        #expect(throws: ModbusDecodingError.self) { try ModbusRequest.decode([UInt8](repeating: 3, count: 254)) }
    }
}
