import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing
import ModbusCore

@Suite struct ModbusTagMappingTests {
    func mapping(
        _ type: ModbusDataType, _ order: ModbusWordOrder = .abcd, scale: Double = 1, offset: Double = 0,
        range: ClosedRange<Double>? = nil
    ) throws -> ModbusTagMapping {
        try ModbusTagMapping(dataType: type, wordOrder: order, scale: scale, offset: offset, validRange: range)
    }

    /// float32 123.456 is 0x42F6E979 (bytes A=42 B=F6 C=E9 D=79).
    @Test(arguments: [
        (ModbusWordOrder.abcd, [UInt16(0x42F6), 0xE979]),
        (.cdab, [0xE979, 0x42F6]),
        (.badc, [0xF642, 0x79E9]),
        (.dcba, [0x79E9, 0xF642]),
    ])
    func float32InEveryWordOrder(order: ModbusWordOrder, registers: [UInt16]) throws {
        #expect(Float(123.456).bitPattern == 0x42F6_E979)
        let map = try mapping(.float32, order)
        // A float32 reads as the double with its shortest decimal form: 123.456, not 123.45600128173828.
        #expect(try map.decode(registers: registers) == ModbusTagReading(value: .double(123.456)))
        #expect(try map.encode(.double(Double(Float(123.456)))) == registers)
    }

    /// The 64-bit generalisation: 1.0 is 0x3FF0_0000_0000_0000.
    @Test(arguments: [
        (ModbusWordOrder.abcd, [UInt16(0x3FF0), 0, 0, 0]),
        (.cdab, [0, 0, 0, 0x3FF0]),
        (.badc, [0xF03F, 0, 0, 0]),
        (.dcba, [0, 0, 0, 0xF03F]),
    ])
    func float64InEveryWordOrder(order: ModbusWordOrder, registers: [UInt16]) throws {
        let map = try mapping(.float64, order)
        #expect(try map.decode(registers: registers).value == .double(1.0))
        #expect(try map.encode(.double(1.0)) == registers)
    }

    @Test(arguments: [
        (ModbusWordOrder.abcd, [UInt16(0x0102), 0x0304, 0x0506, 0x0708]),
        (.cdab, [0x0708, 0x0506, 0x0304, 0x0102]),
        (.badc, [0x0201, 0x0403, 0x0605, 0x0807]),
        (.dcba, [0x0807, 0x0605, 0x0403, 0x0201]),
    ])
    func int64InEveryWordOrder(order: ModbusWordOrder, registers: [UInt16]) throws {
        let map = try mapping(.int64, order)
        #expect(try map.decode(registers: registers).value == .integer(0x0102_0304_0506_0708))
        #expect(try map.encode(.integer(0x0102_0304_0506_0708)) == registers)
    }

    @Test func integersAndSigns() throws {
        #expect(try mapping(.int16).decode(registers: [0xFFFE]).value == .integer(-2))
        #expect(try mapping(.uint16).decode(registers: [0xFFFE]).value == .integer(65534))
        #expect(try mapping(.int16, .badc).decode(registers: [0xFEFF]).value == .integer(-2))
        #expect(try mapping(.int32).decode(registers: [0xFFFF, 0xFFFE]).value == .integer(-2))
        #expect(try mapping(.int32, .cdab).decode(registers: [0xFFFE, 0xFFFF]).value == .integer(-2))
        #expect(try mapping(.uint32).decode(registers: [0xFFFF, 0xFFFE]).value == .integer(4_294_967_294))
        #expect(try mapping(.int64).decode(registers: [0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF]).value == .integer(-1))
        #expect(try mapping(.uint64).decode(registers: [0x7FFF, 0xFFFF, 0xFFFF, 0xFFFF]).value == .integer(Int64.max))
        // Above Int64.max a uint64 can only be a double.
        #expect(try mapping(.uint64).decode(registers: [0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF]).value == .double(18_446_744_073_709_551_616))
        #expect(try mapping(.uint64).encode(.double(18_446_744_073_709_549_568)) == [0xFFFF, 0xFFFF, 0xFFFF, 0xF800])
    }

