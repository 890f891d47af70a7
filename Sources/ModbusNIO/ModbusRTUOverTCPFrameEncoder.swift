import ModbusCore
import NIOCore

/// Writes a `ModbusRTUFrame` as address, PDU and CRC (low byte first, Modbus over Serial Line v1.02
/// §2.5.1.2), for RTU-over-TCP gateways.
public struct ModbusRTUOverTCPFrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = ModbusRTUFrame

    /// An encoder; it keeps no state.
    public init() {}

    public func encode(data frame: ModbusRTUFrame, out: inout ByteBuffer) throws {
        out.writeBytes(try frame.encode())
    }
}
