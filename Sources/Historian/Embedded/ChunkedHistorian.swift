import Foundation
import GRDB
import HistorianCore
import Logging
import MillraceCore

/// The embedded historian engine: compressed per-tag chunks in SQLite, an in-memory head chunk per tag,
/// and a write-ahead log that makes every acknowledged append survive a crash.
///
/// Write path: validate → one WAL record per batch (durable per `HistorianSyncPolicy`) → apply to the head
/// chunks (and, for late samples, to the sealed chunk they belong in) → seal full heads into SQLite.
/// A checkpoint (every `checkpointBytes` of WAL, and at close) writes the open heads and current values to
/// SQLite, then empties the WAL. At open, the WAL is replayed on top of what SQLite holds; replay is
/// idempotent because equal timestamps follow "last write wins".
///
/// Invariant: a tag's chunks never overlap in time, and the head is newer than every sealed chunk.
public actor ChunkedHistorian: HistorianStore {
    public struct Options: Sendable {
        /// A head chunk is sealed when it holds this many samples…
        public var chunkCapacity = 2048
        /// …or spans this long.
        public var chunkSpan: Duration = .seconds(4 * 3600)
        /// The WAL size that triggers a checkpoint.
        public var checkpointBytes = 16 << 20
        public var sync: HistorianSyncPolicy = .normal
        /// Minute rollups kept in memory (over all tags) before they are written to SQLite.
        public var pendingRollupLimit = 20_000
        public init() {}
    }

    struct TagState {
        var id: Int64
        var metadata: TagMetadata
        var head: ChunkEncoder
        /// Whether the head changed since it was last written to SQLite.
        var headDirty = false
        var current: Sample?
        /// Whether `current` changed since the last checkpoint.
        var currentDirty = false
        /// The end of the newest sealed chunk: samples at or before it are late and go into sealed chunks.
        var lastSealedEnd: Timestamp?
        /// Rollups not yet in SQLite (see ChunkedHistorian+Rollups.swift).
        var rollups = RollupState()
    }

    let pool: DatabasePool
    let wal: WriteAheadLog
    let options: Options
    let logger: Logger
    let directory: String
    var tags: [TagID: TagState] = [:]
    var names: [Int64: TagID] = [:]
    var closed = false
    /// Chunks sealed by the current append, written to SQLite at its end.
    var pendingSealed: [SealedChunk] = []
    /// True while the WAL is replayed at open: every touched minute is then recomputed from raw samples.
    var recovering = false
    /// Minute rollups waiting in memory across all tags; a flush is forced past `Options.pendingRollupLimit`.
    var pendingRollupCount = 0

    /// Opens (creating if needed) the store in `directory`: `historian.sqlite` and `historian.wal`.
    public static func open(directory: String, options: Options = Options(), logger: Logger) async throws(HistorianError)
        -> ChunkedHistorian
    {
        let store = try ChunkedHistorian(directory: directory, options: options, logger: logger)
        try await store.recover()
        return store
    }

    init(directory: String, options: Options, logger: Logger) throws(HistorianError) {
        self.directory = directory
        self.options = options
        self.logger = logger
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw HistorianError(.storage, "cannot create the data directory \(directory): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.label = "historian"
        configuration.busyMode = .timeout(5)
        let sync = options.sync
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(sync == .full ? "FULL" : "NORMAL")")
        }
        let path = directory + "/historian.sqlite"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw HistorianError(.storage, "cannot open the historian database \(path): \(error)")
        }
        wal = try WriteAheadLog(path: directory + "/historian.wal", sync: options.sync)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("chunks-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tag (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL,
                        metadata TEXT NOT NULL
                    );
                    -- Compressed samples (docs/format/chunk-v1.md). sealed = 0 marks a tag's head as of the
                    -- last checkpoint; it is rebuilt from this row plus the WAL at open.
                    CREATE TABLE chunk (
                        tag INTEGER NOT NULL,
                        start INTEGER NOT NULL,
                        end INTEGER NOT NULL,
                        count INTEGER NOT NULL,
                        sealed INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (tag, start)
                    ) WITHOUT ROWID;
                    CREATE INDEX chunk_end ON chunk (tag, end);
                    -- The newest sample of each tag as of the last checkpoint (the WAL has anything newer).
                    CREATE TABLE current_value (
                        tag INTEGER PRIMARY KEY,
                        t INTEGER NOT NULL,
                        bits INTEGER,
                        text TEXT,
                        quality INTEGER NOT NULL
                    );
                    -- Chunks that failed their checksum or could not be decoded, kept for inspection.
                    CREATE TABLE quarantine (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        tag INTEGER NOT NULL,
                        start INTEGER NOT NULL,
                        reason TEXT NOT NULL,
                        data BLOB NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("rollups-v1") { db in
            try db.execute(
                sql: """
                    -- Per-tag summaries of 1-minute, 1-hour and 1-day buckets (docs/format/rollup-v1.md); always
                    -- recomputable from the chunks, and rebuilt from them when this table is new.
                    CREATE TABLE rollup (
                        tag INTEGER NOT NULL,
                        resolution INTEGER NOT NULL,
                        start INTEGER NOT NULL,
                        count INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (tag, resolution, start)
                    ) WITHOUT ROWID;
                    CREATE TABLE rollup_rebuild (tag INTEGER PRIMARY KEY);
                    INSERT INTO rollup_rebuild (tag) SELECT DISTINCT tag FROM chunk;
                    """)
        }
        return migrator
    }

    // MARK: HistorianStore

    public func register(tags newTags: [TagMetadata]) async throws(HistorianError) {
        try checkOpen()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for metadata in newTags {
            if let existing = tags[metadata.id], existing.metadata.kind != metadata.kind, !existing.head.isEmpty || existing.current != nil {
                throw HistorianError(
                    .kindMismatch,
                    "tag '\(metadata.id)' already holds \(existing.metadata.kind.rawValue) values; it cannot become \(metadata.kind.rawValue)")
            }
        }
        do {
            let rows = try newTags.map { ($0, String(decoding: try encoder.encode($0), as: UTF8.self)) }
            let ids = try await pool.write { db -> [Int64] in
                try rows.map { metadata, json in
                    try db.execute(
                        sql: """
                            INSERT INTO tag (name, kind, metadata) VALUES (?, ?, ?)
                            ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, metadata = excluded.metadata
                            """, arguments: [metadata.id.rawValue, metadata.kind.rawValue, json])
                    return try Int64.fetchOne(db, sql: "SELECT id FROM tag WHERE name = ?", arguments: [metadata.id.rawValue]) ?? 0
                }
            }
            for (metadata, id) in zip(newTags, ids) {
                if var state = tags[metadata.id] {
                    state.metadata = metadata
                    tags[metadata.id] = state
                } else {
                    tags[metadata.id] = TagState(id: id, metadata: metadata, head: ChunkEncoder(kind: metadata.kind))
                    names[id] = metadata.id
                }
            }
        } catch {
            throw HistorianError(.storage, "cannot register tags: \(error)")
        }
    }

    public func append(_ samples: [TaggedSample]) async throws(HistorianError) {
        try checkOpen()
        if samples.isEmpty { return }
        var entries: [WALSample] = []
        entries.reserveCapacity(samples.count)
        for tagged in samples {
            guard let state = tags[tagged.tag] else {
                throw HistorianError(.unknownTag, "tag '\(tagged.tag)' is not registered")
            }
            guard tagged.sample.time.isPlausible else {
                throw HistorianError(
                    .implausibleTime,
                    "sample of '\(tagged.tag)' at \(tagged.sample.time.microseconds) µs is outside 1900–2200")
            }
            guard tagged.sample.value.kind == state.metadata.kind else {
                throw HistorianError(
                    .kindMismatch,
                    "tag '\(tagged.tag)' holds \(state.metadata.kind.rawValue) values, got \(tagged.sample.value.kind.rawValue)")
            }
            entries.append(WALSample(tagID: state.id, sample: tagged.sample))
        }
        // Durable first, then applied: once the record is in the WAL, the batch survives a crash.
        try wal.append(WALFormat.encodeRecord(entries))
        try apply(entries)
        if wal.size >= options.checkpointBytes {
            try checkpoint()
        } else if pendingRollupCount >= options.pendingRollupLimit {
            try flushRollups()
        }
    }

    public func latest(of tagIDs: [TagID]) async throws(HistorianError) -> [TagID: Sample] {
        try checkOpen()
        var result: [TagID: Sample] = [:]
        for tag in tagIDs {
            if let current = tags[tag]?.current { result[tag] = current }
        }
        return result
    }

    public func tags() async throws(HistorianError) -> [TagMetadata] {
        try checkOpen()
        return tags.values.map(\.metadata).sorted { $0.id < $1.id }
    }

    public func close() async throws(HistorianError) {
        guard !closed else { return }
        try checkpoint()
        closed = true
        do {
            _ = try await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try pool.close()
        } catch {
            throw HistorianError(.storage, "cannot close the historian database cleanly: \(error)")
        }
        wal.close()
        logger.info("historian closed")
    }

    func checkOpen() throws(HistorianError) {
        if closed { throw HistorianError(.closed, "the historian is closed") }
    }
}
