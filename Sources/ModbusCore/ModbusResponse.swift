/// A Modbus response PDU: what a server answers (Modbus Application Protocol v1.1b3 §6, §7).
///
/// A server encodes responses with `encode()`; a client decodes them with `decode(_:answering:)`, which
/// also checks that the response fits the request (same function, the requested number of values).
public enum ModbusResponse: Hashable, Sendable {
    /// 0x01: coil states, one per requested coil (§6.1). Decoded without a request, all bits of the
    /// returned bytes, padding included.
    case readCoils([Bool])
    /// 0x02: discrete input states (§6.2), like `readCoils`.
    case readDiscreteInputs([Bool])
    /// 0x03: holding register values (§6.3).
    case readHoldingRegisters([UInt16])
    /// 0x04: input register values (§6.4).
    case readInputRegisters([UInt16])
    /// 0x05: the echo of the written coil (§6.5).
    case writeSingleCoil(address: UInt16, value: Bool)
    /// 0x06: the echo of the written register (§6.6).
    case writeSingleRegister(address: UInt16, value: UInt16)
    /// 0x0F: the start address and number of coils written (§6.11).
    case writeMultipleCoils(address: UInt16, quantity: UInt16)
    /// 0x10: the start address and number of registers written (§6.12).
    case writeMultipleRegisters(address: UInt16, quantity: UInt16)
    /// 0x16: the echo of the mask write (§6.16).
    case maskWriteRegister(address: UInt16, andMask: UInt16, orMask: UInt16)
    /// 0x17: the registers read (§6.17).
    case readWriteMultipleRegisters([UInt16])
    /// 0x2B / 0x0E: device identification objects (§6.21).
    case readDeviceIdentification(DeviceIdentification)
    /// An exception response: function code with 0x80 set, then the exception code (§7).
    case exception(ModbusException)

    /// The function code this response answers (for an exception, the function of the failed request, or
    /// nil when that function is not one Millrace implements).
    public var functionCode: FunctionCode? {
        switch self {
        case .readCoils: .readCoils
        case .readDiscreteInputs: .readDiscreteInputs
        case .readHoldingRegisters: .readHoldingRegisters
        case .readInputRegisters: .readInputRegisters
        case .writeSingleCoil: .writeSingleCoil
        case .writeSingleRegister: .writeSingleRegister
        case .writeMultipleCoils: .writeMultipleCoils
        case .writeMultipleRegisters: .writeMultipleRegisters
        case .maskWriteRegister: .maskWriteRegister
        case .readWriteMultipleRegisters: .readWriteMultipleRegisters
        case .readDeviceIdentification: .encapsulatedInterfaceTransport
        case .exception(let exception): exception.function
        }
    }

    /// The function code byte on the wire, with 0x80 set for exceptions.
    public var wireFunctionCode: UInt8 {
        if case .exception(let exception) = self { return exception.functionCode | FunctionCode.exceptionFlag }
        return functionCode?.rawValue ?? 0
    }
}
