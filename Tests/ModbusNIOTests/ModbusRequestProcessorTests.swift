import ModbusCore
import Testing

@testable import ModbusNIO

/// The server logic without I/O: every function code against a register map, and the exception codes of
/// Modbus Application Protocol v1.1b3 §7 in the order of the §6 state diagrams.
@Suite struct ModbusRequestProcessorTests {
    let map = ModbusRegisterMap(coils: 100, discreteInputs: 100, holdingRegisters: 100, inputRegisters: 100)

    func respond(_ request: ModbusRequest, configuration: ModbusServerConfiguration = .init()) throws -> ModbusResponse?
    {
        ModbusRequestProcessor(model: map, configuration: configuration).response(to: try request.encode()[...])
    }

    func respond(pdu: [UInt8]) -> ModbusResponse? {
        ModbusRequestProcessor(model: map).response(to: pdu[...])
    }

    @Test func readsEveryTable() throws {
        map.setCoils(address: 0, values: [true, false, true])
        map.setDiscreteInputs(address: 98, values: [true, true])
        map.setHoldingRegisters(address: 10, values: [1, 2])
        map.setInputRegisters(address: 99, values: [0xBEEF])
        #expect(try respond(.readCoils(address: 0, quantity: 3)) == .readCoils([true, false, true]))
        #expect(try respond(.readDiscreteInputs(address: 98, quantity: 2)) == .readDiscreteInputs([true, true]))
        #expect(try respond(.readHoldingRegisters(address: 10, quantity: 2)) == .readHoldingRegisters([1, 2]))
        #expect(try respond(.readInputRegisters(address: 99, quantity: 1)) == .readInputRegisters([0xBEEF]))
    }

