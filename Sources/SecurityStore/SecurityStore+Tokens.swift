import GRDB
import MillraceCore
import MillraceSecurity

extension SecurityStore {
    // MARK: - API tokens

    public func insertAPIToken(_ token: APIToken) throws(SecurityStoreError) {
        try write("store the API token '\(token.name)'") { db in
            try db.execute(
                sql: """
                    INSERT INTO api_token (token_hash, name, owner, scopes, created_at, expires_at, revoked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    token.tokenHash, token.name, token.owner, token.scopes.map(\.rawValue).sorted().joined(separator: ","),
                    token.createdAt.microseconds, token.expiresAt.microseconds, token.revokedAt?.microseconds,
                ])
        }
    }

    /// The token whose SHA-256 is `hash`.
    public func apiToken(hash: String) throws(SecurityStoreError) -> APIToken? {
        let row = try read("read an API token") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE token_hash = ?", arguments: [hash])
        }
        return try row.map { row throws(SecurityStoreError) in try Self.apiToken(row) }
    }

    /// The tokens of `owner`, or all tokens, oldest first.
    public func apiTokens(owner: String? = nil) throws(SecurityStoreError) -> [APIToken] {
        let rows = try read("list API tokens") { db in
            if let owner {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM api_token WHERE owner = ? ORDER BY created_at", arguments: [owner])
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY created_at")
        }
        var tokens: [APIToken] = []
        for row in rows { tokens.append(try Self.apiToken(row)) }
        return tokens
    }

    /// Marks the token whose public id (hash prefix) is `id` revoked; returns whether one was found.
    @discardableResult
    public func revokeAPIToken(id: String, at time: Timestamp) throws(SecurityStoreError) -> Bool {
        guard id.count >= 12, id.allSatisfy(\.isHexDigit) else { return false }
        return try write("revoke the API token \(id)") { db in
            try db.execute(
                sql: "UPDATE api_token SET revoked_at = ? WHERE token_hash LIKE ? AND revoked_at IS NULL",
                arguments: [time.microseconds, id.lowercased() + "%"])
            return db.changesCount > 0
        }
    }

    static func apiToken(_ row: Row) throws(SecurityStoreError) -> APIToken {
        let scopesText: String = row["scopes"]
        var scopes: Set<Permission> = []
        for name in scopesText.split(separator: ",") {
            guard let permission = Permission(rawValue: String(name)) else {
                throw SecurityStoreError(.corruptRow, "an API token has the unknown scope '\(name.prefix(40))'")
            }
            scopes.insert(permission)
        }
        return APIToken.restored(
            name: row["name"], owner: row["owner"], tokenHash: row["token_hash"], scopes: scopes,
            createdAt: Timestamp(microseconds: row["created_at"]), expiresAt: Timestamp(microseconds: row["expires_at"]),
            revokedAt: (row["revoked_at"] as Int64?).map(Timestamp.init(microseconds:)))
    }

    // MARK: - Service accounts

    public func insertServiceAccount(_ account: ServiceAccount) throws(SecurityStoreError) {
        try write("add the service account '\(account.name)'") { db in
            try db.execute(
                sql: """
                    INSERT INTO service_account (name, token_hash, created_at, expires_at, disabled)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    account.name, account.tokenHash, account.createdAt.microseconds, account.expiresAt?.microseconds,
                    account.disabled,
                ])
            try Self.replaceBindings(db, kind: "service", subject: account.name, account.bindings)
        }
    }

    /// Stores a rotated credential, the disabled flag and the bindings of an existing account.
    public func updateServiceAccount(_ account: ServiceAccount) throws(SecurityStoreError) {
        try write("update the service account '\(account.name)'") { db in
            try db.execute(
                sql: "UPDATE service_account SET token_hash = ?, expires_at = ?, disabled = ? WHERE name = ?",
                arguments: [account.tokenHash, account.expiresAt?.microseconds, account.disabled, account.name])
            try Self.replaceBindings(db, kind: "service", subject: account.name, account.bindings)
        }
    }

    public func serviceAccount(tokenHash: String) throws(SecurityStoreError) -> ServiceAccount? {
        try serviceAccount(where: "token_hash = ?", tokenHash)
    }

    public func serviceAccount(named name: String) throws(SecurityStoreError) -> ServiceAccount? {
        try serviceAccount(where: "name = ?", name)
    }

    private func serviceAccount(where condition: String, _ value: String) throws(SecurityStoreError) -> ServiceAccount? {
        let found = try read("read a service account") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM service_account WHERE \(condition)", arguments: [value]).map {
                ($0, try Self.bindings(db, kind: "service", subject: $0["name"]))
            }
        }
        guard let (row, raw) = found else { return nil }
        let name: String = row["name"]
        return ServiceAccount.restored(
            name: name, bindings: try Self.parseBindings(raw, of: name), tokenHash: row["token_hash"],
            createdAt: Timestamp(microseconds: row["created_at"]),
            expiresAt: (row["expires_at"] as Int64?).map(Timestamp.init(microseconds:)), disabled: row["disabled"])
    }
}
