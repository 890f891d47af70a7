/// How Modbus PDUs are framed on the TCP connection.
public enum ModbusTransport: Hashable, Sendable {
    /// Modbus TCP: MBAP header with transaction ids (Modbus Messaging on TCP/IP v1.0b). The normal case.
    case tcp
    /// RTU frames (address, PDU, CRC) forwarded over TCP by a serial gateway. Frames carry no transaction
    /// id, so answers are matched in order; use a pipeline window of 1.
    case rtuOverTCP
}