    @Test func scaleAndOffset() throws {
        let temperature = try mapping(.uint16, scale: 0.1, offset: -10)
        #expect(try temperature.decode(registers: [1234]).value == .double(1234 * 0.1 - 10))
        #expect(try temperature.encode(.double(113.4)) == [1234])
        let counts = try mapping(.int32, scale: 2)
        #expect(try counts.decode(registers: [0, 21]).value == .double(42))
    }

    @Test func nanAndInfinityAreSensorFailures() throws {
        let nan = try mapping(.float32).decode(registers: [0x7FC0, 0x0000])
        #expect(nan.quality == .sensorFailure)
        let infinity = try mapping(.float32).decode(registers: [0x7F80, 0x0000])
        #expect(infinity.quality == .sensorFailure)
        #expect(throws: ModbusTagMappingError.self) { try mapping(.float32).encode(.double(.nan)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int16).encode(.double(.infinity)) }
    }

    @Test func valuesOutsideTheValidRangeAreUncertain() throws {
        let pressure = try mapping(.int16, scale: 0.01, range: 0...16)
        #expect(try pressure.decode(registers: [1000]).quality == .good)
        let high = try pressure.decode(registers: [2000])
        #expect(high.quality == Quality(.uncertain, .engineeringUnitsExceeded))
        #expect(high.value == .double(20))
        #expect(try mapping(.int16, range: 0...100).decode(registers: [0xFFFF]).quality == Quality(.uncertain, .engineeringUnitsExceeded))
    }

