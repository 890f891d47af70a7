import Testing
import ModbusCore

/// Golden response PDUs from the examples of Modbus Application Protocol v1.1b3 §6 and §7.
@Suite struct ModbusResponseTests {
    static let coils20to38: [Bool] = ModbusBits.unpack(hex("CD 6B 05"), count: 19)

    static let golden: [(String, ModbusRequest, ModbusResponse, String)] = [
        ("§6.1", .readCoils(address: 0x13, quantity: 0x13), .readCoils(coils20to38), "01 03 CD 6B 05"),
        (
            "§6.2", .readDiscreteInputs(address: 0xC4, quantity: 0x16),
            .readDiscreteInputs(ModbusBits.unpack(hex("AC DB 35"), count: 22)), "02 03 AC DB 35"
        ),
        (
            "§6.3", .readHoldingRegisters(address: 0x6B, quantity: 3), .readHoldingRegisters([0x022B, 0x0000, 0x0064]),
            "03 06 02 2B 00 00 00 64"
        ),
        ("§6.4", .readInputRegisters(address: 8, quantity: 1), .readInputRegisters([0x000A]), "04 02 00 0A"),
        ("§6.5", .writeSingleCoil(address: 0xAC, value: true), .writeSingleCoil(address: 0xAC, value: true), "05 00 AC FF 00"),
        ("§6.6", .writeSingleRegister(address: 1, value: 3), .writeSingleRegister(address: 1, value: 3), "06 00 01 00 03"),
        (
            "§6.11", .writeMultipleCoils(address: 0x13, values: Array(repeating: false, count: 10)),
            .writeMultipleCoils(address: 0x13, quantity: 10), "0F 00 13 00 0A"
        ),
        (
            "§6.12", .writeMultipleRegisters(address: 1, values: [0x0A, 0x0102]),
            .writeMultipleRegisters(address: 1, quantity: 2), "10 00 01 00 02"
        ),
        (
            "§6.16", .maskWriteRegister(address: 4, andMask: 0xF2, orMask: 0x25),
            .maskWriteRegister(address: 4, andMask: 0xF2, orMask: 0x25), "16 00 04 00 F2 00 25"
        ),
        (
            "§6.17", .readWriteMultipleRegisters(readAddress: 3, readQuantity: 6, writeAddress: 0x0E, values: [0xFF, 0xFF, 0xFF]),
            .readWriteMultipleRegisters([0x00FE, 0x0ACD, 0x0001, 0x0003, 0x000D, 0x00FF]),
            "17 0C 00 FE 0A CD 00 01 00 03 00 0D 00 FF"
        ),
        (
            "§7 illegal data address", .readCoils(address: 0x04A1, quantity: 1),
            .exception(ModbusException(function: .readCoils, code: .illegalDataAddress)), "81 02"
        ),
    ]

    @Test(arguments: golden.indices)
    func goldenVectorsEncodeAndDecode(index: Int) throws {
        let (name, request, response, bytes) = Self.golden[index]
        #expect(try response.encode() == hex(bytes), "\(name)")
        #expect(try ModbusResponse.decode(hex(bytes)[...], answering: request) == response, "\(name)")
    }

    @Test func coilsDecodedWithoutTheRequestKeepThePadding() throws {
        // §6.1: "CD 6B 05" answers 19 coils; the five high bits of 05 are padding.
        let response = try ModbusResponse.decode(hex("01 03 CD 6B 05"))
        guard case .readCoils(let bits) = response else {
            Issue.record("not read coils: \(response)")
            return
        }
        #expect(bits.count == 24)
        #expect(Array(bits.prefix(19)) == Self.coils20to38)
        // Coil 27..20 is CD = 1100 1101: coil 20 (first) is 1, coil 21 is 0.
        #expect(bits[0] == true && bits[1] == false && bits[2] == true && bits[3] == true)
    }

    @Test func readDeviceIdentificationExample() throws {
        // §6.21 example: basic identification, three objects in one response.
        let pdu =
            hex("2B 0E 01 01 00 00 03") + [0x00, 0x16] + ascii("Company identification") + [0x01, 0x0F]
            + ascii("Product code XX") + [0x02, 0x05] + ascii("V2.11")
        let expected = DeviceIdentification(
            readDeviceIDCode: .basic, conformityLevel: 0x01,
            objects: [
                .init(id: 0, value: ascii("Company identification")),
                .init(id: 1, value: ascii("Product code XX")),
                .init(id: 2, value: ascii("V2.11")),
            ])
        let decoded = try ModbusResponse.decode(pdu[...], answering: .readDeviceIdentification(code: .basic, objectID: 0))
        #expect(decoded == .readDeviceIdentification(expected))
        #expect(try ModbusResponse.readDeviceIdentification(expected).encode() == pdu)
        if case .readDeviceIdentification(let identification) = decoded {
            #expect(identification.objects.map(\.text) == ["Company identification", "Product code XX", "V2.11"])
        }
    }

