import MillraceCore

/// Decides what a principal may do, from its role bindings alone: deny by default, allow when one binding
/// grants the permission on a scope containing the asset (OWASP Authorization Cheat Sheet: deny by
/// default, least privilege, validate on every request).
///
/// Pure and stateless; the API calls it on every request with the resolved principal.
public struct Authorizer: Sendable {
    public init() {}

    /// Whether `principal` may use `permission` on `asset` (nil for installation-wide actions).
    public func can(_ principal: Principal, _ permission: Permission, on asset: AssetPath? = nil)
        -> AuthorizationDecision
    {
        let target = asset.map { "on \($0)" } ?? "installation-wide"
        if principal.isDisabled { return .denied("\(principal) is disabled") }
        if let limit = principal.permissionLimit, !limit.contains(permission) {
            let scopes = limit.map(\.rawValue).sorted().joined(separator: ", ")
            return .denied("\(principal) was issued for [\(scopes)], not \(permission)")
        }
        if permission.isGlobal, asset != nil {
            return .denied("\(permission) is installation-wide and cannot be checked on an asset")
        }
        if let binding = principal.bindings.sorted(by: { $0.role > $1.role }).first(where: {
            $0.grants(permission, on: asset)
        }) {
            return .allowed(by: binding, "\(principal) holds \(binding)")
        }
        let needed = permission.minimumRole
        let requirement =
            permission.isGlobal
            ? "\(needed) or higher on all assets"
            : "\(needed) or higher on \(asset.map { "a scope containing \($0)" } ?? "all assets")"
        let held =
            principal.bindings.isEmpty
            ? "no role bindings" : principal.bindings.map(\.description).joined(separator: "; ")
        return .denied("\(permission) \(target) requires \(requirement); \(principal) holds \(held)")
    }

    /// The OT-safety gate for a device write: the tag must be configured writable, the principal must
    /// hold `writeDevices` on the asset, and a reason must be given for the audit record.
    public func canWrite(_ principal: Principal, tagWritable: Bool, on asset: AssetPath, reason: String)
        -> AuthorizationDecision
    {
        guard tagWritable else {
            return .denied("the tag is not configured as writable; Millrace never writes to read-only tags")
        }
        guard !reason.allSatisfy(\.isWhitespace) else {
            return .denied("a device write needs a reason for the audit trail")
        }
        return can(principal, .writeDevices, on: asset)
    }
}
