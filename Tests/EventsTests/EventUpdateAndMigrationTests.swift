import Events
import Foundation
import GRDB
import MillraceCore
import MillraceTestSupport
import Testing

/// `EventStore.update` (an open finding follows its fault's severity) and the `events-v2` migration of a file
/// written by the first version of the store.
@Suite struct EventUpdateAndMigrationTests {
    static let start = Timestamp(seconds: 1_767_225_600)

    static func revision(_ severity: String, confidence: Double = 0.9) -> EventRevision {
        EventRevision(
            severity: severity, confidence: confidence, title: "outer-race bearing defect, drive end, \(severity)",
            explanation: "envelope peak at BPFO, now \(severity)", evidenceJSON: #"[{"label":"BPFO","value":0.3}]"#,
            recommendedAction: "replace the bearing at the next stop")
    }

    @Test func anOpenEventTakesTheNewSeverityAndKeepsItsHistory() async throws {
        let store = try SQLiteEventStore()
        let raised = try await store.append(try SQLiteEventStoreTests.event("demo/pump-1", at: 0))
        let id = try #require(raised.id)
        #expect(raised.severityHistory == [EventSeverityChange(time: Self.start, severity: "moderate")])
        #expect(raised.updatedAt == nil)

        let high = try await store.update(id: id, with: Self.revision("high"), at: Self.start + .seconds(600))
        #expect(high.severity == "high")
        #expect(high.confidence == 0.9)
        #expect(high.evidenceJSON.contains("0.3"))
        #expect(high.explanation.hasSuffix("now high"))
        #expect(high.updatedAt == Self.start + .seconds(600))
        #expect(high.time == Self.start)  // still raised when it was raised
        #expect(high.firstSeverity == "moderate")
        // Same severity, new evidence: revised, no new history entry.
        let again = try await store.update(id: id, with: Self.revision("high", confidence: 0.95), at: Self.start + .seconds(1200))
        #expect(again.severityHistory.map(\.severity) == ["moderate", "high"])
        #expect(again.confidence == 0.95)
        let stored = try await store.openEvents(under: nil)
        #expect(stored == [again])
        #expect(stored.count == 1)  // updated, never duplicated

        // A cleared event is history: an update leaves it as it was.
        try await store.clear(id: id, at: Self.start + .seconds(1800))
        let cleared = try await store.update(id: id, with: Self.revision("critical"), at: Self.start + .seconds(2400))
        #expect(cleared.severity == "high")
        #expect(cleared.state == .cleared)
        await #expect(throws: EventStoreError.self) {
            _ = try await store.update(id: 999, with: Self.revision("low"), at: Self.start)
        }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    @Test func aVersion1FileIsMigratedWithoutLosingAnEvent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("events.sqlite")
        // A file as `events-v1` wrote it (Fixtures/events-v1.sql): one open and one cleared finding.
        try FileManager.default.copyItem(atPath: Self.fixtures + "/events-v1.sqlite", toPath: path)

        let store = try SQLiteEventStore(path: path)
        let events = try await store.events(under: nil, from: nil, to: nil, limit: 10)
        #expect(events.map(\.id) == [2, 1])
        let open = try #require(events.last)
        #expect(open.severityHistory == [EventSeverityChange(time: Self.start, severity: "low")])
        #expect(open.updatedAt == nil)
        #expect(events.first?.clearedAt == Timestamp(microseconds: 1_767_229_200_000_000))
        let updated = try await store.update(id: 1, with: Self.revision("high"), at: Self.start + .seconds(3600))
        #expect(updated.severityHistory.map(\.severity) == ["low", "high"])
        #expect(try await store.append(try SQLiteEventStoreTests.event("demo/pump-1", at: 9)).id == 3)  // ids go on

        // Opening the migrated file again runs nothing twice.
        let reopened = try SQLiteEventStore(path: path)
        #expect(try await reopened.openEvents(under: nil).map(\.severity) == ["high", "moderate"])
        let migrations = try await DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(migrations == ["events-v1", "events-v2"])
    }

    @Test func anUnreadableSeverityHistoryFallsBackToTheRaise() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("events.sqlite")
        do {
            let store = try SQLiteEventStore(path: path)
            _ = try await store.append(try SQLiteEventStoreTests.event("demo/pump-1", at: 0))
        }
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE events SET severity_history = 'not json'") }
        let events = try await SQLiteEventStore(path: path).openEvents(under: nil)
        #expect(events.first?.severityHistory == [EventSeverityChange(time: Self.start, severity: "moderate")])
    }
}
