extension ModbusResponse {
    /// Decodes one complete response PDU without knowing the request.
    ///
    /// Bit responses return every bit of their bytes (padding included); use `decode(_:answering:)` when
    /// the request is known.
    public static func decode(_ pdu: ArraySlice<UInt8>) throws(ModbusDecodingError) -> ModbusResponse {
        var reader = PDUReader(pdu)
        guard pdu.count <= ModbusLimits.maximumPDUSize else {
            throw reader.error(.pduTooLarge, at: 0, "the PDU has \(pdu.count) bytes, at most 253 are allowed")
        }
        let rawFunction = try reader.readUInt8("function code")
        // §7: an exception response is the function code with 0x80 set, then one exception code byte.
        if rawFunction & FunctionCode.exceptionFlag != 0 {
            let rawCode = try reader.readUInt8("exception code")
            try reader.expectEnd()
            guard let code = ExceptionCode(rawValue: rawCode) else {
                throw reader.error(.unknownExceptionCode, at: 1, "exception code \(rawCode) is not defined")
            }
            return .exception(ModbusException(functionCode: rawFunction, code: code))
        }
        guard let function = FunctionCode(rawValue: rawFunction) else {
            throw reader.error(.unsupportedFunction, at: 0, "function code \(rawFunction) is not supported")
        }
        let response: ModbusResponse
        switch function {
        case .readCoils, .readDiscreteInputs:
            let byteCount = try reader.readUInt8("byte count")
            // §6.1: at most 2000 bits, so 1 to 250 bytes.
            guard (1...250).contains(byteCount) else {
                throw reader.error(.byteCountMismatch, at: 1, "byte count \(byteCount) is not 1 to 250")
            }
            let bits = ModbusBits.unpack(try reader.readBytes(Int(byteCount), "bit values"))
            try reader.expectEnd()
            response = function == .readCoils ? .readCoils(bits) : .readDiscreteInputs(bits)
        case .readHoldingRegisters, .readInputRegisters, .readWriteMultipleRegisters:
            let byteCount = try reader.readUInt8("byte count")
            // §6.3: byte count is 2 × N with N from 1 to 125.
            guard byteCount % 2 == 0, (2...250).contains(byteCount) else {
                throw reader.error(.byteCountMismatch, at: 1, "byte count \(byteCount) is not an even 2 to 250")
            }
            let registers = try reader.readRegisters(Int(byteCount) / 2, "register values")
            try reader.expectEnd()
            switch function {
            case .readHoldingRegisters: response = .readHoldingRegisters(registers)
            case .readInputRegisters: response = .readInputRegisters(registers)
            default: response = .readWriteMultipleRegisters(registers)
            }
        case .writeSingleCoil:
            let address = try reader.readUInt16("output address")
            let value = try reader.readUInt16("output value")
            try reader.expectEnd()
            guard value == 0xFF00 || value == 0x0000 else {
                throw reader.error(.invalidValue, at: 3, "coil value must be 0xFF00 or 0x0000, got \(value)")
            }
            response = .writeSingleCoil(address: address, value: value == 0xFF00)
        case .writeSingleRegister:
            let address = try reader.readUInt16("register address")
            let value = try reader.readUInt16("register value")
            try reader.expectEnd()
            response = .writeSingleRegister(address: address, value: value)
        case .writeMultipleCoils, .writeMultipleRegisters:
            let address = try reader.readUInt16("starting address")
            let quantity = try reader.readUInt16("quantity")
            try reader.expectEnd()
            let isCoils = function == .writeMultipleCoils
            let limit = isCoils ? ModbusLimits.writeCoilsQuantity : ModbusLimits.writeRegistersQuantity
            try reader.checkQuantity(quantity, in: limit, at: 3, isCoils ? "coils written" : "registers written")
            response =
                isCoils
                ? .writeMultipleCoils(address: address, quantity: quantity)
                : .writeMultipleRegisters(address: address, quantity: quantity)
        case .maskWriteRegister:
            let address = try reader.readUInt16("reference address")
            let andMask = try reader.readUInt16("AND mask")
            let orMask = try reader.readUInt16("OR mask")
            try reader.expectEnd()
            response = .maskWriteRegister(address: address, andMask: andMask, orMask: orMask)
        case .encapsulatedInterfaceTransport:
            response = .readDeviceIdentification(try decodeDeviceIdentification(&reader))
        }
        return response
    }

    /// Decodes one complete response PDU held in an array, without knowing the request.
    public static func decode(_ pdu: [UInt8]) throws(ModbusDecodingError) -> ModbusResponse {
        try decode(pdu[...])
    }

