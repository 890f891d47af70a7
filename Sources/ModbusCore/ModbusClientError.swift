import MillraceCore

/// Why a Modbus client request failed: no answer in time, a lost connection, an exception from the
/// server, or a peer that broke the protocol.
///
/// `Code` is a struct so that adding a code breaks nobody. `quality` says how values read through the
/// failed request are marked.
public struct ModbusClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Base: Hashable, Sendable {
            case timeout, connectionLost, protocolViolation, exception, clientClosed, queueFull, invalidRequest
            case tooManyTimeouts
        }
        let base: Base

        /// No response before the request's deadline.
        public static let timeout = Code(base: .timeout)
        /// The connection closed or failed while the request was in flight.
        public static let connectionLost = Code(base: .connectionLost)
        /// The server sent something that is not a valid answer: an unknown transaction id, another unit id,
        /// a malformed frame or a response to another function. The connection is closed.
        public static let protocolViolation = Code(base: .protocolViolation)
        /// The server answered with an exception response (see `exception`).
        public static let exception = Code(base: .exception)
        /// The client was closed before the request completed.
        public static let clientClosed = Code(base: .clientClosed)
        /// The request queue was full; the request was never sent.
        public static let queueFull = Code(base: .queueFull)
        /// The request breaks a protocol limit and cannot be encoded; it was never sent.
        public static let invalidRequest = Code(base: .invalidRequest)
        /// So many requests timed out that the connection is considered dead and is closed.
        public static let tooManyTimeouts = Code(base: .tooManyTimeouts)

        public var description: String { "\(base)" }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for the log.
    public var message: String
    /// The server's exception, for `.exception`.
    public var exception: ModbusException?
    /// The decoding failure behind a `.protocolViolation`, when there was one.
    public var decodingError: ModbusDecodingError?

    /// An error with its code and message, and the exception or decoding error behind it.
    public init(
        _ code: Code, _ message: String, exception: ModbusException? = nil, decodingError: ModbusDecodingError? = nil
    ) {
        self.code = code
        self.message = message
        self.exception = exception
        self.decodingError = decodingError
    }

    /// The quality of values that could not be read because of this error.
    public var quality: Quality {
        switch code.base {
        case .exception: exception?.quality ?? .communicationFailure
        case .invalidRequest: .configurationError
        case .clientClosed: .notConnected
        case .timeout, .connectionLost, .protocolViolation, .queueFull, .tooManyTimeouts: .communicationFailure
        }
    }

    public var description: String { "Modbus client error (\(code)): \(message)" }
}
