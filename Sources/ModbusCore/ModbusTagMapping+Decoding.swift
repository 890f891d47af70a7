import MillraceCore

extension ModbusTagMapping {
    /// Decodes the value of a coil or discrete input.
    public func decode(bit: Bool) throws(ModbusTagMappingError) -> ModbusTagReading {
        guard dataType == .bool else {
            throw ModbusTagMappingError(.registerCountMismatch, "a \(dataType) value is read from registers, not a bit")
        }
        return ModbusTagReading(value: .bool(bit))
    }

    /// Decodes the value from exactly `dataType.registerCount` registers, in wire order.
    public func decode(registers: some Collection<UInt16>) throws(ModbusTagMappingError) -> ModbusTagReading {
        guard dataType != .bool else {
            throw ModbusTagMappingError(.registerCountMismatch, "a bool is read from a coil or discrete input")
        }
        guard registers.count == dataType.registerCount else {
            throw ModbusTagMappingError(
                .registerCountMismatch, "a \(dataType) needs \(dataType.registerCount) registers, got \(registers.count)")
        }
        switch dataType {
        case .bit(let bit):
            let register = registers.first ?? 0
            return ModbusTagReading(value: .bool(register & (UInt16(1) << UInt16(bit & 15)) != 0))
        case .string:
            return decodeString(registers)
        default:
            break
        }
        let raw = rawBits(registers)
        switch dataType {
        case .int16: return integer(Int64(Int16(truncatingIfNeeded: raw)))
        case .uint16: return integer(Int64(UInt16(truncatingIfNeeded: raw)))
        case .int32: return integer(Int64(Int32(truncatingIfNeeded: raw)))
        case .uint32: return integer(Int64(UInt32(truncatingIfNeeded: raw)))
        case .int64: return integer(Int64(bitPattern: raw))
        case .uint64:
            if raw <= UInt64(Int64.max) { return integer(Int64(raw)) }
            // Above Int64.max only a double can hold it (rounded to 53 bits).
            return scaled(Double(raw))
        case .float32: return scaled(Self.widen(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
        case .float64: return scaled(Double(bitPattern: raw))
        case .bool, .bit, .string: return ModbusTagReading(value: .bool(false), quality: .configurationError)
        }
    }

    /// The value's bits as an unsigned integer, after undoing the word order.
    func rawBits(_ registers: some Collection<UInt16>) -> UInt64 {
        wordOrder.bigEndianBytes(from: registers).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    private func integer(_ raw: Int64) -> ModbusTagReading {
        if isIdentity { return checked(.integer(raw), Double(raw)) }
        return scaled(Double(raw))
    }

    private func scaled(_ raw: Double) -> ModbusTagReading {
        guard raw.isFinite else {
            // IEEE NaN or infinity from the device: the usual signal of a failed sensor.
            return ModbusTagReading(value: .double(raw), quality: .sensorFailure)
        }
        let engineering = raw * scale + offset
        guard engineering.isFinite else {
            return ModbusTagReading(value: .double(engineering), quality: Quality(.bad, .outOfRange))
        }
        return checked(.double(engineering), engineering)
    }

    private func checked(_ value: DataValue, _ number: Double) -> ModbusTagReading {
        if let validRange, !validRange.contains(number) {
            return ModbusTagReading(value: value, quality: Quality(.uncertain, .engineeringUnitsExceeded))
        }
        return ModbusTagReading(value: value)
    }

    /// ASCII, two characters per register; only the byte swap of the word order applies.
    private func decodeString(_ registers: some Collection<UInt16>) -> ModbusTagReading {
        let order: ModbusWordOrder = wordOrder.swapsBytes ? .badc : .abcd
        var bytes = order.bigEndianBytes(from: registers)
        while let last = bytes.last, last == 0 || last == 0x20 { bytes.removeLast() }
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        let text = String(decoding: bytes, as: UTF8.self)
        return ModbusTagReading(value: .string(text), quality: isASCII ? .good : Quality(.bad, .decodingError))
    }
}

extension ModbusTagMapping {
    /// A float32 as the double with the same shortest decimal form (23.4f becomes 23.4, not
    /// 23.399999618530273): what the device meant, what people expect to see, and what the historian's decimal
    /// codec compresses best. Non-finite values and values whose shortest form does not parse keep the exact widening.
    static func widen(_ value: Float) -> Double {
        guard value.isFinite, let decimal = Double(value.description), Float(decimal) == value else { return Double(value) }
        return decimal
    }
}
