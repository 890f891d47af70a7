/// One Modbus TCP ADU: the MBAP header fields and the PDU they carry (Modbus Messaging on TCP/IP v1.0b §3.1).
public struct ModbusTCPFrame: Hashable, Sendable {
    /// Pairs the response with its request (§3.1.3).
    public var transactionID: UInt16
    /// The unit id: the serial device behind a gateway, or 0xFF for a TCP device itself.
    public var unitID: UInt8
    /// The PDU: function code and data, 1 to 253 bytes.
    public var pdu: [UInt8]

    /// A frame carrying `pdu`.
    public init(transactionID: UInt16, unitID: UInt8, pdu: [UInt8]) {
        self.transactionID = transactionID
        self.unitID = unitID
        self.pdu = pdu
    }

    /// The MBAP header for this frame.
    public var header: MBAPHeader {
        MBAPHeader(transactionID: transactionID, length: UInt16(truncatingIfNeeded: pdu.count + 1), unitID: unitID)
    }

    /// The ADU bytes: MBAP header, then the PDU.
    ///
    /// - Throws: `ModbusEncodingError.pduTooLarge` for an empty PDU or one over 253 bytes.
    public func encode() throws(ModbusEncodingError) -> [UInt8] {
        guard (1...ModbusLimits.maximumPDUSize).contains(pdu.count) else {
            throw ModbusEncodingError(.pduTooLarge, "a PDU has 1 to 253 bytes, this one \(pdu.count)")
        }
        return header.bytes + pdu
    }
}
