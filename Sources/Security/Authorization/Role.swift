/// The four roles, each holding the permissions of the ones below it: viewer < operator < engineer < admin.
///
/// Fixed roles rather than custom permission sets keep reviews simple for the plant security officer
/// (see docs/adr/security-roles-and-scopes.md).
public enum Role: String, Hashable, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Sees data, alarms and findings.
    case viewer
    /// Runs the process: acknowledges and shelves alarms.
    case `operator`
    /// Configures connections, tags, alarms and assets; writes to devices where tags allow it.
    case engineer
    /// Manages users, roles, tokens and reads the audit trail.
    case admin

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Every permission this role grants, including those of lower roles.
    public var permissions: Set<Permission> {
        switch self {
        case .viewer: [.readData]
        case .operator: Role.viewer.permissions.union([.acknowledgeAlarms, .shelveAlarms])
        case .engineer: Role.operator.permissions.union([.writeDevices, .configure])
        case .admin: Role.engineer.permissions.union([.manageUsers, .readAudit])
        }
    }

    public var description: String { rawValue }
}
