/// The exception codes a server returns in an exception response (Modbus Application Protocol v1.1b3 §7).
public enum ExceptionCode: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// 0x01: the function code is not supported by the server.
    case illegalFunction = 0x01
    /// 0x02: the data address (or address plus quantity) is not allowed by the server.
    case illegalDataAddress = 0x02
    /// 0x03: a value in the request, for example the quantity or a byte count, is not allowed.
    case illegalDataValue = 0x03
    /// 0x04: an unrecoverable error occurred while the server performed the action.
    case serverDeviceFailure = 0x04
    /// 0x05: the server accepted a long-running request; poll for completion later.
    case acknowledge = 0x05
    /// 0x06: the server is busy with a long-running command; retry later.
    case serverDeviceBusy = 0x06
    /// 0x08: the server found a parity error in extended memory (function codes 20 and 21).
    case memoryParityError = 0x08
    /// 0x0A: the gateway could not allocate a path to the target device (misconfigured or overloaded gateway).
    case gatewayPathUnavailable = 0x0A
    /// 0x0B: the gateway got no answer from the target device (device offline or wrong unit id).
    case gatewayTargetDeviceFailedToRespond = 0x0B

    public var description: String {
        switch self {
        case .illegalFunction: "illegal function (0x01)"
        case .illegalDataAddress: "illegal data address (0x02)"
        case .illegalDataValue: "illegal data value (0x03)"
        case .serverDeviceFailure: "server device failure (0x04)"
        case .acknowledge: "acknowledge (0x05)"
        case .serverDeviceBusy: "server device busy (0x06)"
        case .memoryParityError: "memory parity error (0x08)"
        case .gatewayPathUnavailable: "gateway path unavailable (0x0A)"
        case .gatewayTargetDeviceFailedToRespond: "gateway target device failed to respond (0x0B)"
        }
    }
}
