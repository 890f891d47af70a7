import ModbusCore
import NIOCore

/// Writes a `ModbusTCPFrame` as an MBAP header followed by its PDU (Modbus Messaging on TCP/IP v1.0b §3.1.3).
///
/// The bytes are the same as `ModbusTCPFrame.encode()` in ModbusCore, written straight into the outbound
/// buffer. A PDU that is empty or longer than 253 bytes throws `ModbusEncodingError.pduTooLarge`, which
/// fails the write's promise; nothing is written.
public struct ModbusFrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = ModbusTCPFrame

    /// An encoder; it keeps no state.
    public init() {}

    public func encode(data frame: ModbusTCPFrame, out: inout ByteBuffer) throws {
        guard (1...ModbusLimits.maximumPDUSize).contains(frame.pdu.count) else {
            throw ModbusEncodingError(.pduTooLarge, "a PDU has 1 to 253 bytes, this one \(frame.pdu.count)")
        }
        out.reserveCapacity(minimumWritableBytes: MBAPHeader.size + frame.pdu.count)
        out.writeInteger(frame.transactionID)
        out.writeInteger(UInt16(0))  // Protocol identifier: 0 is Modbus.
        out.writeInteger(UInt16(frame.pdu.count + 1))  // Length counts the unit id and the PDU.
        out.writeInteger(frame.unitID)
        out.writeBytes(frame.pdu)
    }
}
