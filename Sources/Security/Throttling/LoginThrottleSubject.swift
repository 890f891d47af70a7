/// What a lockout applies to.
public enum LoginThrottleSubject: Hashable, Sendable, CustomStringConvertible {
    case user(String)
    case address(String)

    public var description: String {
        switch self {
        case .user(let name): "user '\(name)'"
        case .address(let address): "address \(address)"
        }
    }
}