    @Test(arguments: ExceptionCode.allCases)
    func everyExceptionCodeRoundTrips(code: ExceptionCode) throws {
        let response = ModbusResponse.exception(ModbusException(function: .readHoldingRegisters, code: code))
        #expect(try response.encode() == [0x83, code.rawValue])
        #expect(try ModbusResponse.decode([0x83, code.rawValue]) == response)
        #expect(response.functionCode == .readHoldingRegisters)
        #expect(response.wireFunctionCode == 0x83)
    }

    @Test func exceptionForAnUnknownFunctionKeepsTheRawCode() throws {
        let response = try ModbusResponse.decode(hex("C1 01"))
        #expect(response == .exception(ModbusException(functionCode: 0x41, code: .illegalFunction)))
        #expect(response.functionCode == nil)
        #expect(try response.encode() == hex("C1 01"))
    }

    @Test(arguments: ["83 07", "83 09", "83 00", "83 FF", "83", "83 02 00"])
    func malformedExceptionsAreErrors(bytes: String) {
        #expect(throws: ModbusDecodingError.self) { try ModbusResponse.decode(hex(bytes)) }
    }

    @Test func responsesThatDoNotAnswerTheRequestAreRejected() {
        let cases: [(ModbusRequest, String)] = [
            (.readHoldingRegisters(address: 0, quantity: 3), "03 04 00 01 00 02"),  // 2 registers for 3
            (.readHoldingRegisters(address: 0, quantity: 1), "04 02 00 01"),  // another function
            (.readCoils(address: 0, quantity: 19), "01 02 CD 6B"),  // 2 bytes for 19 coils
            (.writeSingleRegister(address: 1, value: 3), "06 00 01 00 04"),  // echo differs
            (.writeMultipleRegisters(address: 1, values: [1, 2]), "10 00 01 00 03"),
            (.readHoldingRegisters(address: 0, quantity: 1), "84 02"),  // exception for another function
        ]
        for (request, bytes) in cases {
            #expect(throws: ModbusDecodingError.self, "\(bytes)") {
                try ModbusResponse.decode(hex(bytes)[...], answering: request)
            }
        }
    }

    @Test(arguments: [
        "03 05 00 01 00 02 00",  // odd byte count
        "03 00",  // byte count 0
        "03 FC" + String(repeating: " 00", count: 252),  // 126 registers
        "03 06 00 01 00 02",  // truncated
        "01 00",  // zero coil bytes
        "05 00 01 00 01",  // coil echo value 0001
        "0F 00 00 07 B1",  // 1969 coils written
        "2B 0E 01 01 7F 00 00",  // more-follows byte neither 00 nor FF
        "2B 0E 01 01 00 00 02 00 03 41 42",  // object count lies
        "2B 0D 01",  // MEI type 13
        "7F 00",  // unknown function
    ])
    func malformedResponsesAreErrors(bytes: String) {
        #expect(throws: ModbusDecodingError.self) { try ModbusResponse.decode(hex(bytes)) }
    }

    @Test func responseLimitsAreEnforcedWhenEncoding() {
        #expect(throws: ModbusEncodingError.self) { try ModbusResponse.readHoldingRegisters([]).encode() }
        #expect(throws: ModbusEncodingError.self) {
            try ModbusResponse.readHoldingRegisters(Array(repeating: 0, count: 126)).encode()
        }
        #expect(throws: ModbusEncodingError.self) {
            try ModbusResponse.readCoils(Array(repeating: true, count: 2001)).encode()
        }
        let big = DeviceIdentification(
            readDeviceIDCode: .extended, conformityLevel: 0x83,
            objects: [.init(id: 0x80, value: Array(repeating: 0x41, count: 200)), .init(id: 0x81, value: Array(repeating: 0x41, count: 60))])
        #expect(throws: ModbusEncodingError.self) { try ModbusResponse.readDeviceIdentification(big).encode() }
    }
}
