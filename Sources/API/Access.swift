import APIAuth
import Historian
import Hummingbird
import MillraceCore
import MillraceSecurity

/// The request context of every API route (ADR 0015): Hummingbird's basic context plus who the request acts as.
public typealias APIContext = MillraceRequestContext

/// What the authenticated principal of a request may read, for routes that return several assets' data: lists
/// are narrowed to the asset subtrees a role is bound to, single resources outside them answer 403.
struct ReadAccess {
    let principal: Principal

    init(_ context: APIContext) throws {
        principal = try context.requirePermission(.readData, on: nil as AssetPath?, orAnyScope: true)
    }

    /// Whether the principal may read data of `asset` (nil: data not tied to an asset, installation-wide).
    func canRead(_ asset: AssetPath?) -> Bool {
        Authorizer().can(principal, .readData, on: asset).isAllowed
    }

    /// Whether the principal may read `asset` or anything below it (a hierarchy node shown to reach them).
    func canReadAnything(under asset: AssetPath) -> Bool {
        if canRead(asset) { return true }
        return principal.bindings.contains { binding in
            binding.role.permissions.contains(.readData) && binding.scope.map { asset.contains($0) } ?? true
        } && (principal.permissionLimit?.contains(.readData) ?? true) && !principal.isDisabled
    }

    /// Whether the principal reads the whole installation (no scope narrows it).
    var readsEverything: Bool { canRead(nil) }
}

extension AuthenticatedRequestContext {
    /// `requirePermission`, except that with `orAnyScope` a principal holding the permission on any asset
    /// subtree passes (its lists are then narrowed by `ReadAccess`).
    func requirePermission(_ permission: Permission, on asset: AssetPath?, orAnyScope: Bool) throws(AuthHTTPError) -> Principal {
        guard orAnyScope, asset == nil else { return try requirePermission(permission, on: asset) }
        let who = try principal()
        if Authorizer().can(who, permission, on: nil).isAllowed { return who }
        let scoped = who.bindings.contains { $0.scope != nil && $0.grants(permission, on: $0.scope) }
        guard scoped, !who.isDisabled, who.permissionLimit?.contains(permission) ?? true else {
            return try requirePermission(permission, on: nil)  // throws with the Authorizer's explanation
        }
        return who
    }
}

extension APIEnvironment {
    /// The tag of a request's `{id}`, after checking the principal may read its asset: 404 for an unknown tag,
    /// 403 outside the principal's scope.
    func readableTag(_ context: APIContext) async throws -> TagMetadata {
        let id = try QueryParameters.tagID(context)
        let tags = try await APIRouter.historian { try await store.tags() }
        guard let tag = tags.first(where: { $0.id == id }) else {
            throw APIError(.notFound, code: "unknownTag", "no tag has the id '\(id)'")
        }
        try context.requirePermission(.readData, on: tag.asset)
        return tag
    }
}