    @Test func writesAreEchoedAndStored() throws {
        #expect(try respond(.writeSingleCoil(address: 4, value: true)) == .writeSingleCoil(address: 4, value: true))
        #expect(
            try respond(.writeSingleRegister(address: 5, value: 0x1234))
                == .writeSingleRegister(address: 5, value: 0x1234))
        #expect(
            try respond(.writeMultipleCoils(address: 90, values: Array(repeating: true, count: 10)))
                == .writeMultipleCoils(address: 90, quantity: 10))
        #expect(
            try respond(.writeMultipleRegisters(address: 97, values: [7, 8, 9]))
                == .writeMultipleRegisters(address: 97, quantity: 3))
        #expect(try map.readBits(.coil, address: 4, count: 1) == [true])
        #expect(try map.readBits(.coil, address: 90, count: 10) == Array(repeating: true, count: 10))
        #expect(try map.readRegisters(.holdingRegister, address: 5, count: 1) == [0x1234])
        #expect(try map.readRegisters(.holdingRegister, address: 97, count: 3) == [7, 8, 9])
    }

    @Test func maskWriteFollowsTheSpecificationExample() throws {
        // §6.16: current 0x12, AND 0xF2, OR 0x25 gives 0x17.
        map.setHoldingRegisters(address: 4, values: [0x12])
        #expect(
            try respond(.maskWriteRegister(address: 4, andMask: 0xF2, orMask: 0x25))
                == .maskWriteRegister(address: 4, andMask: 0xF2, orMask: 0x25))
        #expect(try map.readRegisters(.holdingRegister, address: 4, count: 1) == [0x17])
    }

    @Test func readWriteWritesBeforeItReads() throws {
        let response = try respond(
            .readWriteMultipleRegisters(readAddress: 0, readQuantity: 3, writeAddress: 1, values: [5, 6]))
        #expect(response == .readWriteMultipleRegisters([0, 5, 6]))
    }

    @Test func anUnsupportedFunctionIsIllegalFunction() {
        #expect(respond(pdu: [0x07]) == .exception(ModbusException(functionCode: 0x07, code: .illegalFunction)))
        #expect(
            respond(pdu: [0x2B, 0x0D, 0x01, 0x00])
                == .exception(ModbusException(functionCode: 0x2B, code: .illegalFunction)))
    }

    @Test func aBadQuantityIsIllegalDataValue() {
        // 126 registers, 0 coils, a coil value other than FF00/0000, a byte count that does not fit.
        let value = ModbusException(functionCode: 0x03, code: .illegalDataValue)
        #expect(respond(pdu: [0x03, 0x00, 0x00, 0x00, 0x7E]) == .exception(value))
        #expect(
            respond(pdu: [0x01, 0x00, 0x00, 0x00, 0x00])
                == .exception(ModbusException(functionCode: 0x01, code: .illegalDataValue)))
        #expect(
            respond(pdu: [0x05, 0x00, 0x00, 0x12, 0x34])
                == .exception(ModbusException(functionCode: 0x05, code: .illegalDataValue)))
        #expect(
            respond(pdu: [0x10, 0x00, 0x00, 0x00, 0x02, 0x03, 0x00, 0x01, 0x00])
                == .exception(ModbusException(functionCode: 0x10, code: .illegalDataValue)))
    }

    @Test func aRangePastTheTableIsIllegalDataAddress() throws {
        let address = { (function: FunctionCode) in
            ModbusResponse.exception(ModbusException(function: function, code: .illegalDataAddress))
        }
        #expect(try respond(.readHoldingRegisters(address: 99, quantity: 2)) == address(.readHoldingRegisters))
        #expect(try respond(.readInputRegisters(address: 100, quantity: 1)) == address(.readInputRegisters))
        #expect(try respond(.readCoils(address: 50, quantity: 51)) == address(.readCoils))
        #expect(try respond(.readDiscreteInputs(address: 1000, quantity: 1)) == address(.readDiscreteInputs))
        #expect(try respond(.writeSingleCoil(address: 100, value: true)) == address(.writeSingleCoil))
        #expect(try respond(.writeSingleRegister(address: 100, value: 1)) == address(.writeSingleRegister))
        #expect(try respond(.writeMultipleRegisters(address: 99, values: [1, 2])) == address(.writeMultipleRegisters))
        #expect(try respond(.writeMultipleCoils(address: 99, values: [true, true])) == address(.writeMultipleCoils))
        #expect(try respond(.maskWriteRegister(address: 100, andMask: 0, orMask: 0)) == address(.maskWriteRegister))
        #expect(
            try respond(.readWriteMultipleRegisters(readAddress: 0, readQuantity: 1, writeAddress: 99, values: [1, 2]))
                == address(.readWriteMultipleRegisters))
        // The failed write of function 23 changed nothing.
        #expect(try map.readRegisters(.holdingRegister, address: 99, count: 1) == [0])
    }

    @Test func basicDeviceIdentificationReturnsTheThreeMandatoryObjects() throws {
        let configuration = ModbusServerConfiguration(deviceIdentification: [
            0: "Acme", 1: "PUMP-7", 2: "2.1", 4: "Pump",
        ])
        guard
            case .readDeviceIdentification(let identification)? = try respond(
                .readDeviceIdentification(code: .basic, objectID: 0), configuration: configuration)
        else {
            Issue.record("not an identification")
            return
        }
        #expect(identification.objects.map(\.text) == ["Acme", "PUMP-7", "2.1"])
        #expect(identification.conformityLevel == 0x82)
        #expect(!identification.moreFollows)
    }

    @Test func individualAccessToAMissingObjectIsIllegalDataAddress() throws {
        #expect(
            try respond(.readDeviceIdentification(code: .individual, objectID: 0x05))
                == .exception(ModbusException(function: .encapsulatedInterfaceTransport, code: .illegalDataAddress)))
        guard
            case .readDeviceIdentification(let identification)? = try respond(
                .readDeviceIdentification(code: .individual, objectID: 1))
        else {
            Issue.record("not an identification")
            return
        }
        #expect(identification.objects.map(\.text) == ["MR-SIM"])
    }

    @Test func aBadReadDeviceIDCodeIsIllegalDataValue() {
        #expect(
            respond(pdu: [0x2B, 0x0E, 0x05, 0x00])
                == .exception(ModbusException(function: .encapsulatedInterfaceTransport, code: .illegalDataValue)))
    }

    @Test func longIdentificationsAreSplitWithMoreFollows() throws {
        let long = String(repeating: "x", count: 200)
        let configuration = ModbusServerConfiguration(deviceIdentification: [
            0: "A", 1: "B", 2: "C", 0x80: long, 0x81: long,
        ])
        guard
            case .readDeviceIdentification(let first)? = try respond(
                .readDeviceIdentification(code: .extended, objectID: 0), configuration: configuration)
        else {
            Issue.record("not an identification")
            return
        }
        #expect(first.objects.map(\.id) == [0, 1, 2, 0x80])
        #expect(first.moreFollows && first.nextObjectID == 0x81)
        #expect(first.conformityLevel == 0x83)
        guard
            case .readDeviceIdentification(let second)? = try respond(
                .readDeviceIdentification(code: .extended, objectID: 0x81), configuration: configuration)
        else {
            Issue.record("not an identification")
            return
        }
        #expect(second.objects.map(\.id) == [0x81])
        #expect(!second.moreFollows)
        // An object id outside the category restarts the stream at object 0 (§6.21).
        guard
            case .readDeviceIdentification(let restarted)? = try respond(
                .readDeviceIdentification(code: .basic, objectID: 0x81), configuration: configuration)
        else {
            Issue.record("not an identification")
            return
        }
        #expect(restarted.objects.map(\.id) == [0, 1, 2])
    }

    @Test func clientWritesArePublishedToChangeStreams() async throws {
        let changes = map.changes()
        _ = try respond(.writeSingleRegister(address: 3, value: 99))
        map.setHoldingRegisters(address: 0, values: [1])  // The device's own update: not published.
        _ = try respond(.writeMultipleCoils(address: 0, values: [true, false]))
        var iterator = changes.makeAsyncIterator()
        #expect(await iterator.next() == ModbusRegisterMap.Change(table: .holdingRegister, address: 3, registers: [99]))
        #expect(await iterator.next() == ModbusRegisterMap.Change(table: .coil, address: 0, bits: [true, false]))
    }
}
