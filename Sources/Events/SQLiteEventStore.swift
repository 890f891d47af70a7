import Foundation
import GRDB
import MillraceCore

/// Events in an SQLite database (`events.sqlite` in the data directory, or in memory for tests).
///
/// ```
/// CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER (µs since the epoch), asset TEXT,
///   kind TEXT, fault TEXT, severity TEXT, confidence REAL, title TEXT, explanation TEXT, evidence TEXT (JSON),
///   recommended_action TEXT, state TEXT ('open'/'cleared'), cleared_at INTEGER NULL,
///   updated_at INTEGER NULL, severity_history TEXT (JSON: [{"time": µs, "severity": "low"}, …]))
/// ```
/// Versioned with GRDB's migrator (table `grdb_migrations`): `events-v1` created the table, `events-v2` added
/// `updated_at` and `severity_history` and filled the history of existing rows with their one severity.
/// AUTOINCREMENT so an id is never reused, even after the newest event is deleted by hand: ids are stable
/// for links and for API clients.
public final class SQLiteEventStore: EventStore {
    private let queue: DatabaseQueue

    /// Opens (creating if needed) the database at `path`.
    public init(path: String) throws(EventStoreError) {
        var configuration = Configuration()
        configuration.label = "events"
        configuration.busyMode = .timeout(5)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw EventStoreError(.storage, "cannot open the event database \(path): \(error)")
        }
    }

    /// An in-memory database, for tests.
    public init() throws(EventStoreError) {
        do {
            queue = try DatabaseQueue()
            try Self.migrator.migrate(queue)
        } catch {
            throw EventStoreError(.storage, "cannot create an in-memory event database: \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("events-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE events (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        time INTEGER NOT NULL,
                        asset TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        fault TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        confidence REAL NOT NULL,
                        title TEXT NOT NULL,
                        explanation TEXT NOT NULL,
                        evidence TEXT NOT NULL,
                        recommended_action TEXT NOT NULL,
                        state TEXT NOT NULL,
                        cleared_at INTEGER
                    );
                    CREATE INDEX events_time ON events (time);
                    CREATE INDEX events_asset_time ON events (asset, time);
                    CREATE INDEX events_open ON events (state) WHERE state = 'open';
                    """)
        }
        migrator.registerMigration("events-v2") { db in
            try db.execute(
                sql: """
                    ALTER TABLE events ADD COLUMN updated_at INTEGER;
                    ALTER TABLE events ADD COLUMN severity_history TEXT NOT NULL DEFAULT '[]';
                    """)
            // Events are few (findings, not samples): one pass in Swift keeps the JSON in one encoder.
            for row in try Row.fetchAll(db, sql: "SELECT id, time, severity FROM events") {
                let history = [EventSeverityChange(time: Timestamp(microseconds: row["time"]), severity: row["severity"])]
                let id: Int64 = row["id"]
                try db.execute(
                    sql: "UPDATE events SET severity_history = ? WHERE id = ?", arguments: [Self.historyJSON(history), id])
            }
        }
        return migrator
    }

    private struct StoredSeverityChange: Codable {
        var time: Int64
        var severity: String
    }

    static func historyJSON(_ history: [EventSeverityChange]) -> String {
        let stored = history.map { StoredSeverityChange(time: $0.time.microseconds, severity: $0.severity) }
        return (try? JSONEncoder().encode(stored)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// The stored history, or the raise alone when the column cannot be read (edited by hand): never fatal.
    static func history(json: String, time: Timestamp, severity: String) -> [EventSeverityChange] {
        guard let stored = try? JSONDecoder().decode([StoredSeverityChange].self, from: Data(json.utf8)), !stored.isEmpty else {
            return [EventSeverityChange(time: time, severity: severity)]
        }
        return stored.map { EventSeverityChange(time: Timestamp(microseconds: $0.time), severity: $0.severity) }
    }

    public func append(_ event: Event) async throws(EventStoreError) -> Event {
        var recorded = event
        if recorded.severityHistory.isEmpty {
            recorded.severityHistory = [EventSeverityChange(time: event.time, severity: event.severity)]
        }
        let event = recorded
        do {
            return try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO events (time, asset, kind, fault, severity, confidence, title, explanation, evidence,
                            recommended_action, state, cleared_at, updated_at, severity_history)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        event.time.microseconds, event.asset.description, event.kind.rawValue, event.fault, event.severity,
                        event.confidence, event.title, event.explanation, event.evidenceJSON, event.recommendedAction,
                        event.state.rawValue, event.clearedAt?.microseconds, event.updatedAt?.microseconds,
                        Self.historyJSON(event.severityHistory),
                    ])
                var stored = event
                stored.id = db.lastInsertedRowID
                return stored
            }
        } catch {
            throw EventStoreError(.storage, "cannot store the event: \(error)")
        }
    }

    public func clear(id: Int64, at time: Timestamp) async throws(EventStoreError) {
        let found: Bool
        do {
            found = try await queue.write { db in
                try db.execute(
                    sql: "UPDATE events SET state = 'cleared', cleared_at = ? WHERE id = ? AND state = 'open'",
                    arguments: [time.microseconds, id])
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE id = ?", arguments: [id]) ?? 0 > 0
            }
        } catch {
            throw EventStoreError(.storage, "cannot clear event \(id): \(error)")
        }
        guard found else { throw EventStoreError(.notFound, "no event has id \(id)") }
    }

    public func update(id: Int64, with revision: EventRevision, at time: Timestamp) async throws(EventStoreError) -> Event {
        let stored: Event?
        do {
            stored = try await queue.write { db -> Event? in
                guard let current = try Row.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [id]) else {
                    return nil
                }
                let state: String = current["state"]
                guard state == EventState.open.rawValue else { return try Self.event(from: current) }
                let severity: String = current["severity"]
                var history = Self.history(
                    json: current["severity_history"], time: Timestamp(microseconds: current["time"]), severity: severity)
                if revision.severity != severity { history.append(EventSeverityChange(time: time, severity: revision.severity)) }
                try db.execute(
                    sql: """
                        UPDATE events SET severity = ?, confidence = ?, title = ?, explanation = ?, evidence = ?,
                            recommended_action = ?, updated_at = ?, severity_history = ? WHERE id = ?
                        """,
                    arguments: [
                        revision.severity, revision.confidence, revision.title, revision.explanation, revision.evidenceJSON,
                        revision.recommendedAction, time.microseconds, Self.historyJSON(history), id,
                    ])
                return try Row.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [id]).map(Self.event(from:))
            }
        } catch let error as EventStoreError {
            throw error
        } catch {
            throw EventStoreError(.storage, "cannot update event \(id): \(error)")
        }
        guard let stored else { throw EventStoreError(.notFound, "no event has id \(id)") }
        return stored
    }

    public func openEvents(under asset: AssetPath?) async throws(EventStoreError) -> [Event] {
        var sql = "SELECT * FROM events WHERE state = 'open'"
        var arguments: StatementArguments = []
        if let asset {
            sql += " AND (asset = ? OR substr(asset, 1, ?) = ?)"
            arguments += [asset.description, asset.description.utf8.count + 1, asset.description + "/"]
        }
        return try await fetch(sql + " ORDER BY time, id", arguments)
    }

    public func events(under asset: AssetPath?, from: Timestamp?, to: Timestamp?, limit: Int) async throws(EventStoreError) -> [Event] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let asset {
            // substr rather than LIKE: asset names may hold % or _.
            conditions.append("(asset = ? OR substr(asset, 1, ?) = ?)")
            arguments += [asset.description, asset.description.utf8.count + 1, asset.description + "/"]
        }
        if let from {
            conditions.append("time >= ?")
            arguments += [from.microseconds]
        }
        if let to {
            conditions.append("time < ?")
            arguments += [to.microseconds]
        }
        var sql = "SELECT * FROM events"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY time DESC, id DESC LIMIT ?"
        arguments += [max(0, limit)]
        return try await fetch(sql, arguments)
    }

    private func fetch(_ sql: String, _ arguments: StatementArguments) async throws(EventStoreError) -> [Event] {
        // Decoded inside the read: rows are not Sendable, events are, so the read runs off the caller's thread.
        do {
            return try await queue.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row throws(EventStoreError) in try Self.event(from: row) }
            }
        } catch let error as EventStoreError {
            throw error
        } catch {
            throw EventStoreError(.storage, "cannot read events: \(error)")
        }
    }

    private static func event(from row: Row) throws(EventStoreError) -> Event {
        let id: Int64 = row["id"]
        let assetText: String = row["asset"]
        let kindText: String = row["kind"]
        let stateText: String = row["state"]
        guard let kind = EventKind(rawValue: kindText), let state = EventState(rawValue: stateText),
            let asset = try? AssetPath(assetText)
        else {
            throw EventStoreError(.corrupt, "event \(id) has kind '\(kindText)', state '\(stateText)', asset '\(assetText.prefix(120))'")
        }
        let clearedAt: Int64? = row["cleared_at"]
        let updatedAt: Int64? = row["updated_at"]
        let historyText: String? = row["severity_history"]
        let time = Timestamp(microseconds: row["time"])
        let severity: String = row["severity"]
        return Event(
            id: id, time: time, asset: asset, kind: kind, fault: row["fault"],
            severity: severity, confidence: row["confidence"], title: row["title"], explanation: row["explanation"],
            evidenceJSON: row["evidence"], recommendedAction: row["recommended_action"], state: state,
            clearedAt: clearedAt.map(Timestamp.init(microseconds:)), updatedAt: updatedAt.map(Timestamp.init(microseconds:)),
            severityHistory: Self.history(json: historyText ?? "[]", time: time, severity: severity))
    }
}
