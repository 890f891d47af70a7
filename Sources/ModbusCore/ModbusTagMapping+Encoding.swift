import MillraceCore

extension ModbusTagMapping {
    /// The registers, in wire order, that carry `value` for a register data type (not `.bool` or `.bit`).
    ///
    /// The value is unscaled (`raw = (value − offset) / scale`), rounded to the nearest integer for integer
    /// types, and must fit the type.
    public func encode(_ value: DataValue) throws(ModbusTagMappingError) -> [UInt16] {
        switch dataType {
        case .bool, .bit:
            throw ModbusTagMappingError(.wrongKind, "a \(dataType) is written with writeRequest(_:address:)")
        case .string(let count):
            guard case .string(let text) = value else {
                throw ModbusTagMappingError(.wrongKind, "a string tag takes text, got \(value.kind)")
            }
            let bytes = Array(text.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                throw ModbusTagMappingError(.outOfRange, "'\(text)' is not ASCII")
            }
            guard bytes.count <= count * 2 else {
                throw ModbusTagMappingError(.outOfRange, "'\(text)' has \(bytes.count) characters, at most \(count * 2) fit")
            }
            let padded = bytes + [UInt8](repeating: 0, count: count * 2 - bytes.count)
            return (wordOrder.swapsBytes ? ModbusWordOrder.badc : .abcd).registers(fromBigEndian: padded)
        case .int16, .uint16, .int32, .uint32, .int64, .uint64, .float32, .float64:
            let raw = try rawPattern(value)
            let size = dataType.registerCount * 2
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: raw >> UInt64(8 * (size - 1 - $0))) }
            return wordOrder.registers(fromBigEndian: bytes)
        }
    }

    /// The request that writes `value` to `address`: function 5 for a coil, 22 (mask write) for a bit of
    /// a register, 6 for one register and 16 for several (Modbus Application Protocol v1.1b3 §6.5, §6.6,
    /// §6.12, §6.16).
    public func writeRequest(_ value: DataValue, address: ModbusAddress) throws(ModbusTagMappingError) -> ModbusRequest {
        try check(against: address)
        guard address.table.isWritable else {
            throw ModbusTagMappingError(.notWritable, "\(address) is in a read-only table (\(address.table))")
        }
        switch dataType {
        case .bool:
            return .writeSingleCoil(address: address.address, value: try boolValue(value))
        case .bit(let bit):
            let mask = UInt16(1) << UInt16(bit & 15)
            let on = try boolValue(value)
            // §6.16: result = (current AND andMask) OR (orMask AND NOT andMask).
            return .maskWriteRegister(address: address.address, andMask: ~mask, orMask: on ? mask : 0)
        default:
            let registers = try encode(value)
            if registers.count == 1, let register = registers.first {
                return .writeSingleRegister(address: address.address, value: register)
            }
            return .writeMultipleRegisters(address: address.address, values: registers)
        }
    }

    private func boolValue(_ value: DataValue) throws(ModbusTagMappingError) -> Bool {
        switch value {
        case .bool(let on): return on
        case .integer(0): return false
        case .integer(1): return true
        case .double(0): return false
        case .double(1): return true
        default: throw ModbusTagMappingError(.wrongKind, "a bit takes true or false (or 0 or 1), got \(value)")
        }
    }

    /// The raw bit pattern of the value, in the low bytes of a UInt64.
    private func rawPattern(_ value: DataValue) throws(ModbusTagMappingError) -> UInt64 {
        if case .integer(let integer) = value, isIdentity, dataType.isInteger {
            // Exact path: no detour through Double for large 64-bit integers.
            return try integerPattern(exact: integer)
        }
        let number: Double
        switch value {
        case .double(let double): number = double
        case .integer(let integer): number = Double(integer)
        case .bool(let on): number = on ? 1 : 0
        case .string:
            throw ModbusTagMappingError(.wrongKind, "a \(dataType) tag takes a number, got text")
        }
        guard number.isFinite else {
            throw ModbusTagMappingError(.outOfRange, "\(number) cannot be written")
        }
        let raw = (number - offset) / scale
        switch dataType {
        case .float32:
            let single = Float(raw)
            guard single.isFinite else {
                throw ModbusTagMappingError(.outOfRange, "\(number) does not fit a float32")
            }
            return UInt64(single.bitPattern)
        case .float64:
            return raw.bitPattern
        default:
            let rounded = raw.rounded()
            guard rounded >= -9.223_372_036_854_775_808e18, rounded < 1.844_674_407_370_955_161_6e19 else {
                throw ModbusTagMappingError(.outOfRange, "\(number) does not fit a \(dataType)")
            }
            if rounded < 0 {
                guard let exact = Int64(exactly: rounded) else {
                    throw ModbusTagMappingError(.outOfRange, "\(number) does not fit a \(dataType)")
                }
                return try integerPattern(exact: exact)
            }
            guard let unsigned = UInt64(exactly: rounded) else {
                throw ModbusTagMappingError(.outOfRange, "\(number) does not fit a \(dataType)")
            }
            if dataType == .uint64 { return unsigned }
            guard let exact = Int64(exactly: unsigned) else {
                throw ModbusTagMappingError(.outOfRange, "\(number) does not fit a \(dataType)")
            }
            return try integerPattern(exact: exact)
        }
    }

    private func integerPattern(exact value: Int64) throws(ModbusTagMappingError) -> UInt64 {
        let range: ClosedRange<Int64>
        switch dataType {
        case .int16: range = Int64(Int16.min)...Int64(Int16.max)
        case .uint16: range = 0...Int64(UInt16.max)
        case .int32: range = Int64(Int32.min)...Int64(Int32.max)
        case .uint32: range = 0...Int64(UInt32.max)
        case .uint64: range = 0...Int64.max
        default: range = Int64.min...Int64.max
        }
        guard range.contains(value) else {
            throw ModbusTagMappingError(
                .outOfRange, "\(value) does not fit a \(dataType) (\(range.lowerBound) to \(range.upperBound))")
        }
        return UInt64(bitPattern: value)
    }
}
