/// One Modbus RTU ADU: unit address, PDU and CRC (Modbus over Serial Line v1.02 §2.5.1), as carried by
/// serial lines and by RTU-over-TCP gateways.
public struct ModbusRTUFrame: Hashable, Sendable {
    /// The address of the server (1 to 247 on a serial line, 0 for broadcast).
    public var unitID: UInt8
    /// The PDU: function code and data, 1 to 253 bytes.
    public var pdu: [UInt8]

    /// A frame for `pdu` addressed to `unitID`.
    public init(unitID: UInt8, pdu: [UInt8]) {
        self.unitID = unitID
        self.pdu = pdu
    }

    /// The ADU bytes: address, PDU, then the CRC low byte first (§2.5.1.2).
    ///
    /// - Throws: `ModbusEncodingError.pduTooLarge` for an empty PDU or one over 253 bytes.
    public func encode() throws(ModbusEncodingError) -> [UInt8] {
        guard (1...ModbusLimits.maximumPDUSize).contains(pdu.count) else {
            throw ModbusEncodingError(.pduTooLarge, "a PDU has 1 to 253 bytes, this one \(pdu.count)")
        }
        var bytes = [unitID] + pdu
        let crc = CRC16Modbus.checksum(bytes)
        bytes.append(UInt8(truncatingIfNeeded: crc))
        bytes.append(UInt8(truncatingIfNeeded: crc >> 8))
        return bytes
    }
}
