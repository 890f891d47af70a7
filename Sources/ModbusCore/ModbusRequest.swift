/// A Modbus request PDU: what a client asks a server (Modbus Application Protocol v1.1b3 §6).
///
/// Addresses are 0-based protocol addresses (§4.4). A client encodes requests with `encode()` and a
/// server decodes them with `decode(_:)`; both check the quantity limits of §6, so a value that encodes
/// always decodes back to itself.
public enum ModbusRequest: Hashable, Sendable {
    /// 0x01: read 1 to 2000 coils (§6.1).
    case readCoils(address: UInt16, quantity: UInt16)
    /// 0x02: read 1 to 2000 discrete inputs (§6.2).
    case readDiscreteInputs(address: UInt16, quantity: UInt16)
    /// 0x03: read 1 to 125 holding registers (§6.3).
    case readHoldingRegisters(address: UInt16, quantity: UInt16)
    /// 0x04: read 1 to 125 input registers (§6.4).
    case readInputRegisters(address: UInt16, quantity: UInt16)
    /// 0x05: switch one coil on or off (§6.5).
    case writeSingleCoil(address: UInt16, value: Bool)
    /// 0x06: write one holding register (§6.6).
    case writeSingleRegister(address: UInt16, value: UInt16)
    /// 0x0F: write 1 to 1968 coils (§6.11).
    case writeMultipleCoils(address: UInt16, values: [Bool])
    /// 0x10: write 1 to 123 holding registers (§6.12).
    case writeMultipleRegisters(address: UInt16, values: [UInt16])
    /// 0x16: change bits of one register: `(current & andMask) | (orMask & ~andMask)` (§6.16).
    case maskWriteRegister(address: UInt16, andMask: UInt16, orMask: UInt16)
    /// 0x17: write 1 to 121 registers, then read 1 to 125, in one transaction (§6.17).
    case readWriteMultipleRegisters(readAddress: UInt16, readQuantity: UInt16, writeAddress: UInt16, values: [UInt16])
    /// 0x2B / 0x0E: read device identification objects (§6.21).
    case readDeviceIdentification(code: ReadDeviceIDCode, objectID: UInt8)

    /// The function code of this request.
    public var functionCode: FunctionCode {
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
        }
    }
}
