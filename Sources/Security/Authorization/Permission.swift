/// Something a principal may do. Asset-scoped permissions are granted per asset subtree; global ones
/// (user management, the audit trail) only by a binding without a scope.
public enum Permission: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Read live values, history, alarms and findings.
    case readData
    /// Acknowledge alarms.
    case acknowledgeAlarms
    /// Shelve (temporarily suppress) alarms, with a reason.
    case shelveAlarms
    /// Write values to devices (setpoints, commands). Also needs the tag marked writable.
    case writeDevices
    /// Change connections, tags, alarm limits and asset configuration.
    case configure
    /// Create users, change roles, issue API tokens and service accounts.
    case manageUsers
    /// Read and verify the audit trail.
    case readAudit

    /// Whether the permission concerns the whole installation rather than an asset subtree.
    public var isGlobal: Bool { self == .manageUsers || self == .readAudit }

    /// The least role that holds this permission.
    public var minimumRole: Role { Role.allCases.first { $0.permissions.contains(self) } ?? .admin }

    public var description: String { rawValue }
}
