extension ModbusRequest {
    /// The PDU bytes of this request, function code first.
    ///
    /// - Throws: `ModbusEncodingError` when a quantity is outside the limits of Modbus Application
    ///   Protocol v1.1b3 §6 or the addressed range runs past 0xFFFF.
    public func encode() throws(ModbusEncodingError) -> [UInt8] {
        var bytes: [UInt8] = [functionCode.rawValue]
        switch self {
        case .readCoils(let address, let quantity), .readDiscreteInputs(let address, let quantity):
            // §6.1, §6.2: quantity 1 to 2000 (0x7D0).
            try Self.check(quantity: Int(quantity), ModbusLimits.readBitsQuantity, address: address, "bits to read")
            bytes.appendUInt16(address)
            bytes.appendUInt16(quantity)
        case .readHoldingRegisters(let address, let quantity), .readInputRegisters(let address, let quantity):
            // §6.3, §6.4: quantity 1 to 125 (0x7D).
            try Self.check(
                quantity: Int(quantity), ModbusLimits.readRegistersQuantity, address: address, "registers to read")
            bytes.appendUInt16(address)
            bytes.appendUInt16(quantity)
        case .writeSingleCoil(let address, let value):
            // §6.5: 0xFF00 is ON, 0x0000 is OFF; no other value is allowed.
            bytes.appendUInt16(address)
            bytes.appendUInt16(value ? 0xFF00 : 0x0000)
        case .writeSingleRegister(let address, let value):
            bytes.appendUInt16(address)
            bytes.appendUInt16(value)
        case .writeMultipleCoils(let address, let values):
            // §6.11: quantity 1 to 1968 (0x7B0), byte count N = ceil(quantity / 8).
            try Self.check(quantity: values.count, ModbusLimits.writeCoilsQuantity, address: address, "coils to write")
            let packed = ModbusBits.pack(values)
            bytes.appendUInt16(address)
            bytes.appendUInt16(UInt16(values.count))
            bytes.append(UInt8(packed.count))
            bytes.append(contentsOf: packed)
        case .writeMultipleRegisters(let address, let values):
            // §6.12: quantity 1 to 123 (0x7B), byte count 2 × quantity.
            try Self.check(
                quantity: values.count, ModbusLimits.writeRegistersQuantity, address: address, "registers to write")
            bytes.appendUInt16(address)
            bytes.appendUInt16(UInt16(values.count))
            bytes.append(UInt8(values.count * 2))
            bytes.appendRegisters(values)
        case .maskWriteRegister(let address, let andMask, let orMask):
            bytes.appendUInt16(address)
            bytes.appendUInt16(andMask)
            bytes.appendUInt16(orMask)
        case .readWriteMultipleRegisters(let readAddress, let readQuantity, let writeAddress, let values):
            // §6.17: read 1 to 125 (0x7D), write 1 to 121 (0x79).
            try Self.check(
                quantity: Int(readQuantity), ModbusLimits.readWriteReadQuantity, address: readAddress,
                "registers to read")
            try Self.check(
                quantity: values.count, ModbusLimits.readWriteWriteQuantity, address: writeAddress,
                "registers to write")
            bytes.appendUInt16(readAddress)
            bytes.appendUInt16(readQuantity)
            bytes.appendUInt16(writeAddress)
            bytes.appendUInt16(UInt16(values.count))
            bytes.append(UInt8(values.count * 2))
            bytes.appendRegisters(values)
        case .readDeviceIdentification(let code, let objectID):
            // §6.21: MEI type 0x0E, read device id code, object id.
            bytes.append(DeviceIdentification.meiType)
            bytes.append(code.rawValue)
            bytes.append(objectID)
        }
        return bytes
    }

    private static func check(
        quantity: Int, _ range: ClosedRange<Int>, address: UInt16, _ what: String
    ) throws(ModbusEncodingError) {
        guard range.contains(quantity) else {
            throw ModbusEncodingError(
                .quantityOutOfRange,
                "\(quantity) \(what), allowed \(range.lowerBound) to \(range.upperBound) per request")
        }
        guard Int(address) + quantity <= ModbusLimits.addressSpace else {
            throw ModbusEncodingError(
                .addressOutOfRange, "start address \(address) plus \(quantity) \(what) runs past address 65535")
        }
    }
}
