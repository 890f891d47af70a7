import MillraceCore

/// An exception response from a Modbus server: the function that failed and why (Modbus Application Protocol v1.1b3 §7).
///
/// The function code is kept raw because a server answers unknown function codes too (`0x41` → `0xC1 0x01`).
public struct ModbusException: Error, Hashable, Sendable, CustomStringConvertible {
    /// The function code of the request, without the exception flag.
    public var functionCode: UInt8
    /// Why the server refused or failed the request.
    public var code: ExceptionCode

    /// An exception for a raw function code; the exception flag 0x80 is removed if present.
    public init(functionCode: UInt8, code: ExceptionCode) {
        self.functionCode = functionCode & 0x7F
        self.code = code
    }

    /// An exception for a known function.
    public init(function: FunctionCode, code: ExceptionCode) {
        self.init(functionCode: function.rawValue, code: code)
    }

    /// The function as a known code, or nil for function codes Millrace does not implement.
    public var function: FunctionCode? { FunctionCode(rawValue: functionCode) }

    /// The quality a value read through a failed request gets.
    ///
    /// Gateway failures and busy servers are communication problems; an illegal address or value means the
    /// tag configuration is wrong; a device failure is the device's own.
    public var quality: Quality {
        switch code {
        case .illegalFunction, .illegalDataAddress, .illegalDataValue: .configurationError
        case .serverDeviceFailure, .memoryParityError: Quality(.bad, .deviceFailure)
        case .acknowledge, .serverDeviceBusy, .gatewayPathUnavailable, .gatewayTargetDeviceFailedToRespond:
            .communicationFailure
        }
    }

    public var description: String {
        let hex = String(functionCode, radix: 16, uppercase: true)
        return "Modbus exception \(code) for function 0x\(hex.count < 2 ? "0" + hex : hex)"
    }
}
