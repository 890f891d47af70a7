import MillraceCore

/// A role held on an asset subtree, or on the whole installation when `scope` is nil.
///
/// "operator on dayton/packaging/line-2" lets a contractor acknowledge alarms of line 2 and of every asset
/// below it, and nothing elsewhere (`AssetPath.contains`).
public struct RoleBinding: Hashable, Sendable, Codable, CustomStringConvertible {
    public var role: Role
    public var scope: AssetPath?

    public init(role: Role, scope: AssetPath? = nil) {
        self.role = role
        self.scope = scope
    }

    /// Whether this binding covers `asset` (nil: an installation-wide action, covered only by an unscoped binding).
    public func covers(_ asset: AssetPath?) -> Bool {
        guard let scope else { return true }
        guard let asset else { return false }
        return scope.contains(asset)
    }

    /// Whether this binding grants `permission` on `asset`.
    public func grants(_ permission: Permission, on asset: AssetPath?) -> Bool {
        guard role.permissions.contains(permission) else { return false }
        if permission.isGlobal { return scope == nil }
        return covers(asset)
    }

    public var description: String { "\(role) on \(scope.map { $0.description } ?? "all assets")" }
}
