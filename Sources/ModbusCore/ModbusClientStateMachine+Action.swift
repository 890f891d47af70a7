extension ModbusClientStateMachine {
    /// A side effect for the channel handler to perform, in order.
    public enum Action: Hashable, Sendable {
        /// Open a TCP connection to the server; report `connectionEstablished` or `connectionFailed`.
        case openConnection
        /// Write this frame (`frame.encode()` cannot fail: its PDU was encoded from a valid request).
        case sendFrame(ModbusTCPFrame)
        /// Complete the request with the server's response.
        case succeedRequest(RequestID, ModbusResponse)
        /// Fail the request.
        case failRequest(RequestID, ModbusClientError)
        /// Close the connection; report `connectionClosed` when it is closed.
        case closeConnection(ModbusClientError)
        /// Call `reconnectTimerFired()` after this delay.
        case scheduleReconnect(after: Duration)
    }
}
