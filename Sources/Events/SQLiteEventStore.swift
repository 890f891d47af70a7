import Foundation
import GRDB
import MillraceCore

/// Events in an SQLite database (`events.sqlite` in the data directory, or in memory for tests).
///
/// ```
/// CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER (µs since the epoch), asset TEXT,
///   kind TEXT, fault TEXT, severity TEXT, confidence REAL, title TEXT, explanation TEXT, evidence TEXT (JSON),
///   recommended_action TEXT, state TEXT ('open'/'cleared'), cleared_at INTEGER NULL)
/// ```
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
        return migrator
    }

    public func append(_ event: Event) async throws(EventStoreError) -> Event {
        do {
            return try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO events (time, asset, kind, fault, severity, confidence, title, explanation, evidence,
                            recommended_action, state, cleared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        event.time.microseconds, event.asset.description, event.kind.rawValue, event.fault, event.severity,
                        event.confidence, event.title, event.explanation, event.evidenceJSON, event.recommendedAction,
                        event.state.rawValue, event.clearedAt?.microseconds,
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
        let rows: [Row]
        do {
            rows = try await queue.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
        } catch {
            throw EventStoreError(.storage, "cannot read events: \(error)")
        }
        var events: [Event] = []
        events.reserveCapacity(rows.count)
        for row in rows { events.append(try Self.event(from: row)) }
        return events
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
        return Event(
            id: id, time: Timestamp(microseconds: row["time"]), asset: asset, kind: kind, fault: row["fault"],
            severity: row["severity"], confidence: row["confidence"], title: row["title"], explanation: row["explanation"],
            evidenceJSON: row["evidence"], recommendedAction: row["recommended_action"], state: state,
            clearedAt: clearedAt.map(Timestamp.init(microseconds:)))
    }
}
