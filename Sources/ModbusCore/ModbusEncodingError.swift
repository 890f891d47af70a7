/// A request or response that cannot be put on the wire because it breaks a protocol limit.
///
/// Unlike `ModbusDecodingError` this is a local mistake (a tag configuration asking for 126 registers, an
/// empty write), never bad input from a peer.
public struct ModbusEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What limit was broken.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Base: Hashable, Sendable { case quantityOutOfRange, addressOutOfRange, pduTooLarge, invalidValue }
        let base: Base

        /// A quantity of coils or registers outside the allowed range (Modbus Application Protocol v1.1b3 §6).
        public static let quantityOutOfRange = Code(base: .quantityOutOfRange)
        /// Start address plus quantity runs past 0xFFFF.
        public static let addressOutOfRange = Code(base: .addressOutOfRange)
        /// The PDU would be longer than 253 bytes.
        public static let pduTooLarge = Code(base: .pduTooLarge)
        /// A value the protocol cannot carry (for example a device identification object over 255 bytes).
        public static let invalidValue = Code(base: .invalidValue)

        public var description: String { "\(base)" }
    }

    /// Which limit was broken.
    public var code: Code
    /// A sentence naming the function, the field and the allowed range.
    public var message: String

    /// An error with its code and an explanation.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "cannot encode Modbus PDU (\(code)): \(message)" }
}
