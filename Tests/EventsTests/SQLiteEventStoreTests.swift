import Events
import Foundation
import MillraceCore
import MillraceTestSupport
import Testing

@Suite struct SQLiteEventStoreTests {
    static let start = Timestamp(seconds: 1_767_225_600)

    static func event(_ asset: String, at second: Int64, fault: String = "outer_race_defect") throws -> Event {
        Event(
            time: start + .seconds(second), asset: try AssetPath(asset), kind: .finding, fault: fault, severity: "moderate",
            confidence: 0.8, title: "outer-race bearing defect, drive end, moderate", explanation: "…",
            evidenceJSON: #"[{"label":"BPFO"}]"#, recommendedAction: "plan bearing replacement at the next stop")
    }

    @Test func eventsAreStoredQueriedByAssetSubtreeAndTimeAndCleared() async throws {
        let store = try SQLiteEventStore()
        let first = try await store.append(try Self.event("demo/utilities/cooling-water/pump-1", at: 0))
        _ = try await store.append(try Self.event("demo/utilities/cooling-water/pump-10", at: 10))
        _ = try await store.append(try Self.event("demo/packaging/line-1/conveyor", at: 20, fault: "lubrication"))
        let pump = try AssetPath("demo/utilities/cooling-water/pump-1")
        #expect(first.id != nil)

        // "Under pump-1" is pump-1 and below, not pump-10.
        let underPump = try await store.events(under: pump, from: nil, to: nil, limit: 10)
        #expect(underPump.map(\.asset) == [pump])
        #expect(underPump.first == first)
        let utilities = try await store.events(under: try AssetPath("demo/utilities"), from: nil, to: nil, limit: 10)
        #expect(utilities.count == 2)
        let all = try await store.events(under: nil, from: nil, to: nil, limit: 10)
        #expect(all.map(\.time) == [Self.start + .seconds(20), Self.start + .seconds(10), Self.start])  // newest first
        let window = try await store.events(under: nil, from: Self.start + .seconds(10), to: Self.start + .seconds(20), limit: 10)
        #expect(window.map(\.time) == [Self.start + .seconds(10)])  // [from, to)
        #expect(try await store.events(under: nil, from: nil, to: nil, limit: 1).count == 1)

        let id = try #require(first.id)
        try await store.clear(id: id, at: Self.start + .seconds(60))
        try await store.clear(id: id, at: Self.start + .seconds(90))  // already cleared: unchanged
        let cleared = try #require(try await store.events(under: pump, from: nil, to: nil, limit: 1).first)
        #expect(cleared.state == .cleared)
        #expect(cleared.clearedAt == Self.start + .seconds(60))
        #expect(try await store.openEvents(under: nil).count == 2)
        #expect(try await store.openEvents(under: pump).isEmpty)
        await #expect(throws: EventStoreError.self) { try await store.clear(id: 999, at: Self.start) }
    }

    @Test func eventsSurviveReopeningAndIdsAreNotReused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("events.sqlite")
        let firstID: Int64?
        do {
            let store = try SQLiteEventStore(path: path)
            firstID = try await store.append(try Self.event("demo/a", at: 0)).id
        }
        let store = try SQLiteEventStore(path: path)
        let events = try await store.events(under: nil, from: nil, to: nil, limit: 10)
        #expect(events.map(\.id) == [firstID])
        #expect(events.first?.evidenceJSON == #"[{"label":"BPFO"}]"#)
        let second = try await store.append(try Self.event("demo/b", at: 5))
        #expect(second.id != firstID)
    }

    @Test func aCorruptFileIsAnErrorNotACrash() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("events.sqlite", "this is not a database, it only has the name of one")
        #expect(throws: EventStoreError.self) { try SQLiteEventStore(path: path) }
    }
}
