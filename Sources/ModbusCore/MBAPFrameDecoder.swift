/// Splits a Modbus TCP byte stream into frames (Modbus Messaging on TCP/IP v1.0b §3.1.3, §4.2).
///
/// Each call to `decode(buffer:)` looks at the readable bytes from the buffer's reader index, and either
/// consumes exactly one frame or returns `.needMoreData` without consuming anything. Short input is never
/// an error. A header that cannot start a valid frame (protocol id not 0, a length field below 2 or above
/// 254) throws at once, without waiting for the bytes it announces, and consumes nothing: the stream has
/// lost its framing and the connection must be closed.
public struct MBAPFrameDecoder: Sendable {
    /// A decoder; it keeps no state between frames.
    public init() {}

    /// Decodes the next frame from `buffer`.
    ///
    /// - Throws: `ModbusDecodingError` with codes `.protocolIdentifierMismatch` or `.invalidLength`; the
    ///   offset is relative to the buffer's reader index and the bytes are the header seen so far.
    public mutating func decode(
        buffer: inout ModbusByteBuffer
    ) throws(ModbusDecodingError) -> ModbusDecodingResult<ModbusTCPFrame> {
        // Validate each header field as soon as it has arrived, so garbage fails fast.
        if let protocolID = buffer.peekUInt16(at: 2), protocolID != 0 {
            throw ModbusDecodingError(
                .protocolIdentifierMismatch, offset: 2, bytes: buffer.readableBytesView.prefix(MBAPHeader.size),
                message: "MBAP protocol identifier is \(protocolID), Modbus uses 0")
        }
        guard let length = buffer.peekUInt16(at: 4) else { return .needMoreData }
        guard MBAPHeader.lengthRange.contains(Int(length)) else {
            throw ModbusDecodingError(
                .invalidLength, offset: 4, bytes: buffer.readableBytesView.prefix(MBAPHeader.size),
                message: "MBAP length is \(length), allowed 2 to 254 (unit id plus a PDU of 1 to 253 bytes)")
        }
        // The length field counts the unit id (offset 6) and the PDU.
        let frameSize = 6 + Int(length)
        guard buffer.readableBytes >= frameSize,
            let transactionID = buffer.peekUInt16(at: 0),
            let unitID = buffer.peekUInt8(at: 6),
            let frame = buffer.readBytes(length: frameSize)
        else { return .needMoreData }
        return .frame(ModbusTCPFrame(transactionID: transactionID, unitID: unitID, pdu: Array(frame.dropFirst(7))))
    }
}
