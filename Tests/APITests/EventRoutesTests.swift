import API
import Events
import Foundation
import HummingbirdTesting
import MillraceCore
import MillraceTestSupport
import Testing

private typealias F = APIFixture

/// `GET /api/v1/events` and the asset page's findings, over a real SQLite event store.
@Suite struct EventRoutesTests {
    static func finding(_ asset: String, _ fault: String, at time: Timestamp, evidence: String = #"{"frequencyHz":107.4,"amplitude":0.31}"#) throws -> Event {
        Event(
            time: time, asset: try AssetPath(asset), kind: .finding, fault: fault, severity: "moderate", confidence: 0.82,
            title: "\(fault) on \(asset)", explanation: "envelope peak at 107.4 Hz (BPFO) 9.1 × the noise floor",
            evidenceJSON: evidence, recommendedAction: "plan a bearing replacement")
    }

    func withEvents(_ body: @Sendable (any TestClientProtocol, SQLiteEventStore) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteEventStore(path: directory.file("events.sqlite"))
        let pump = try await store.append(try Self.finding("demo/utilities/pump-1", "outerRace", at: F.now - .seconds(600)))
        _ = try await store.append(try Self.finding("demo/packaging/line-1/motor-1", "imbalance", at: F.now - .seconds(300)))
        _ = try await store.append(try Self.finding("demo/utilities/pump-1", "cavitation", at: F.now - .seconds(60), evidence: "not json"))
        try await store.clear(id: try #require(pump.id), at: F.now - .seconds(30))
        try await F.withApp(events: store) { client, _ in try await body(client, store) }
    }

    @Test func listsEventsNewestFirstFilteredByAssetAndState() async throws {
        try await withEvents { client, _ in
            let all = try await F.get(client, "/api/v1/events")
            let events = try #require(all["events"] as? [[String: Any]])
            #expect(events.map { $0["fault"] as? String } == ["cavitation", "imbalance", "outerRace"])
            let first = events[2]
            #expect(first["state"] as? String == "cleared")
            #expect(first["clearedAt"] as? String == "2026-01-01T01:59:30Z")
            #expect((first["evidence"] as? [String: Any])?["frequencyHz"] as? Double == 107.4)
            #expect(events[0]["evidence"] as? String == "not json")  // stored text that is not JSON passes as a string
            #expect(first["recommendedAction"] as? String == "plan a bearing replacement")

            let pump = try #require(try await F.get(client, "/api/v1/events?asset=demo/utilities")["events"] as? [[String: Any]])
            #expect(pump.map { $0["fault"] as? String } == ["cavitation", "outerRace"])
            let open = try #require(try await F.get(client, "/api/v1/events?state=open")["events"] as? [[String: Any]])
            #expect(open.map { $0["fault"] as? String } == ["cavitation", "imbalance"])
            let cleared = try #require(try await F.get(client, "/api/v1/events?state=cleared")["events"] as? [[String: Any]])
            #expect(cleared.map { $0["fault"] as? String } == ["outerRace"])
            let recent = try #require(
                try await F.get(client, "/api/v1/events?from=2026-01-01T01:54:00Z&limit=1")["events"] as? [[String: Any]])
            #expect(recent.map { $0["fault"] as? String } == ["cavitation"])
        }
    }

    @Test func assetDetailCarriesItsOpenFindings() async throws {
        try await withEvents { client, _ in
            let pump = try await F.get(client, "/api/v1/assets/demo/utilities/pump-1")
            let findings = try #require(pump["findings"] as? [[String: Any]])
            #expect(findings.map { $0["fault"] as? String } == ["cavitation"])
            let site = try await F.get(client, "/api/v1/assets/demo")
            #expect((site["findings"] as? [[String: Any]])?.count == 2)
            let filler = try await F.get(client, "/api/v1/assets/demo/packaging/line-1/filler")
            #expect((filler["findings"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test func openFindingsRaiseTheHealthOfTheirAssetAndItsParents() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteEventStore(path: directory.file("events.sqlite"))
        var critical = try Self.finding("demo/packaging/line-1/filler", "outerRace", at: F.now - .seconds(60))
        critical.severity = "critical"
        _ = try await store.append(critical)
        try await F.withApp(events: store) { client, _ in
            let filler = try await F.get(client, "/api/v1/assets/demo/packaging/line-1/filler")
            #expect(filler["health"] as? String == "bad")  // no values yet (unknown), but a critical finding
            let line = try await F.get(client, "/api/v1/assets/demo/packaging/line-1")
            #expect(line["health"] as? String == "bad")
        }
        try await F.withApp { client, _ in
            let filler = try await F.get(client, "/api/v1/assets/demo/packaging/line-1/filler")
            #expect(filler["health"] as? String == "unknown")
        }
    }

    @Test func anUpdatedFindingShowsItsNewSeverityAndWhatItWasRaisedWith() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteEventStore(path: directory.file("events.sqlite"))
        var raised = try Self.finding("demo/utilities/pump-1", "outer_race_defect", at: F.now - .seconds(7200))
        raised.severity = "low"
        let id = try #require(try await store.append(raised).id)
        _ = try await store.update(
            id: id,
            with: EventRevision(
                severity: "high", confidence: 0.93, title: "outer-race bearing defect, drive end, high",
                explanation: "envelope peak at BPFO 31 × the noise floor", evidenceJSON: #"[{"label":"BPFO","value":0.9}]"#,
                recommendedAction: "replace the bearing at the next stop"),
            at: F.now - .seconds(600))
        try await F.withApp(events: store) { client, _ in
            let events = try #require(try await F.get(client, "/api/v1/events?state=open")["events"] as? [[String: Any]])
            #expect(events.count == 1)  // updated, not duplicated
            let event = try #require(events.first)
            #expect(event["id"] as? Int == Int(id))
            #expect(event["severity"] as? String == "high")
            #expect(event["confidence"] as? Double == 0.93)
            #expect(event["time"] as? String == "2026-01-01T00:00:00Z")
            #expect(event["updatedAt"] as? String == "2026-01-01T01:50:00Z")
            let history = try #require(event["severityHistory"] as? [[String: Any]])
            #expect(history.map { $0["severity"] as? String } == ["low", "high"])
            #expect(history.map { $0["time"] as? String } == ["2026-01-01T00:00:00Z", "2026-01-01T01:50:00Z"])
            let pump = try await F.get(client, "/api/v1/assets/demo/utilities/pump-1")
            let findings = try #require(pump["findings"] as? [[String: Any]])
            #expect((findings.first?["severityHistory"] as? [[String: Any]])?.count == 2)
            #expect(pump["health"] as? String == "bad")  // high now, though raised low
        }
    }

    @Test func badParametersAreClear4xx() async throws {
        try await withEvents { client, _ in
            try await F.expectError(client, "/api/v1/events?state=maybe", status: .badRequest, code: "invalidState")
            try await F.expectError(client, "/api/v1/events?asset=a//b", status: .badRequest, code: "invalidAsset")
            try await F.expectError(client, "/api/v1/events?limit=0", status: .badRequest, code: "invalidParameter")
            try await F.expectError(client, "/api/v1/events?from=yesterday", status: .badRequest, code: "invalidTime")
            try await F.expectError(
                client, "/api/v1/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", status: .badRequest, code: "invalidRange")
        }
    }

    @Test func withoutAnEventStoreTheListIsEmpty() async throws {
        try await F.withApp { client, _ in
            let body = try await F.get(client, "/api/v1/events")
            #expect((body["events"] as? [Any])?.isEmpty == true)
        }
    }
}
