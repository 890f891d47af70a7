/// The outcome of checking a one-time password.
public enum TOTPVerification: Hashable, Sendable {
    /// The code is valid for `step`; store `step` as the last used step to block its replay.
    case accepted(step: Int64)
    /// The code is valid but for a step already used (or older): a replay (RFC 6238 §5.2).
    case replayed
    /// The code matches no step in the window, or is not `digits` decimal digits.
    case rejected

    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }
}
