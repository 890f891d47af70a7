import Historian
import Logging
import PostgresNIO

/// The historian's tables in PostgreSQL, as numbered migrations (docs/format/postgres-v1.md).
///
/// `schema_version` records every migration applied. At open, the missing ones are applied in order, in one
/// transaction holding an advisory lock, so two Millrace instances opening the same empty database at once
/// create the tables once. A database with a newer version than this build knows is refused, not touched.
enum PostgresSchema {
    struct Migration: Sendable {
        var version: Int32
        var description: String
        var statements: [String]
    }

    /// The advisory lock key that serialises migrations (an arbitrary constant: "MRHS").
    static let migrationLock: Int64 = 0x4D52_4853

    static let migrations: [Migration] = [
        Migration(
            version: 1, description: "tags, chunks, staging, current values, quarantine",
            statements: [
                """
                CREATE TABLE historian_tag (
                    id serial PRIMARY KEY,
                    name text NOT NULL UNIQUE,
                    kind text NOT NULL CHECK (kind IN ('double', 'integer', 'bool', 'string')),
                    metadata jsonb NOT NULL
                )
                """,
                // Compressed samples, docs/format/chunk-v1.md. A tag's chunks never overlap in time.
                """
                CREATE TABLE historian_chunk (
                    tag integer NOT NULL REFERENCES historian_tag (id),
                    start_time bigint NOT NULL,
                    end_time bigint NOT NULL,
                    sample_count integer NOT NULL,
                    format_version smallint NOT NULL,
                    value_encoding smallint NOT NULL,
                    checksum bigint NOT NULL,
                    data bytea NOT NULL,
                    PRIMARY KEY (tag, start_time),
                    CHECK (start_time <= end_time)
                )
                """,
                "CREATE INDEX historian_chunk_end ON historian_chunk (tag, end_time)",
                // The chunk bytes are already compressed: TOAST's pglz would only spend CPU failing to shrink them.
                "ALTER TABLE historian_chunk ALTER COLUMN data SET STORAGE EXTERNAL",
                // Acknowledged samples not yet folded into chunks (ADR 0010). One row per tag and time.
                """
                CREATE TABLE historian_staging (
                    tag integer NOT NULL,
                    t bigint NOT NULL,
                    bits bigint NOT NULL,
                    text text NOT NULL,
                    quality smallint NOT NULL,
                    PRIMARY KEY (tag, t)
                )
                """,
                // The newest sample of each tag; a late sample never moves it back.
                """
                CREATE TABLE historian_current (
                    tag integer PRIMARY KEY,
                    t bigint NOT NULL,
                    bits bigint NOT NULL,
                    text text NOT NULL,
                    quality smallint NOT NULL
                )
                """,
                // Chunks that failed their checksum or could not be decoded, kept for inspection.
                """
                CREATE TABLE historian_quarantine (
                    id bigserial PRIMARY KEY,
                    tag integer NOT NULL,
                    start_time bigint NOT NULL,
                    reason text NOT NULL,
                    data bytea NOT NULL,
                    quarantined_at timestamptz NOT NULL DEFAULT now()
                )
                """,
            ]),
    ]

    static var latestVersion: Int32 { migrations.last?.version ?? 0 }

    /// Applies the migrations the database lacks; returns the versions applied.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> [Int32] {
        try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_version (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
        var current: Int32 = 0
        for try await version in try await connection.query("SELECT coalesce(max(version), 0) FROM schema_version", logger: logger)
            .decode(Int32.self)
        {
            current = version
        }
        guard current <= latestVersion else { throw NewerSchema(found: current, known: latestVersion) }
        var applied: [Int32] = []
        for migration in migrations where migration.version > current {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query(
                "INSERT INTO schema_version (version, description) VALUES (\(migration.version), \(migration.description))",
                logger: logger)
            applied.append(migration.version)
        }
        return applied
    }

    /// The database was written by a newer Millrace.
    struct NewerSchema: Error, CustomStringConvertible {
        var found: Int32
        var known: Int32
        var description: String {
            "the database schema is version \(found), this Millrace knows versions up to \(known); upgrade Millrace or use another database"
        }
    }
}
