import GRDB

extension SecurityStore {
    /// The schema, one migration per version. Never edit a shipped migration: add the next one, and a
    /// fixture of the previous version under Tests/SecurityStoreTests/Fixtures with a test that migrates it.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: schemaV1) }
        migrator.registerMigration("v2") { db in try db.execute(sql: schemaV2) }
        return migrator
    }

    /// The identifiers of every migration this build knows, oldest first.
    public static var knownVersions: [String] { migrator.migrations }

    /// Version 1: users, role bindings, API tokens, service accounts, sessions, the setup token.
    /// Times are microseconds since the epoch; secrets appear only as SHA-256 hashes or SecretBox-sealed.
    static let schemaV1 = """
        CREATE TABLE user (
            name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            mfa_secret TEXT,
            mfa_pending_secret TEXT,
            recovery_codes TEXT NOT NULL DEFAULT '',
            last_totp_step INTEGER,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE role_binding (
            subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'service')),
            subject TEXT NOT NULL COLLATE NOCASE,
            role TEXT NOT NULL,
            scope TEXT
        );
        CREATE INDEX role_binding_subject ON role_binding (subject_kind, subject);
        CREATE TABLE api_token (
            token_hash TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            owner TEXT NOT NULL COLLATE NOCASE,
            scopes TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            revoked_at INTEGER
        );
        CREATE TABLE service_account (
            name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            token_hash TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            expires_at INTEGER,
            disabled INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE session (
            token_hash TEXT NOT NULL PRIMARY KEY,
            username TEXT NOT NULL COLLATE NOCASE,
            mfa_verified INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            idle_timeout INTEGER NOT NULL,
            absolute_timeout INTEGER NOT NULL,
            revoked_at INTEGER
        );
        CREATE TABLE setup_token (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            token_hash TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER
        );
        """

    /// Version 2: the client address of a session (shown in `me` and the session list), an index to list a
    /// user's tokens, and a settings table for server secrets (the sealed CSRF key).
    static let schemaV2 = """
        ALTER TABLE session ADD COLUMN address TEXT;
        CREATE INDEX api_token_owner ON api_token (owner);
        CREATE TABLE setting (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
}
