/// The size limits of the Modbus protocol, in one place.
public enum ModbusLimits {
    /// The largest PDU: 256-byte serial ADU minus address and CRC (Modbus Application Protocol v1.1b3 §4.1).
    public static let maximumPDUSize = 253
    /// The largest Modbus TCP ADU: 7-byte MBAP header plus the largest PDU (Modbus Messaging on TCP/IP v1.0b §4.1).
    public static let maximumTCPADUSize = 260
    /// The largest serial (RTU) ADU: address, PDU and CRC (Modbus over Serial Line v1.02 §2.5.1).
    public static let maximumRTUADUSize = 256
    /// Coils or discrete inputs per read, 1 to 2000 (0x7D0) (§6.1, §6.2).
    public static let readBitsQuantity: ClosedRange<Int> = 1...2000
    /// Coils per write, 1 to 1968 (0x7B0) (§6.11).
    public static let writeCoilsQuantity: ClosedRange<Int> = 1...1968
    /// Registers per read, 1 to 125 (0x7D) (§6.3, §6.4).
    public static let readRegistersQuantity: ClosedRange<Int> = 1...125
    /// Registers per write, 1 to 123 (0x7B) (§6.12).
    public static let writeRegistersQuantity: ClosedRange<Int> = 1...123
    /// Registers read by function 23, 1 to 125 (0x7D) (§6.17).
    public static let readWriteReadQuantity: ClosedRange<Int> = 1...125
    /// Registers written by function 23, 1 to 121 (0x79) (§6.17).
    public static let readWriteWriteQuantity: ClosedRange<Int> = 1...121
    /// The number of addresses in each of the four tables: 0x0000 to 0xFFFF (§4.4).
    public static let addressSpace = 0x1_0000
}
