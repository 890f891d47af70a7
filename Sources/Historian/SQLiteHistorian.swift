import Foundation
import GRDB
import Logging
import MillraceCore
import Synchronization

/// The embedded historian of the walking skeleton: one SQLite database in WAL mode, one row per sample.
///
/// Values are stored losslessly: doubles as their IEEE 754 bit pattern (SQLite would turn NaN into NULL),
/// integers and booleans as integers, strings as text; quality as its two-byte code.
/// With `synchronous = NORMAL` in WAL mode a committed batch survives a crash of the process; with `.full`
/// it also survives a power loss. The compressed chunk engine replaces the row layout (see the historian issue).
public final class SQLiteHistorian: HistorianStore {
    public typealias SyncPolicy = HistorianSyncPolicy

    private let pool: DatabasePool
    private let logger: Logger
    private let state: Mutex<State>

    private struct State {
        var ids: [TagID: Int64] = [:]
        var kinds: [TagID: ValueKind] = [:]
        var closed = false
    }

    /// Opens (creating if needed) the database at `path`.
    public init(path: String, sync: SyncPolicy = .normal, logger: Logger) throws(HistorianError) {
        self.logger = logger
        var configuration = Configuration()
        configuration.label = "historian"
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(sync == .full ? "FULL" : "NORMAL")")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            let rows = try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, name, kind FROM tag")
            }
            var state = State()
            for row in rows {
                guard let tag = try? TagID(row["name"] as String), let kind = ValueKind(rawValue: row["kind"]) else { continue }
                state.ids[tag] = row["id"]
                state.kinds[tag] = kind
            }
            self.state = Mutex(state)
        } catch {
            throw HistorianError(.storage, "cannot open the historian database at \(path): \(error)")
        }
        logger.info("historian opened", metadata: ["path": "\(path)", "sync": "\(sync.rawValue)"])
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tag (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL,
                        metadata TEXT NOT NULL
                    );
                    CREATE TABLE sample (
                        tag INTEGER NOT NULL,
                        t INTEGER NOT NULL,
                        bits INTEGER,
                        text TEXT,
                        quality INTEGER NOT NULL,
                        PRIMARY KEY (tag, t)
                    ) WITHOUT ROWID;
                    CREATE TABLE current_value (
                        tag INTEGER PRIMARY KEY,
                        t INTEGER NOT NULL,
                        bits INTEGER,
                        text TEXT,
                        quality INTEGER NOT NULL
                    );
                    """)
        }
        return migrator
    }

    private func checkOpen() throws(HistorianError) {
        if state.withLock({ $0.closed }) { throw HistorianError(.closed, "the historian is closed") }
    }

    public func register(tags: [TagMetadata]) async throws(HistorianError) {
        try checkOpen()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let rows: [(TagMetadata, String)] = try tags.map { ($0, String(decoding: try encoder.encode($0), as: UTF8.self)) }
            let assigned = try await pool.write { db -> [(TagID, Int64, ValueKind)] in
                var result: [(TagID, Int64, ValueKind)] = []
                for (tag, json) in rows {
                    try db.execute(
                        sql: """
                            INSERT INTO tag (name, kind, metadata) VALUES (?, ?, ?)
                            ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, metadata = excluded.metadata
                            """, arguments: [tag.id.rawValue, tag.kind.rawValue, json])
                    let id = try Int64.fetchOne(db, sql: "SELECT id FROM tag WHERE name = ?", arguments: [tag.id.rawValue])
                    if let id { result.append((tag.id, id, tag.kind)) }
                }
                return result
            }
            state.withLock { state in
                for (tag, id, kind) in assigned {
                    state.ids[tag] = id
                    state.kinds[tag] = kind
                }
            }
        } catch {
            throw HistorianError(.storage, "cannot register tags: \(error)")
        }
    }

    public func append(_ samples: [TaggedSample]) async throws(HistorianError) {
        try checkOpen()
        if samples.isEmpty { return }
        let (ids, kinds) = state.withLock { ($0.ids, $0.kinds) }
        var rows: [(Int64, Int64, Int64?, String?, Int64)] = []
        rows.reserveCapacity(samples.count)
        for tagged in samples {
            guard let id = ids[tagged.tag], let kind = kinds[tagged.tag] else {
                throw HistorianError(.unknownTag, "tag '\(tagged.tag)' is not registered")
            }
            let sample = tagged.sample
            guard sample.time.isPlausible else {
                throw HistorianError(
                    .implausibleTime, "sample of '\(tagged.tag)' at \(sample.time.microseconds) µs is outside 1900–2200")
            }
            guard sample.value.kind == kind else {
                throw HistorianError(
                    .kindMismatch, "tag '\(tagged.tag)' holds \(kind.rawValue) values, got \(sample.value.kind.rawValue)")
            }
            let (bits, text) = Self.encode(sample.value)
            rows.append((id, sample.time.microseconds, bits, text, Int64(sample.quality.rawValue)))
        }
        let batch = rows
        do {
            try await pool.write { db in
                let insert = try db.cachedStatement(
                    sql: "INSERT OR REPLACE INTO sample (tag, t, bits, text, quality) VALUES (?, ?, ?, ?, ?)")
                let current = try db.cachedStatement(
                    sql: """
                        INSERT INTO current_value (tag, t, bits, text, quality) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(tag) DO UPDATE SET t = excluded.t, bits = excluded.bits, text = excluded.text,
                            quality = excluded.quality WHERE excluded.t >= current_value.t
                        """)
                for row in batch {
                    let arguments: StatementArguments = [row.0, row.1, row.2, row.3, row.4]
                    try insert.execute(arguments: arguments)
                    try current.execute(arguments: arguments)
                }
            }
        } catch {
            throw HistorianError(.storage, "cannot append \(samples.count) samples: \(error)")
        }
    }

    public func samples(of tag: TagID, from: Timestamp, to: Timestamp, limit: Int) async throws(HistorianError) -> [Sample] {
        try checkOpen()
        let (id, kind) = try lookup(tag)
        guard from <= to else { throw HistorianError(.invalidRange, "'from' is after 'to'") }
        let limit = max(0, limit)
        do {
            return try await pool.read { db in
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT t, bits, text, quality FROM sample WHERE tag = ? AND t >= ? AND t < ? ORDER BY t LIMIT ?",
                    arguments: [id, from.microseconds, to.microseconds, limit])
                var result: [Sample] = []
                while let row = try rows.next() {
                    result.append(Self.decode(row, kind: kind))
                }
                return result
            }
        } catch {
            throw HistorianError(.storage, "cannot read samples of '\(tag)': \(error)")
        }
    }

    public func sample(of tag: TagID, before time: Timestamp) async throws(HistorianError) -> Sample? {
        try await neighbour(of: tag, sql: "SELECT t, bits, text, quality FROM sample WHERE tag = ? AND t < ? ORDER BY t DESC LIMIT 1", time)
    }

    public func sample(of tag: TagID, atOrAfter time: Timestamp) async throws(HistorianError) -> Sample? {
        try await neighbour(of: tag, sql: "SELECT t, bits, text, quality FROM sample WHERE tag = ? AND t >= ? ORDER BY t LIMIT 1", time)
    }

    private func neighbour(of tag: TagID, sql: String, _ time: Timestamp) async throws(HistorianError) -> Sample? {
        try checkOpen()
        let (id, kind) = try lookup(tag)
        do {
            return try await pool.read { db in
                try Row.fetchOne(db, sql: sql, arguments: [id, time.microseconds]).map { Self.decode($0, kind: kind) }
            }
        } catch {
            throw HistorianError(.storage, "cannot read samples of '\(tag)': \(error)")
        }
    }

    public func latest(of tags: [TagID]) async throws(HistorianError) -> [TagID: Sample] {
        try checkOpen()
        let (ids, kinds) = state.withLock { ($0.ids, $0.kinds) }
        let wanted = tags.compactMap { tag in ids[tag].map { (tag, $0) } }
        do {
            return try await pool.read { db in
                var result: [TagID: Sample] = [:]
                let statement = try db.cachedStatement(sql: "SELECT t, bits, text, quality FROM current_value WHERE tag = ?")
                for (tag, id) in wanted {
                    guard let kind = kinds[tag], let row = try Row.fetchOne(statement, arguments: [id]) else { continue }
                    result[tag] = Self.decode(row, kind: kind)
                }
                return result
            }
        } catch {
            throw HistorianError(.storage, "cannot read current values: \(error)")
        }
    }

    public func tags() async throws(HistorianError) -> [TagMetadata] {
        try checkOpen()
        do {
            let documents = try await pool.read { db in try String.fetchAll(db, sql: "SELECT metadata FROM tag ORDER BY name") }
            let decoder = JSONDecoder()
            return documents.compactMap { try? decoder.decode(TagMetadata.self, from: Data($0.utf8)) }
        } catch {
            throw HistorianError(.storage, "cannot list tags: \(error)")
        }
    }

    public func close() async throws(HistorianError) {
        let alreadyClosed = state.withLock { state in
            defer { state.closed = true }
            return state.closed
        }
        if alreadyClosed { return }
        do {
            // Fold the WAL into the main file so a closed store is one self-contained file.
            _ = try await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try pool.close()
        } catch {
            throw HistorianError(.storage, "cannot close the historian cleanly: \(error)")
        }
        logger.info("historian closed")
    }

    private func lookup(_ tag: TagID) throws(HistorianError) -> (Int64, ValueKind) {
        guard let pair = state.withLock({ state in state.ids[tag].flatMap { id in state.kinds[tag].map { (id, $0) } } }) else {
            throw HistorianError(.unknownTag, "tag '\(tag)' is not registered")
        }
        return pair
    }

    static func encode(_ value: DataValue) -> (Int64?, String?) {
        switch value {
        case .double(let v): (Int64(bitPattern: v.bitPattern), nil)
        case .integer(let v): (v, nil)
        case .bool(let v): (v ? 1 : 0, nil)
        case .string(let v): (nil, v)
        }
    }

    static func decode(_ row: Row, kind: ValueKind) -> Sample {
        let time = Timestamp(microseconds: row["t"])
        let bits: Int64? = row["bits"]
        let quality = Quality(rawValue: UInt16(truncatingIfNeeded: row["quality"] as Int64)) ?? .bad
        let value: DataValue =
            switch kind {
            case .double: .double(Double(bitPattern: UInt64(bitPattern: bits ?? 0)))
            case .integer: .integer(bits ?? 0)
            case .bool: .bool((bits ?? 0) != 0)
            case .string: .string(row["text"] ?? "")
            }
        return Sample(time: time, value: value, quality: quality)
    }
}