    /// Decodes one complete response PDU and checks that it answers `request`: the same function (or an
    /// exception for it), as many values as requested, and the echo of a write.
    ///
    /// Bit responses are trimmed to the requested quantity, after checking the byte count
    /// (Modbus Application Protocol v1.1b3 §6.1: N = ceil(quantity / 8)).
    public static func decode(
        _ pdu: ArraySlice<UInt8>, answering request: ModbusRequest
    ) throws(ModbusDecodingError) -> ModbusResponse {
        let response = try decode(pdu)
        func mismatch(_ message: String) -> ModbusDecodingError {
            ModbusDecodingError(.unexpectedResponse, offset: 0, bytes: pdu, message: message)
        }
        if case .exception(let exception) = response {
            guard exception.functionCode == request.functionCode.rawValue else {
                throw mismatch("exception for function \(exception.functionCode) answers \(request.functionCode)")
            }
            return response
        }
        guard response.functionCode == request.functionCode else {
            throw mismatch("a \(response.functionCode.map { "\($0)" } ?? "?") response answers \(request.functionCode)")
        }
        switch (request, response) {
        case (.readCoils(_, let quantity), .readCoils(let bits)),
            (.readDiscreteInputs(_, let quantity), .readDiscreteInputs(let bits)):
            guard bits.count / 8 == (Int(quantity) + 7) / 8 else {
                throw mismatch("\(bits.count / 8) bytes of bits answer a request for \(quantity) bits")
            }
            let trimmed = Array(bits.prefix(Int(quantity)))
            return request.functionCode == .readCoils ? .readCoils(trimmed) : .readDiscreteInputs(trimmed)
        case (.readHoldingRegisters(_, let quantity), .readHoldingRegisters(let registers)),
            (.readInputRegisters(_, let quantity), .readInputRegisters(let registers)),
            (.readWriteMultipleRegisters(_, let quantity, _, _), .readWriteMultipleRegisters(let registers)):
            guard registers.count == Int(quantity) else {
                throw mismatch("\(registers.count) registers answer a request for \(quantity)")
            }
        case (.writeSingleCoil(let address, let value), .writeSingleCoil(let echoAddress, let echoValue)):
            guard address == echoAddress, value == echoValue else { throw mismatch("the echo differs from the write") }
        case (.writeSingleRegister(let address, let value), .writeSingleRegister(let echoAddress, let echoValue)):
            guard address == echoAddress, value == echoValue else { throw mismatch("the echo differs from the write") }
        case (.writeMultipleCoils(let address, let values), .writeMultipleCoils(let echoAddress, let quantity)):
            guard address == echoAddress, values.count == Int(quantity) else {
                throw mismatch("the echo differs from the write")
            }
        case (.writeMultipleRegisters(let address, let values), .writeMultipleRegisters(let echoAddress, let quantity)):
            guard address == echoAddress, values.count == Int(quantity) else {
                throw mismatch("the echo differs from the write")
            }
        case (.maskWriteRegister(let a, let andMask, let orMask), .maskWriteRegister(let b, let echoAnd, let echoOr)):
            guard a == b, andMask == echoAnd, orMask == echoOr else { throw mismatch("the echo differs from the write") }
        case (.readDeviceIdentification(let code, _), .readDeviceIdentification(let identification)):
            guard code == identification.readDeviceIDCode else {
                throw mismatch("identification for code \(identification.readDeviceIDCode) answers code \(code)")
            }
        default:
            throw mismatch("the response does not answer \(request.functionCode)")
        }
        return response
    }

    /// Decodes one complete response PDU held in an array and checks that it answers `request`.
    public static func decode(
        _ pdu: [UInt8], answering request: ModbusRequest
    ) throws(ModbusDecodingError) -> ModbusResponse {
        try decode(pdu[...], answering: request)
    }

    /// §6.21: the read device identification response after the function code.
    private static func decodeDeviceIdentification(
        _ reader: inout PDUReader
    ) throws(ModbusDecodingError) -> DeviceIdentification {
        let mei = try reader.readUInt8("MEI type")
        guard mei == DeviceIdentification.meiType else {
            throw reader.error(.unsupportedMEIType, at: 1, "MEI type \(mei) is not supported, only 14 (0x0E)")
        }
        let rawCode = try reader.readUInt8("read device id code")
        guard let code = ReadDeviceIDCode(rawValue: rawCode) else {
            throw reader.error(.invalidValue, at: 2, "read device id code \(rawCode) is not 1 to 4")
        }
        let conformity = try reader.readUInt8("conformity level")
        let moreFollowsByte = try reader.readUInt8("more follows")
        guard moreFollowsByte == 0x00 || moreFollowsByte == 0xFF else {
            throw reader.error(.invalidValue, at: 4, "more follows must be 0x00 or 0xFF, got \(moreFollowsByte)")
        }
        let nextObjectID = try reader.readUInt8("next object id")
        let count = try reader.readUInt8("number of objects")
        var objects: [DeviceIdentification.Object] = []
        for _ in 0..<count {
            let id = try reader.readUInt8("object id")
            let length = try reader.readUInt8("object length")
            let value = try reader.readBytes(Int(length), "object \(id) value")
            objects.append(.init(id: id, value: Array(value)))
        }
        try reader.expectEnd()
        return DeviceIdentification(
            readDeviceIDCode: code, conformityLevel: conformity, moreFollows: moreFollowsByte == 0xFF,
            nextObjectID: nextObjectID, objects: objects)
    }
}
