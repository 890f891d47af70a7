/// The 7-byte MBAP header that precedes every PDU on Modbus TCP (Modbus Messaging on TCP/IP v1.0b §3.1.3).
///
/// ```
/// 0      2      4      6   7
/// +------+------+------+---+------------+
/// | tid  | pid=0| len  |uid| PDU ...    |   len counts uid + PDU, big-endian
/// +------+------+------+---+------------+
/// ```
public struct MBAPHeader: Hashable, Sendable {
    /// The size of the header in bytes.
    public static let size = 7
    /// The length field counts the unit id and the PDU: 1 + 1 to 1 + 253 (§3.1.3, §4.1).
    public static let lengthRange: ClosedRange<Int> = 2...254

    /// Pairs a response with its request; chosen by the client, echoed by the server.
    public var transactionID: UInt16
    /// Always 0 for Modbus.
    public var protocolID: UInt16
    /// The number of bytes that follow the length field: unit id plus PDU.
    public var length: UInt16
    /// The unit (slave) id behind a gateway; 0xFF or 0 when talking to a TCP device directly.
    public var unitID: UInt8

    /// A header; `length` counts the unit id and the PDU.
    public init(transactionID: UInt16, protocolID: UInt16 = 0, length: UInt16, unitID: UInt8) {
        self.transactionID = transactionID
        self.protocolID = protocolID
        self.length = length
        self.unitID = unitID
    }

    /// The 7 header bytes.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.size)
        bytes.appendUInt16(transactionID)
        bytes.appendUInt16(protocolID)
        bytes.appendUInt16(length)
        bytes.append(unitID)
        return bytes
    }
}
