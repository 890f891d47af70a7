extension ModbusResponse {
    /// The PDU bytes of this response, function code first.
    ///
    /// - Throws: `ModbusEncodingError` when the values exceed what one response can carry
    ///   (Modbus Application Protocol v1.1b3 §6) or the PDU would pass 253 bytes.
    public func encode() throws(ModbusEncodingError) -> [UInt8] {
        var bytes: [UInt8] = [wireFunctionCode]
        switch self {
        case .readCoils(let bits), .readDiscreteInputs(let bits):
            // §6.1: byte count N, then the states, LSB first, zero-padded.
            try Self.check(bits.count, ModbusLimits.readBitsQuantity, "bits")
            let packed = ModbusBits.pack(bits)
            bytes.append(UInt8(packed.count))
            bytes.append(contentsOf: packed)
        case .readHoldingRegisters(let registers), .readInputRegisters(let registers),
            .readWriteMultipleRegisters(let registers):
            // §6.3, §6.4, §6.17: byte count 2 × N, then the registers.
            try Self.check(registers.count, ModbusLimits.readRegistersQuantity, "registers")
            bytes.append(UInt8(registers.count * 2))
            bytes.appendRegisters(registers)
        case .writeSingleCoil(let address, let value):
            bytes.appendUInt16(address)
            bytes.appendUInt16(value ? 0xFF00 : 0x0000)
        case .writeSingleRegister(let address, let value):
            bytes.appendUInt16(address)
            bytes.appendUInt16(value)
        case .writeMultipleCoils(let address, let quantity):
            try Self.check(Int(quantity), ModbusLimits.writeCoilsQuantity, "coils written")
            bytes.appendUInt16(address)
            bytes.appendUInt16(quantity)
        case .writeMultipleRegisters(let address, let quantity):
            try Self.check(Int(quantity), ModbusLimits.writeRegistersQuantity, "registers written")
            bytes.appendUInt16(address)
            bytes.appendUInt16(quantity)
        case .maskWriteRegister(let address, let andMask, let orMask):
            bytes.appendUInt16(address)
            bytes.appendUInt16(andMask)
            bytes.appendUInt16(orMask)
        case .readDeviceIdentification(let identification):
            // §6.21: MEI type, code, conformity level, more follows (0x00/0xFF), next object id, number of
            // objects, then id / length / value for each.
            guard identification.objects.count <= 255 else {
                throw ModbusEncodingError(.invalidValue, "\(identification.objects.count) objects, at most 255")
            }
            bytes.append(DeviceIdentification.meiType)
            bytes.append(identification.readDeviceIDCode.rawValue)
            bytes.append(identification.conformityLevel)
            bytes.append(identification.moreFollows ? 0xFF : 0x00)
            bytes.append(identification.nextObjectID)
            bytes.append(UInt8(identification.objects.count))
            for object in identification.objects {
                guard object.value.count <= 255 else {
                    throw ModbusEncodingError(
                        .invalidValue, "object \(object.id) has \(object.value.count) bytes, at most 255")
                }
                bytes.append(object.id)
                bytes.append(UInt8(object.value.count))
                bytes.append(contentsOf: object.value)
            }
        case .exception(let exception):
            bytes.append(exception.code.rawValue)
        }
        guard bytes.count <= ModbusLimits.maximumPDUSize else {
            throw ModbusEncodingError(.pduTooLarge, "the response has \(bytes.count) bytes, at most 253")
        }
        return bytes
    }

    private static func check(_ count: Int, _ range: ClosedRange<Int>, _ what: String) throws(ModbusEncodingError) {
        guard range.contains(count) else {
            throw ModbusEncodingError(
                .quantityOutOfRange, "\(count) \(what), allowed \(range.lowerBound) to \(range.upperBound)")
        }
    }
}
