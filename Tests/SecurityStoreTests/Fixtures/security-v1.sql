-- The security database as Millrace wrote it at schema v1 (SecurityStore+Schema.swift, schemaV1),
-- with one admin 'alice' (password 'correct horse battery staple', PBKDF2 with 1000 iterations), an
-- operator 'bob' scoped to dayton/packaging/line-2, an API token of alice, and a spent setup token.
-- Rebuild security-v1.sqlite with: sqlite3 security-v1.sqlite < security-v1.sql
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES ('v1');
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
INSERT INTO user (name, password_hash, disabled, recovery_codes, created_at) VALUES ('alice', '$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0ODw$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4', 0, '', 1767225600000000);
INSERT INTO user (name, password_hash, disabled, recovery_codes, created_at) VALUES ('bob', '$pbkdf2-sha256$i=1000$AAECAwQFBgcICQoLDA0ODw$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4', 0, '', 1767225600000000);
INSERT INTO role_binding VALUES ('user', 'alice', 'admin', NULL);
INSERT INTO role_binding VALUES ('user', 'bob', 'operator', 'dayton/packaging/line-2');
INSERT INTO api_token VALUES ('f16d05ec6b29248d2c61adb1e9263f78e4f7bace1b955014a2d17872cfe4064d', 'mes', 'alice', 'readData', 1767225600000000, 1798761600000000, NULL);
INSERT INTO session VALUES ('3f3af1ecebbd1410ab417ec0d27bbfcb5d340e177ae159b59fc8626c2dfd9175', 'alice', 1, 1767225600000000, 1767225600000000, 1800000000, 43200000000, NULL);
INSERT INTO setup_token VALUES (1, '8fb6d5f37e8055ce720bd0b1d56587f88c0071f285966ba17e72b2b12672aa73', 1767225600000000, 1767312000000000, 1767225700000000);
