import PropertyBased
import MillraceTestSupport
import Testing
import ModbusCore

/// Builds a valid request of every kind from raw random material, clamping to the protocol limits.
func makeRequest(kind: Int, a: UInt16, b: UInt16, registers: [UInt16], bits: [Bool]) -> ModbusRequest {
    func fit(_ quantity: Int, _ range: ClosedRange<Int>, from address: UInt16) -> UInt16 {
        let room = 0x1_0000 - Int(address)
        return UInt16(min(room, range.lowerBound + quantity % range.count))
    }
    let reg123 = Array(registers.prefix(123))
    let reg121 = Array(registers.prefix(121))
    switch kind % 11 {
    case 0: return .readCoils(address: a, quantity: fit(Int(b), 1...2000, from: a))
    case 1: return .readDiscreteInputs(address: a, quantity: fit(Int(b), 1...2000, from: a))
    case 2: return .readHoldingRegisters(address: a, quantity: fit(Int(b), 1...125, from: a))
    case 3: return .readInputRegisters(address: a, quantity: fit(Int(b), 1...125, from: a))
    case 4: return .writeSingleCoil(address: a, value: b & 1 == 1)
    case 5: return .writeSingleRegister(address: a, value: b)
    case 6:
        let address = min(a, UInt16(0x1_0000 - bits.count))
        return .writeMultipleCoils(address: address, values: bits)
    case 7: return .writeMultipleRegisters(address: min(a, UInt16(0x1_0000 - reg123.count)), values: reg123)
    case 8: return .maskWriteRegister(address: a, andMask: b, orMask: registers[0])
    case 9:
        return .readWriteMultipleRegisters(
            readAddress: a, readQuantity: fit(Int(b), 1...125, from: a),
            writeAddress: min(b, UInt16(0x1_0000 - reg121.count)), values: reg121)
    default:
        return .readDeviceIdentification(code: ReadDeviceIDCode.allCases[Int(b) % 4], objectID: UInt8(truncatingIfNeeded: a))
    }
}

/// Builds a valid response of every kind from raw random material.
func makeResponse(kind: Int, a: UInt16, b: UInt16, registers: [UInt16], bits: [Bool]) -> ModbusResponse {
    let reg125 = Array(registers.prefix(125))
    // Without the request, decoded bit lists are padded to whole bytes.
    let paddedBits = ModbusBits.unpack(ModbusBits.pack(Array(bits.prefix(2000))))
    switch kind % 12 {
    case 0: return .readCoils(paddedBits)
    case 1: return .readDiscreteInputs(paddedBits)
    case 2: return .readHoldingRegisters(reg125)
    case 3: return .readInputRegisters(reg125)
    case 4: return .writeSingleCoil(address: a, value: b & 1 == 0)
    case 5: return .writeSingleRegister(address: a, value: b)
    case 6: return .writeMultipleCoils(address: a, quantity: 1 + b % 1968)
    case 7: return .writeMultipleRegisters(address: a, quantity: 1 + b % 123)
    case 8: return .maskWriteRegister(address: a, andMask: b, orMask: registers[0])
    case 9: return .readWriteMultipleRegisters(reg125)
    case 10:
        let objects = registers.prefix(Int(b % 5)).enumerated().map { index, register in
            DeviceIdentification.Object(
                id: UInt8(index), value: Array(repeating: UInt8(truncatingIfNeeded: register), count: Int(register % 40)))
        }
        return .readDeviceIdentification(
            DeviceIdentification(
                readDeviceIDCode: ReadDeviceIDCode.allCases[Int(a) % 4], conformityLevel: UInt8(truncatingIfNeeded: a),
                moreFollows: b & 1 == 1, nextObjectID: UInt8(truncatingIfNeeded: b), objects: objects))
    default:
        return .exception(
            ModbusException(
                functionCode: UInt8(truncatingIfNeeded: a) & 0x7F,
                code: ExceptionCode.allCases[Int(b) % ExceptionCode.allCases.count]))
    }
}

@Suite struct PDUPropertyTests {
    @Test func everyRequestRoundTrips() async {
        await checkProperty(
            count: 500, input: Gen.int(in: 0...10), Gen.uint16(), Gen.uint16(),
            Gen.uint16().array(of: 1...125), Gen.bool.array(of: 1...1968)
        ) { kind, a, b, registers, bits in
            let request = makeRequest(kind: kind, a: a, b: b, registers: registers, bits: bits)
            let bytes = try request.encode()
            #expect(bytes.count <= ModbusLimits.maximumPDUSize)
            #expect(bytes.first == request.functionCode.rawValue)
            #expect(try ModbusRequest.decode(bytes) == request)
        }
    }

    @Test func everyResponseRoundTrips() async {
        await checkProperty(
            count: 500, input: Gen.int(in: 0...11), Gen.uint16(), Gen.uint16(),
            Gen.uint16().array(of: 1...125), Gen.bool.array(of: 1...2000)
        ) { kind, a, b, registers, bits in
            let response = makeResponse(kind: kind, a: a, b: b, registers: registers, bits: bits)
            let bytes = try response.encode()
            #expect(bytes.count <= ModbusLimits.maximumPDUSize)
            #expect(try ModbusResponse.decode(bytes) == response)
        }
    }

    @Test func bitResponsesRoundTripExactlyAgainstTheirRequest() async {
        await checkProperty(input: Gen.bool.array(of: 1...2000), Gen.uint16(in: 0...63_000)) { bits, address in
            let request = ModbusRequest.readCoils(address: address, quantity: UInt16(bits.count))
            let bytes = try ModbusResponse.readCoils(bits).encode()
            #expect(try ModbusResponse.decode(bytes[...], answering: request) == .readCoils(bits))
        }
    }

    /// Whatever bytes arrive, decoding returns a value or a typed error; a value re-encodes to bytes that
    /// decode to the same value.
    @Test func arbitraryBytesNeverTrap() async {
        await checkProperty(count: 2000, input: Gen.uint8().array(of: 0...260)) { bytes throws in
            if let request = try? ModbusRequest.decode(bytes) {
                #expect(try ModbusRequest.decode(request.encode()) == request)
            }
            if let response = try? ModbusResponse.decode(bytes) {
                #expect(try ModbusResponse.decode(response.encode()) == response)
            }
        }
    }

    /// Truncating a valid PDU anywhere gives an error, never a shorter value.
    @Test func everyTruncationIsAnError() async {
        await checkProperty(
            input: Gen.int(in: 0...10), Gen.uint16(), Gen.uint16(), Gen.uint16().array(of: 1...125),
            Gen.bool.array(of: 1...100)
        ) { kind, a, b, registers, bits in
            let bytes = try makeRequest(kind: kind, a: a, b: b, registers: registers, bits: bits).encode()
            for length in 0..<bytes.count {
                #expect(throws: ModbusDecodingError.self) { try ModbusRequest.decode(bytes[..<length]) }
            }
        }
    }
}
