/// The Modbus function codes Millrace speaks (Modbus Application Protocol v1.1b3 §5.1, §6).
///
/// The raw value is the byte on the wire. Exception responses set the high bit (`functionCode | 0x80`, §7),
/// so no function code is ever above 0x7F.
public enum FunctionCode: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// 0x01 Read Coils (§6.1).
    case readCoils = 0x01
    /// 0x02 Read Discrete Inputs (§6.2).
    case readDiscreteInputs = 0x02
    /// 0x03 Read Holding Registers (§6.3).
    case readHoldingRegisters = 0x03
    /// 0x04 Read Input Registers (§6.4).
    case readInputRegisters = 0x04
    /// 0x05 Write Single Coil (§6.5).
    case writeSingleCoil = 0x05
    /// 0x06 Write Single Register (§6.6).
    case writeSingleRegister = 0x06
    /// 0x0F Write Multiple Coils (§6.11).
    case writeMultipleCoils = 0x0F
    /// 0x10 Write Multiple Registers (§6.12).
    case writeMultipleRegisters = 0x10
    /// 0x16 Mask Write Register (§6.16).
    case maskWriteRegister = 0x16
    /// 0x17 Read/Write Multiple Registers (§6.17).
    case readWriteMultipleRegisters = 0x17
    /// 0x2B Encapsulated Interface Transport (§6.19); Millrace implements MEI type 0x0E only.
    case encapsulatedInterfaceTransport = 0x2B

    /// The bit set in the function code of an exception response (§7).
    public static let exceptionFlag: UInt8 = 0x80

    public var description: String {
        switch self {
        case .readCoils: "read coils (0x01)"
        case .readDiscreteInputs: "read discrete inputs (0x02)"
        case .readHoldingRegisters: "read holding registers (0x03)"
        case .readInputRegisters: "read input registers (0x04)"
        case .writeSingleCoil: "write single coil (0x05)"
        case .writeSingleRegister: "write single register (0x06)"
        case .writeMultipleCoils: "write multiple coils (0x0F)"
        case .writeMultipleRegisters: "write multiple registers (0x10)"
        case .maskWriteRegister: "mask write register (0x16)"
        case .readWriteMultipleRegisters: "read/write multiple registers (0x17)"
        case .encapsulatedInterfaceTransport: "encapsulated interface transport (0x2B)"
        }
    }
}
