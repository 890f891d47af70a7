import MillraceCore

/// Where a second factor is mandatory: for everyone, or for anyone holding a role on given sites
/// (USERS.md: the security officer "enforces MFA for everyone"; the issue: "enforceable per site or
/// globally"). OWASP Multifactor Authentication Cheat Sheet: require MFA at least for privileged users.
public struct MFAPolicy: Hashable, Sendable, Codable {
    /// MFA for every user.
    public var requiredForEveryone: Bool
    /// MFA for users with any binding on, above or below these asset paths (usually sites).
    public var requiredScopes: [AssetPath]
    /// MFA for users holding at least this role anywhere (nil: no role rule). Default: admins.
    public var requiredFromRole: Role?

    public init(requiredForEveryone: Bool = false, requiredScopes: [AssetPath] = [], requiredFromRole: Role? = .admin) {
        self.requiredForEveryone = requiredForEveryone
        self.requiredScopes = requiredScopes
        self.requiredFromRole = requiredFromRole
    }

    /// Whether a user with `bindings` must pass a second factor. Service accounts and API tokens are
    /// non-interactive and are not subject to it.
    public func isRequired(for bindings: [RoleBinding]) -> Bool {
        if requiredForEveryone { return true }
        if let requiredFromRole, bindings.contains(where: { $0.role >= requiredFromRole }) { return true }
        return bindings.contains { binding in
            guard let scope = binding.scope else { return !requiredScopes.isEmpty }  // unscoped covers every site
            return requiredScopes.contains { $0.contains(scope) || scope.contains($0) }
        }
    }
}
