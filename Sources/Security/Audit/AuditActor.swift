/// Who did something, as recorded in the audit trail.
public struct AuditActor: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        case user
        case apiToken
        case serviceAccount
        /// Millrace itself (scheduled jobs, startup).
        case system
        /// Not yet authenticated (failed logins of unknown users).
        case anonymous
    }

    public var kind: Kind
    public var id: String
    /// The client's address, when the action came over the network.
    public var sourceAddress: String?

    public init(kind: Kind, id: String, sourceAddress: String? = nil) {
        self.kind = kind
        self.id = id
        self.sourceAddress = sourceAddress
    }

    /// The actor for an authenticated principal.
    public init(_ principal: Principal, sourceAddress: String? = nil) {
        let kind: Kind =
            switch principal.kind {
            case .user: .user
            case .apiToken: .apiToken
            case .serviceAccount: .serviceAccount
            }
        self.init(kind: kind, id: principal.id, sourceAddress: sourceAddress)
    }

    public static let system = AuditActor(kind: .system, id: "millrace")

    var canonical: CanonicalJSON {
        var fields: [String: CanonicalJSON] = ["kind": .string(kind.rawValue), "id": .string(id)]
        if let sourceAddress { fields["address"] = .string(sourceAddress) }
        return .object(fields)
    }

    public var description: String { "\(kind.rawValue) '\(id)'" + (sourceAddress.map { " from \($0)" } ?? "") }
}
