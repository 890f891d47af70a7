import MillraceCore

/// Something the security officer should see as an alarm (USERS.md: "sees failed logins and unknown
/// devices as alarms"). Emitted by the pure state machines; the app raises alarms and audit records.
public enum SecurityEvent: Hashable, Sendable, CustomStringConvertible {
    /// A user name was locked out after `failures` consecutive failures, for the `lockoutNumber`-th time.
    case userLockedOut(username: String, until: Timestamp, failures: Int, lockoutNumber: Int)
    /// A source address was locked out.
    case addressLockedOut(address: String, until: Timestamp, failures: Int, lockoutNumber: Int)
    /// `failures` failed logins across all accounts within `window`: a password-spraying or
    /// credential-stuffing burst.
    case failedLoginBurst(failures: Int, window: Duration, at: Timestamp)
    /// A user logged in from an address none of their earlier logins came from: a new device, or stolen credentials.
    case newClientAddress(username: String, address: String, at: Timestamp)

    public var description: String {
        switch self {
        case .userLockedOut(let username, let until, let failures, let number):
            "user '\(username)' locked out until \(until) after \(failures) failed logins (lockout #\(number))"
        case .addressLockedOut(let address, let until, let failures, let number):
            "address \(address) locked out until \(until) after \(failures) failed logins (lockout #\(number))"
        case .failedLoginBurst(let failures, let window, let at):
            "burst of failed logins: \(failures) within \(window) at \(at)"
        case .newClientAddress(let username, let address, let at):
            "user '\(username)' logged in from a new address \(address) at \(at)"
        }
    }
}
