import GRDB
import MillraceCore
import MillraceSecurity

extension SecurityStore {
    public func insertSession(_ record: SessionRecord) throws(SecurityStoreError) {
        let session = record.session
        try write("store a session") { db in
            try db.execute(
                sql: """
                    INSERT INTO session (token_hash, username, mfa_verified, created_at, last_seen_at, idle_timeout,
                        absolute_timeout, revoked_at, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.tokenHash, session.username, session.mfaVerified, session.createdAt.microseconds,
                    session.lastSeenAt.microseconds, Self.microseconds(session.idleTimeout),
                    Self.microseconds(session.absoluteTimeout), session.revokedAt?.microseconds, record.address,
                ])
        }
    }

    public func session(hash: String) throws(SecurityStoreError) -> SessionRecord? {
        try read("read a session") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE token_hash = ?", arguments: [hash]).map { row in
                SessionRecord(
                    session: SessionToken.restored(
                        tokenHash: row["token_hash"], username: row["username"], mfaVerified: row["mfa_verified"],
                        createdAt: Timestamp(microseconds: row["created_at"]),
                        lastSeenAt: Timestamp(microseconds: row["last_seen_at"]),
                        idleTimeout: .microseconds(row["idle_timeout"] as Int64),
                        absoluteTimeout: .microseconds(row["absolute_timeout"] as Int64),
                        revokedAt: (row["revoked_at"] as Int64?).map(Timestamp.init(microseconds:))),
                    address: row["address"])
            }
        }
    }

    /// Stores the activity time and MFA state of a session.
    public func updateSession(_ session: SessionToken) throws(SecurityStoreError) {
        try write("update a session") { db in
            try db.execute(
                sql: "UPDATE session SET last_seen_at = ?, mfa_verified = ?, revoked_at = ? WHERE token_hash = ?",
                arguments: [
                    session.lastSeenAt.microseconds, session.mfaVerified, session.revokedAt?.microseconds,
                    session.tokenHash,
                ])
        }
    }

    /// Ends every open session of `username` (password change, disabling, role change); returns how many.
    @discardableResult
    public func revokeSessions(ofUser username: String, at time: Timestamp) throws(SecurityStoreError) -> Int {
        try write("end the sessions of '\(username)'") { db in
            try db.execute(
                sql: "UPDATE session SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL",
                arguments: [time.microseconds, username])
            return db.changesCount
        }
    }

    /// Deletes sessions that ended (revoked or past their absolute timeout) before `time`.
    @discardableResult
    public func deleteSessions(endedBefore time: Timestamp) throws(SecurityStoreError) -> Int {
        try write("delete ended sessions") { db in
            try db.execute(
                sql: "DELETE FROM session WHERE revoked_at < ? OR created_at + absolute_timeout < ?",
                arguments: [time.microseconds, time.microseconds])
            return db.changesCount
        }
    }

    static func microseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }

    // MARK: - Setup token

    /// The stored setup token (only its hash), if one was issued.
    public func setupToken() throws(SecurityStoreError) -> SetupToken? {
        try read("read the setup token") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM setup_token WHERE id = 1").map { row in
                SetupToken.restored(
                    tokenHash: row["token_hash"], createdAt: Timestamp(microseconds: row["created_at"]),
                    expiresAt: Timestamp(microseconds: row["expires_at"]),
                    usedAt: (row["used_at"] as Int64?).map(Timestamp.init(microseconds:)))
            }
        }
    }

    /// Stores `token`, replacing any earlier one.
    public func saveSetupToken(_ token: SetupToken) throws(SecurityStoreError) {
        try write("store the setup token") { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO setup_token (id, token_hash, created_at, expires_at, used_at)
                    VALUES (1, ?, ?, ?, ?)
                    """,
                arguments: [
                    token.tokenHash, token.createdAt.microseconds, token.expiresAt.microseconds,
                    token.usedAt?.microseconds,
                ])
        }
    }

    // MARK: - Settings

    public func setting(_ key: String) throws(SecurityStoreError) -> String? {
        try read("read the setting \(key)") { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        }
    }

    public func setSetting(_ key: String, _ value: String) throws(SecurityStoreError) {
        try write("store the setting \(key)") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }
}
