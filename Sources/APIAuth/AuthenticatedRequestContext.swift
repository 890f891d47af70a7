import Hummingbird
import MillraceCore
import MillraceSecurity
import NIOCore
import SecurityStore

/// A request context that carries who the request acts as. `AuthMiddleware` fills `authentication`;
/// route handlers read it through `requirePermission`.
public protocol AuthenticatedRequestContext: RequestContext {
    /// Set by `AuthMiddleware` once the credential was checked; nil on the allow-listed public paths.
    var authentication: Authentication? { get set }
    /// The client's address for the audit trail and the login throttle.
    var clientAddress: String { get }
}

/// The request context of the Millrace HTTP API: Hummingbird's basic context plus the authenticated
/// principal and the client's address. Switch the API's router to it with
/// `Router(context: MillraceRequestContext.self)` (docs/adr/0015-api-authentication.md).
public struct MillraceRequestContext: AuthenticatedRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var authentication: Authentication?
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    public var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}

extension AuthenticatedRequestContext {
    /// The authenticated principal; throws 401 on a route the middleware let through unauthenticated.
    public func principal() throws(AuthHTTPError) -> Principal {
        guard let authentication else {
            throw AuthHTTPError(.unauthorized, code: "unauthenticated", "log in or send an API token")
        }
        return authentication.principal
    }

    /// Returns the principal if it may use `permission` on `asset` (nil: installation-wide); throws 403
    /// with the `Authorizer`'s explanation otherwise. Call it first in every route handler:
    ///
    ///     let principal = try context.requirePermission(.readData, on: tag.asset)
    @discardableResult
    public func requirePermission(_ permission: Permission, on asset: AssetPath? = nil) throws(AuthHTTPError)
        -> Principal
    {
        let who = try principal()
        let decision = Authorizer().can(who, permission, on: asset)
        guard decision.isAllowed else { throw AuthHTTPError(.forbidden, code: "forbidden", decision.reason) }
        return who
    }

    /// The OT-safety gate for a device write (writable tag, `writeDevices` on the asset, a reason); 403 otherwise.
    @discardableResult
    public func requireWrite(tagWritable: Bool, on asset: AssetPath, reason: String) throws(AuthHTTPError) -> Principal {
        let who = try principal()
        let decision = Authorizer().canWrite(who, tagWritable: tagWritable, on: asset, reason: reason)
        guard decision.isAllowed else { throw AuthHTTPError(.forbidden, code: "forbidden", decision.reason) }
        return who
    }

    /// The actor to record in the audit trail for this request.
    public var auditActor: AuditActor {
        guard let authentication else { return AuditActor(kind: .anonymous, id: "-", sourceAddress: clientAddress) }
        return AuditActor(authentication.principal, sourceAddress: clientAddress)
    }
}
