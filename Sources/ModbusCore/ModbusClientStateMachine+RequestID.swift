extension ModbusClientStateMachine {
    /// Identifies one submitted request across the actions that concern it.
    public struct RequestID: Hashable, Sendable, Comparable, CustomStringConvertible {
        /// The sequence number, starting at 1.
        public var rawValue: UInt64
        /// The id with this sequence number.
        public init(_ rawValue: UInt64) { self.rawValue = rawValue }
        public static func < (lhs: RequestID, rhs: RequestID) -> Bool { lhs.rawValue < rhs.rawValue }
        public var description: String { "#\(rawValue)" }
    }
}
