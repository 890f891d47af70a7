import GRDB
import MillraceCore
import MillraceSecurity

extension SecurityStore {
    /// Adds a user with its role bindings; throws `.duplicate` if the name (case-insensitive) is taken.
    public func insertUser(_ user: UserRecord) throws(SecurityStoreError) {
        try write("add the user '\(user.name)'") { db in
            try db.execute(
                sql: """
                    INSERT INTO user (name, password_hash, disabled, mfa_secret, mfa_pending_secret, recovery_codes,
                        last_totp_step, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    user.name, user.passwordHash, user.disabled, user.mfaSecret, user.mfaPendingSecret,
                    user.recoveryCodes.hashes.joined(separator: ","), user.lastTOTPStep, user.createdAt.microseconds,
                ])
            try Self.replaceBindings(db, kind: "user", subject: user.name, user.bindings)
        }
    }

    /// Replaces everything but the name, the creation time and the bindings.
    public func updateUser(_ user: UserRecord) throws(SecurityStoreError) {
        try write("update the user '\(user.name)'") { db in
            try db.execute(
                sql: """
                    UPDATE user SET password_hash = ?, disabled = ?, mfa_secret = ?, mfa_pending_secret = ?,
                        recovery_codes = ?, last_totp_step = ? WHERE name = ?
                    """,
                arguments: [
                    user.passwordHash, user.disabled, user.mfaSecret, user.mfaPendingSecret,
                    user.recoveryCodes.hashes.joined(separator: ","), user.lastTOTPStep, user.name,
                ])
        }
    }

    /// Replaces a user's role bindings.
    public func setBindings(ofUser name: String, _ bindings: [RoleBinding]) throws(SecurityStoreError) {
        try write("set the roles of '\(name)'") { db in
            try Self.replaceBindings(db, kind: "user", subject: name, bindings)
        }
    }

    /// The user named `name` (case-insensitive), or nil.
    public func user(named name: String) throws(SecurityStoreError) -> UserRecord? {
        let rows = try read("read the user '\(name)'") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ?", arguments: [name]).map {
                ($0, try Self.bindings(db, kind: "user", subject: $0["name"]))
            }
        }
        guard let (row, bindings) = rows else { return nil }
        return try Self.user(row, bindings: bindings)
    }

    /// Every user, by name.
    public func users() throws(SecurityStoreError) -> [UserRecord] {
        let rows = try read("list the users") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY name").map {
                ($0, try Self.bindings(db, kind: "user", subject: $0["name"]))
            }
        }
        var users: [UserRecord] = []
        for (row, bindings) in rows { users.append(try Self.user(row, bindings: bindings)) }
        return users
    }

    /// How many users exist (zero means first start: setup is needed).
    public func userCount() throws(SecurityStoreError) -> Int {
        try read("count the users") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user") ?? 0 }
    }

    // MARK: - Rows

    static func replaceBindings(_ db: Database, kind: String, subject: String, _ bindings: [RoleBinding]) throws {
        try db.execute(
            sql: "DELETE FROM role_binding WHERE subject_kind = ? AND subject = ?", arguments: [kind, subject])
        for binding in bindings {
            try db.execute(
                sql: "INSERT INTO role_binding (subject_kind, subject, role, scope) VALUES (?, ?, ?, ?)",
                arguments: [kind, subject, binding.role.rawValue, binding.scope?.description])
        }
    }

    /// Raw `(role, scope)` pairs; parsed outside the database closure so parse errors stay typed.
    static func bindings(_ db: Database, kind: String, subject: String) throws -> [(String, String?)] {
        try Row.fetchAll(
            db, sql: "SELECT role, scope FROM role_binding WHERE subject_kind = ? AND subject = ? ORDER BY rowid",
            arguments: [kind, subject]
        ).map { ($0["role"], $0["scope"]) }
    }

    static func parseBindings(_ raw: [(String, String?)], of subject: String) throws(SecurityStoreError) -> [RoleBinding] {
        var result: [RoleBinding] = []
        for (roleText, scopeText) in raw {
            guard let role = Role(rawValue: roleText) else {
                throw SecurityStoreError(.corruptRow, "'\(subject)' has the unknown role '\(roleText.prefix(40))'")
            }
            var scope: AssetPath?
            if let scopeText {
                do { scope = try AssetPath(scopeText) } catch {
                    throw SecurityStoreError(.corruptRow, "'\(subject)' has a role scope that \(error.description)")
                }
            }
            result.append(RoleBinding(role: role, scope: scope))
        }
        return result
    }

    static func user(_ row: Row, bindings: [(String, String?)]) throws(SecurityStoreError) -> UserRecord {
        let name: String = row["name"]
        let codes: String = row["recovery_codes"]
        return UserRecord(
            name: name, passwordHash: row["password_hash"], disabled: row["disabled"], mfaSecret: row["mfa_secret"],
            mfaPendingSecret: row["mfa_pending_secret"],
            recoveryCodes: RecoveryCodes(hashes: codes.split(separator: ",").map(String.init)),
            lastTOTPStep: row["last_totp_step"], createdAt: Timestamp(microseconds: row["created_at"]),
            bindings: try parseBindings(bindings, of: name))
    }
}
