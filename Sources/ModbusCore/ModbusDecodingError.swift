/// Bytes from a peer that are not valid Modbus: a malformed PDU, a lying MBAP length, a bad CRC.
///
/// The error names what was wrong (`code`), where (`offset`, counted from the start of the PDU or of the
/// stream buffer that was being decoded) and carries the raw bytes it looked at (at most 300), so a capture
/// can be reproduced. `Code` is a struct, not an enum, so that adding a code is not a breaking change.
public struct ModbusDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of malformation was found.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Base: Hashable, Sendable {
            case truncated, trailingBytes, unsupportedFunction, unsupportedMEIType, quantityOutOfRange
            case addressOutOfRange, byteCountMismatch, invalidValue, unknownExceptionCode, pduTooLarge
            case protocolIdentifierMismatch, invalidLength, crcMismatch, unexpectedResponse
        }
        let base: Base

        /// The PDU ends before a field it must contain.
        public static let truncated = Code(base: .truncated)
        /// The PDU has bytes after its last field.
        public static let trailingBytes = Code(base: .trailingBytes)
        /// The function code is not one Millrace implements.
        public static let unsupportedFunction = Code(base: .unsupportedFunction)
        /// Function 0x2B carries an MEI type other than 0x0E (read device identification).
        public static let unsupportedMEIType = Code(base: .unsupportedMEIType)
        /// A quantity of coils or registers is outside the range the specification allows.
        public static let quantityOutOfRange = Code(base: .quantityOutOfRange)
        /// Start address plus quantity runs past 0xFFFF.
        public static let addressOutOfRange = Code(base: .addressOutOfRange)
        /// A byte count does not match the quantity or the bytes that follow it.
        public static let byteCountMismatch = Code(base: .byteCountMismatch)
        /// A field holds a value the specification does not allow (a coil value other than 0xFF00/0x0000, ...).
        public static let invalidValue = Code(base: .invalidValue)
        /// An exception response carries an exception code not defined in §7.
        public static let unknownExceptionCode = Code(base: .unknownExceptionCode)
        /// The PDU is longer than 253 bytes.
        public static let pduTooLarge = Code(base: .pduTooLarge)
        /// The MBAP protocol identifier is not 0 (Modbus Messaging on TCP/IP v1.0b §3.1.3).
        public static let protocolIdentifierMismatch = Code(base: .protocolIdentifierMismatch)
        /// The MBAP length field is below 2 or above 254.
        public static let invalidLength = Code(base: .invalidLength)
        /// The CRC of an RTU frame does not match its content.
        public static let crcMismatch = Code(base: .crcMismatch)
        /// A well-formed response that does not answer the request it was matched to.
        public static let unexpectedResponse = Code(base: .unexpectedResponse)

        public var description: String { "\(base)" }
    }

    /// The largest number of raw bytes an error keeps.
    public static let maximumBytesKept = 300

    /// What kind of malformation was found.
    public var code: Code
    /// Where the problem was found, in bytes from the start of the decoded input.
    public var offset: Int
    /// The bytes that were being decoded (at most `maximumBytesKept`).
    public var bytes: [UInt8]
    /// A sentence for the log, naming the field and the values involved.
    public var message: String

    /// An error at `offset` of `bytes` (of which the first `maximumBytesKept` are kept).
    public init(_ code: Code, offset: Int, bytes: some Collection<UInt8>, message: String) {
        self.code = code
        self.offset = offset
        self.bytes = Array(bytes.prefix(Self.maximumBytesKept))
        self.message = message
    }

    /// The exception code a server answers with when a request fails to decode with this error, or nil when
    /// the error is in the framing and the connection must be closed instead (Modbus Application Protocol
    /// v1.1b3 §7 and the state diagrams of §6: quantity errors give 0x03, address errors 0x02, unknown
    /// functions 0x01). This is the one place internal decoding errors map to wire codes.
    public var exceptionCode: ExceptionCode? {
        switch code.base {
        case .unsupportedFunction, .unsupportedMEIType: .illegalFunction
        case .addressOutOfRange: .illegalDataAddress
        case .truncated, .trailingBytes, .quantityOutOfRange, .byteCountMismatch, .invalidValue, .pduTooLarge:
            .illegalDataValue
        case .unknownExceptionCode, .protocolIdentifierMismatch, .invalidLength, .crcMismatch, .unexpectedResponse:
            nil
        }
    }

    public var description: String {
        let hex = bytes.prefix(32).map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count < 2 ? "0" + digits : digits
        }
        let more = bytes.count > 32 ? " …" : ""
        return "Modbus decoding error \(code) at offset \(offset): \(message) [\(hex.joined(separator: " "))\(more)]"
    }
}
