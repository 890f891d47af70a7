extension ModbusClientStateMachine {
    /// The connection as seen from outside.
    public enum ConnectionState: Hashable, Sendable {
        /// No connection; a reconnect may be scheduled.
        case disconnected
        /// `.openConnection` was requested and has not been reported yet.
        case connecting
        /// Requests are sent and answered.
        case connected
        /// A close was requested and has not completed.
        case closing
    }
}
