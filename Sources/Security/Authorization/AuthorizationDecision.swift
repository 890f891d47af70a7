/// The answer to "may this principal do this here?", with the reason, for the UI, the API's 403 body and
/// the audit trail.
public struct AuthorizationDecision: Hashable, Sendable, CustomStringConvertible {
    public var isAllowed: Bool
    /// Why: the binding that allowed it, or what is missing.
    public var reason: String
    /// The binding that granted the permission, when allowed.
    public var grantingBinding: RoleBinding?

    public static func allowed(by binding: RoleBinding?, _ reason: String) -> AuthorizationDecision {
        AuthorizationDecision(isAllowed: true, reason: reason, grantingBinding: binding)
    }

    public static func denied(_ reason: String) -> AuthorizationDecision {
        AuthorizationDecision(isAllowed: false, reason: reason, grantingBinding: nil)
    }

    public var description: String { (isAllowed ? "allowed: " : "denied: ") + reason }
}
