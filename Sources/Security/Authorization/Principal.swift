/// Who is acting: a person, an integration's API token, or an edge node's service account.
///
/// The kind and id go into every audit record; the bindings decide what the principal may do. An API
/// token additionally carries `permissionLimit`, the token's scopes: it can never do more than its owner's
/// bindings allow, and only what the scopes name.
public struct Principal: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        case user
        case apiToken
        case serviceAccount
    }

    public var kind: Kind
    /// A stable id: the user name, the token's public id, or the service account name.
    public var id: String
    public var bindings: [RoleBinding]
    /// For API tokens, the permissions the token was issued for; nil means no further limit.
    public var permissionLimit: Set<Permission>?
    /// A disabled principal is denied everything (a user who left, a revoked edge node).
    public var isDisabled: Bool

    public init(
        kind: Kind, id: String, bindings: [RoleBinding], permissionLimit: Set<Permission>? = nil,
        isDisabled: Bool = false
    ) {
        self.kind = kind
        self.id = id
        self.bindings = bindings
        self.permissionLimit = permissionLimit
        self.isDisabled = isDisabled
    }

    public static func user(_ id: String, _ bindings: RoleBinding...) -> Principal {
        Principal(kind: .user, id: id, bindings: bindings)
    }

    public var description: String { "\(kind.rawValue) '\(id)'" }
}
