extension ModbusRequest {
    /// Decodes one complete request PDU, as a server does.
    ///
    /// The PDU must be exactly one request: its length is known from the MBAP header or RTU frame, so
    /// missing and extra bytes are both errors. A server answers a failed decode with the exception
    /// `error.exceptionCode` (Modbus Application Protocol v1.1b3 §7).
    public static func decode(_ pdu: ArraySlice<UInt8>) throws(ModbusDecodingError) -> ModbusRequest {
        var reader = PDUReader(pdu)
        guard pdu.count <= ModbusLimits.maximumPDUSize else {
            throw reader.error(.pduTooLarge, at: 0, "the PDU has \(pdu.count) bytes, at most 253 are allowed")
        }
        let rawFunction = try reader.readUInt8("function code")
        guard let function = FunctionCode(rawValue: rawFunction) else {
            throw reader.error(.unsupportedFunction, at: 0, "function code \(rawFunction) is not supported")
        }
        let request: ModbusRequest
        switch function {
        case .readCoils, .readDiscreteInputs, .readHoldingRegisters, .readInputRegisters:
            let address = try reader.readUInt16("starting address")
            let quantity = try reader.readUInt16("quantity")
            try reader.expectEnd()
            let isBits = function == .readCoils || function == .readDiscreteInputs
            let limit = isBits ? ModbusLimits.readBitsQuantity : ModbusLimits.readRegistersQuantity
            try reader.checkQuantity(quantity, in: limit, at: 3, isBits ? "bits to read" : "registers to read")
            try reader.checkAddress(address, quantity: quantity, at: 1)
            switch function {
            case .readCoils: request = .readCoils(address: address, quantity: quantity)
            case .readDiscreteInputs: request = .readDiscreteInputs(address: address, quantity: quantity)
            case .readHoldingRegisters: request = .readHoldingRegisters(address: address, quantity: quantity)
            default: request = .readInputRegisters(address: address, quantity: quantity)
            }
        case .writeSingleCoil:
            let address = try reader.readUInt16("output address")
            let value = try reader.readUInt16("output value")
            try reader.expectEnd()
            // §6.5: only 0xFF00 (ON) and 0x0000 (OFF) are valid.
            guard value == 0xFF00 || value == 0x0000 else {
                throw reader.error(.invalidValue, at: 3, "coil value must be 0xFF00 or 0x0000, got \(value)")
            }
            request = .writeSingleCoil(address: address, value: value == 0xFF00)
        case .writeSingleRegister:
            let address = try reader.readUInt16("register address")
            let value = try reader.readUInt16("register value")
            try reader.expectEnd()
            request = .writeSingleRegister(address: address, value: value)
        case .writeMultipleCoils:
            let address = try reader.readUInt16("starting address")
            let quantity = try reader.readUInt16("quantity of outputs")
            let byteCount = try reader.readUInt8("byte count")
            try reader.checkQuantity(quantity, in: ModbusLimits.writeCoilsQuantity, at: 3, "coils to write")
            try reader.checkAddress(address, quantity: quantity, at: 1)
            // §6.11: byte count N = quantity / 8, plus 1 if the remainder is not 0.
            guard Int(byteCount) == (Int(quantity) + 7) / 8 else {
                throw reader.error(
                    .byteCountMismatch, at: 5, "byte count \(byteCount) does not fit \(quantity) coils")
            }
            let packed = try reader.readBytes(Int(byteCount), "output values")
            try reader.expectEnd()
            request = .writeMultipleCoils(address: address, values: ModbusBits.unpack(packed, count: Int(quantity)))
        case .writeMultipleRegisters:
            let address = try reader.readUInt16("starting address")
            let quantity = try reader.readUInt16("quantity of registers")
            let byteCount = try reader.readUInt8("byte count")
            try reader.checkQuantity(quantity, in: ModbusLimits.writeRegistersQuantity, at: 3, "registers to write")
            try reader.checkAddress(address, quantity: quantity, at: 1)
            guard Int(byteCount) == Int(quantity) * 2 else {
                throw reader.error(
                    .byteCountMismatch, at: 5, "byte count \(byteCount) does not fit \(quantity) registers")
            }
            let values = try reader.readRegisters(Int(quantity), "register values")
            try reader.expectEnd()
            request = .writeMultipleRegisters(address: address, values: values)
        case .maskWriteRegister:
            let address = try reader.readUInt16("reference address")
            let andMask = try reader.readUInt16("AND mask")
            let orMask = try reader.readUInt16("OR mask")
            try reader.expectEnd()
            request = .maskWriteRegister(address: address, andMask: andMask, orMask: orMask)
        case .readWriteMultipleRegisters:
            let readAddress = try reader.readUInt16("read starting address")
            let readQuantity = try reader.readUInt16("quantity to read")
            let writeAddress = try reader.readUInt16("write starting address")
            let writeQuantity = try reader.readUInt16("quantity to write")
            let byteCount = try reader.readUInt8("write byte count")
            try reader.checkQuantity(readQuantity, in: ModbusLimits.readWriteReadQuantity, at: 3, "registers to read")
            try reader.checkQuantity(
                writeQuantity, in: ModbusLimits.readWriteWriteQuantity, at: 7, "registers to write")
            try reader.checkAddress(readAddress, quantity: readQuantity, at: 1)
            try reader.checkAddress(writeAddress, quantity: writeQuantity, at: 5)
            guard Int(byteCount) == Int(writeQuantity) * 2 else {
                throw reader.error(
                    .byteCountMismatch, at: 9, "byte count \(byteCount) does not fit \(writeQuantity) registers")
            }
            let values = try reader.readRegisters(Int(writeQuantity), "write register values")
            try reader.expectEnd()
            request = .readWriteMultipleRegisters(
                readAddress: readAddress, readQuantity: readQuantity, writeAddress: writeAddress, values: values)
        case .encapsulatedInterfaceTransport:
            let mei = try reader.readUInt8("MEI type")
            guard mei == DeviceIdentification.meiType else {
                throw reader.error(.unsupportedMEIType, at: 1, "MEI type \(mei) is not supported, only 14 (0x0E)")
            }
            let rawCode = try reader.readUInt8("read device id code")
            let objectID = try reader.readUInt8("object id")
            try reader.expectEnd()
            // §6.21: a read device id code other than 01–04 is answered with exception 03.
            guard let code = ReadDeviceIDCode(rawValue: rawCode) else {
                throw reader.error(.invalidValue, at: 2, "read device id code \(rawCode) is not 1 to 4")
            }
            request = .readDeviceIdentification(code: code, objectID: objectID)
        }
        return request
    }

    /// Decodes one complete request PDU held in an array.
    public static func decode(_ pdu: [UInt8]) throws(ModbusDecodingError) -> ModbusRequest {
        try decode(pdu[...])
    }
}
