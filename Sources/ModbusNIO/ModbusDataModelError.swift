import ModbusCore

/// Why a data model refused a read or write; the server answers with `exceptionCode` (Modbus Application
/// Protocol v1.1b3 §7).
public struct ModbusDataModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The exception code sent to the client.
    public var exceptionCode: ExceptionCode

    /// An error answered with `exceptionCode`.
    public init(_ exceptionCode: ExceptionCode) {
        self.exceptionCode = exceptionCode
    }

    public var description: String { "Modbus data model refused the request: \(exceptionCode)" }
}