    @Test func encodingOutOfRangeIsAnError() throws {
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int16).encode(.integer(40000)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.uint16).encode(.integer(-1)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.uint32).encode(.double(-0.6)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int64).encode(.double(1e19)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.uint64).encode(.integer(-5)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.float32).encode(.double(1e39)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int16).encode(.string("12")) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int16, scale: 0.1).encode(.double(3276.8)) }
        #expect(try mapping(.int16, scale: 0.1).encode(.double(3276.7)) == [0x7FFF])
        #expect(try mapping(.int16).encode(.integer(-32768)) == [0x8000])
    }

    @Test func strings() throws {
        let name = try mapping(.string(registers: 4))
        #expect(try name.decode(registers: [0x4845, 0x4C4C, 0x4F00, 0x0000]).value == .string("HELLO"))
        #expect(try name.decode(registers: [0x4845, 0x4C4C, 0x4F20, 0x2020]).value == .string("HELLO"))
        #expect(try name.decode(registers: [0x2048, 0x4920, 0x0000, 0x0000]).value == .string(" HI"))
        #expect(try name.decode(registers: [0, 0, 0, 0]).value == .string(""))
        #expect(try name.encode(.string("HELLO")) == [0x4845, 0x4C4C, 0x4F00, 0x0000])
        let swapped = try mapping(.string(registers: 2), .badc)
        #expect(try swapped.decode(registers: [0x4548, 0x4C4C]).value == .string("HELL"))
        #expect(try swapped.encode(.string("HELL")) == [0x4548, 0x4C4C])
        // Word swap does not reorder a string's registers.
        #expect(try mapping(.string(registers: 2), .cdab).decode(registers: [0x4845, 0x4C4C]).value == .string("HELL"))
        #expect(try name.decode(registers: [0xC3A9, 0, 0, 0]).quality == Quality(.bad, .decodingError))
        #expect(throws: ModbusTagMappingError.self) { try name.encode(.string("NINE CHAR")) }
        #expect(throws: ModbusTagMappingError.self) { try name.encode(.string("café")) }
    }

    @Test func bitsAndBooleans() throws {
        #expect(try mapping(.bool).decode(bit: true).value == .bool(true))
        #expect(try mapping(.bit(3)).decode(registers: [0b1000]).value == .bool(true))
        #expect(try mapping(.bit(15)).decode(registers: [0x7FFF]).value == .bool(false))
        #expect(throws: ModbusTagMappingError.self) { try mapping(.bit(16)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.bool).decode(registers: [1]) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int16).decode(bit: true) }
    }

    @Test func writeRequestsPickTheFunction() throws {
        let coil = try ModbusAddress.parse("coil:3")
        #expect(try mapping(.bool).writeRequest(.bool(true), address: coil) == .writeSingleCoil(address: 3, value: true))
        let bit = try ModbusAddress.parse("holding:10.3")
        #expect(
            try mapping(.bit(3)).writeRequest(.bool(true), address: bit)
                == .maskWriteRegister(address: 10, andMask: 0xFFF7, orMask: 0x0008))
        #expect(
            try mapping(.bit(3)).writeRequest(.integer(0), address: bit)
                == .maskWriteRegister(address: 10, andMask: 0xFFF7, orMask: 0))
        let holding = try ModbusAddress.parse("holding:100")
        #expect(try mapping(.int16).writeRequest(.integer(-2), address: holding) == .writeSingleRegister(address: 100, value: 0xFFFE))
        #expect(
            try mapping(.float32, .cdab).writeRequest(.double(Double(Float(123.456))), address: holding)
                == .writeMultipleRegisters(address: 100, values: [0xE979, 0x42F6]))
        #expect(throws: ModbusTagMappingError.self) {
            try mapping(.int16).writeRequest(.integer(1), address: ModbusAddress.parse("input:5"))
        }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int16).writeRequest(.integer(1), address: coil) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.bit(2)).writeRequest(.bool(true), address: bit) }
    }

    @Test func invalidMappings() {
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int16, scale: 0) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int16, scale: .nan) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int16, offset: .infinity) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.string(registers: 0)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.string(registers: 126)) }
        #expect(throws: ModbusTagMappingError.self) { try mapping(.int32).decode(registers: [1]) }
        #expect(throws: ModbusTagMappingError.self) {
            try mapping(.int64).check(against: ModbusAddress(table: .holdingRegister, address: 65533))
        }
    }

    /// Encode then decode gives the value back, for every type and word order.
    @Test func integersRoundTripInEveryOrder() async {
        await checkProperty(count: 300, input: Gen.int64(), Gen.int(in: 0...5), Gen.int(in: 0...3)) { raw, typeIndex, orderIndex in
            let types: [(ModbusDataType, ClosedRange<Int64>)] = [
                (.int16, Int64(Int16.min)...Int64(Int16.max)), (.uint16, 0...Int64(UInt16.max)),
                (.int32, Int64(Int32.min)...Int64(Int32.max)), (.uint32, 0...Int64(UInt32.max)),
                (.int64, Int64.min...Int64.max), (.uint64, 0...Int64.max),
            ]
            let (type, range) = types[typeIndex]
            let value = range.lowerBound == 0 ? raw.magnitude > UInt64(range.upperBound) ? Int64(raw.magnitude % UInt64(range.upperBound)) : Int64(raw.magnitude) : raw
            let clamped = min(max(value, range.lowerBound), range.upperBound)
            let map = try ModbusTagMapping(dataType: type, wordOrder: ModbusWordOrder.allCases[orderIndex])
            let registers = try map.encode(.integer(clamped))
            #expect(registers.count == type.registerCount)
            #expect(try map.decode(registers: registers).value == .integer(clamped))
        }
    }

    @Test func floatsRoundTripInEveryOrder() async {
        await checkProperty(count: 300, input: Gen.double(in: -1e30...1e30), Gen.int(in: 0...3)) { value, orderIndex in
            let order = ModbusWordOrder.allCases[orderIndex]
            let single = try ModbusTagMapping(dataType: .float32, wordOrder: order)
            let rounded = Double(Float(value))
            let shortest = Double("\(Float(value))") ?? rounded
            #expect(try single.decode(registers: single.encode(.double(rounded))).value == .double(shortest))
            #expect(Float(shortest) == Float(value))
            let double = try ModbusTagMapping(dataType: .float64, wordOrder: order)
            #expect(try double.decode(registers: double.encode(.double(value))).value == .double(value))
        }
    }
}
