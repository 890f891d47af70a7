import Foundation
import HummingbirdTesting
import MillraceCore
import MillraceTestSupport
import Testing

@testable import API

@Suite struct AssetRoutesTests {
    typealias F = APIFixture

    func children(_ node: [String: Any]) -> [[String: Any]] { node["children"] as? [[String: Any]] ?? [] }

    func child(_ node: [String: Any], _ id: String) throws -> [String: Any] {
        try #require(children(node).first { $0["id"] as? String == id }, "\(id) under \(node["path"] ?? "")")
    }

    @Test func treeCarriesHealthCountsAndLevels() async throws {
        try await F.withApp { client, _ in
            let body = try await F.get(client, "/api/v1/assets")
            #expect(body["enterprise"] as? String == "Test Foods")
            #expect(body["serverTime"] as? String == "2026-01-01T02:00:00Z")
            let nodes = try #require(body["nodes"] as? [[String: Any]])
            #expect(nodes.count == 1)
            let site = nodes[0]
            #expect(site["path"] as? String == "demo")
            #expect(site["level"] as? String == "site")
            #expect(site["type"] is NSNull)
            #expect(site["health"] as? String == "bad")  // pump-1 is bad
            #expect(site["tagCount"] as? Int == 5)
            #expect(site["badTags"] as? Int == 1)
            #expect(site["activeAlarms"] as? Int == 0)

            let packaging = try child(site, "packaging")
            #expect(packaging["health"] as? String == "warning")  // motor-1 uncertain, filler unknown
            let line = try child(packaging, "line-1")
            #expect(line["level"] as? String == "line")
            let motor = try child(line, "motor-1")
            #expect(motor["path"] as? String == "demo/packaging/line-1/motor-1")
            #expect(motor["name"] as? String == "Motor 1")
            #expect(motor["level"] as? String == "asset")
            #expect(motor["type"] as? String == "motor")
            #expect(motor["health"] as? String == "warning")
            #expect(motor["tagCount"] as? Int == 2)
            #expect(children(motor).isEmpty)
            #expect(try child(line, "filler")["health"] as? String == "unknown")

            let utilities = try child(site, "utilities")
            #expect(utilities["health"] as? String == "bad")
            #expect(try child(utilities, "pump-1")["badTags"] as? Int == 1)
            #expect(try child(utilities, "fan-1")["health"] as? String == "stale")  // two hours old
        }
    }

    @Test func detailOfAnAssetHasNameplateTemplateAndLiveTags() async throws {
        try await F.withApp { client, _ in
            let body = try await F.get(client, "/api/v1/assets/demo/packaging/line-1/motor-1")
            #expect(body["path"] as? String == "demo/packaging/line-1/motor-1")
            #expect(body["id"] as? String == "motor-1")
            #expect(body["type"] as? String == "motor")
            #expect(body["description"] as? String == "Conveyor drive")
            #expect((body["nameplate"] as? [String: String])?["manufacturer"] == "Simulated Motors Inc.")
            #expect(body["health"] as? String == "warning")
            let template = try #require(body["template"] as? [String: Any])
            #expect(template["type"] as? String == "motor")
            #expect((template["tags"] as? [String])?.contains("winding_temperature") == true)
            #expect(template["missing"] as? [String] == ["running", "winding_temperature", "vibration_velocity"])
            let tags = try #require(body["tags"] as? [[String: Any]])
            #expect(tags.map { $0["id"] as? String } == ["line1.motor.current", "line1.motor.speed"])
            let speed = try #require(tags.last?["current"] as? [String: Any])
            #expect(speed["value"] is NSNull)  // +inf has no JSON form; the quality says why
            #expect(speed["quality"] as? String == "uncertain")
            #expect(body["children"] as? [Any] != nil)
            #expect(body["findings"] as? [Any] != nil)
        }
    }

    @Test func detailOfALineListsChildrenWithoutGrandchildren() async throws {
        try await F.withApp { client, _ in
            let body = try await F.get(client, "/api/v1/assets/demo/packaging")
            #expect(body["level"] as? String == "area")
            #expect(body["type"] is NSNull)
            #expect(body["template"] is NSNull)
            #expect((body["tags"] as? [Any])?.isEmpty == true)
            let line = try #require((body["children"] as? [[String: Any]])?.first)
            #expect(line["id"] as? String == "line-1")
            #expect(line["tagCount"] as? Int == 3)
            #expect(line["children"] == nil)
        }
    }

    @Test func unknownOrMalformedPathsAre404() async throws {
        try await F.withApp { client, _ in
            try await F.expectError(client, "/api/v1/assets/demo/packaging/line-9", status: .notFound, code: "unknownAsset")
            try await F.expectError(client, "/api/v1/assets/demo/bad%20segment", status: .notFound, code: "unknownAsset")
            try await F.expectError(client, "/api/v1/assets/a/b/c/d/e/f/g/h", status: .notFound, code: "unknownAsset")
        }
    }

    @Test func withoutAConfigurationTheTreeIsEmpty() async throws {
        try await F.withApp(configuration: nil) { client, _ in
            let body = try await F.get(client, "/api/v1/assets")
            #expect((body["nodes"] as? [Any])?.isEmpty == true)
            try await F.expectError(client, "/api/v1/assets/demo", status: .notFound, code: "unknownAsset")
        }
    }
}

/// The health rules as a pure function, including the boundaries.
@Suite struct AssetHealthTests {
    let now = APIFixture.now

    @Test func rulesInOrder() {
        let fresh = Sample(time: now, value: .double(1))
        let old = Sample(time: now - .seconds(61), value: .double(1))
        let horizon = Duration.seconds(60)
        #expect(AssetHealth.of([], now: now, staleHorizon: horizon) == .unknown)
        #expect(AssetHealth.of([nil, nil], now: now, staleHorizon: horizon) == .unknown)
        #expect(AssetHealth.of([fresh, nil], now: now, staleHorizon: horizon) == .good)
        #expect(AssetHealth.of([Sample(time: now - .seconds(60), value: .double(1))], now: now, staleHorizon: horizon) == .good)
        #expect(AssetHealth.of([old], now: now, staleHorizon: horizon) == .stale)
        #expect(AssetHealth.of([old, fresh], now: now, staleHorizon: horizon) == .good)
        #expect(AssetHealth.of([fresh, Sample(time: now, value: .double(1), quality: .uncertain)], now: now, staleHorizon: horizon) == .warning)
        // Bad wins even over an old value: the last thing known is that it failed.
        #expect(AssetHealth.of([Sample(time: now - .seconds(3600), value: .double(0), quality: .communicationFailure)], now: now, staleHorizon: horizon) == .bad)
    }

    @Test func parentsTakeTheWorstChild() {
        #expect(AssetHealth.worst(of: []) == .unknown)
        #expect(AssetHealth.worst(of: [.unknown, .good]) == .good)
        #expect(AssetHealth.worst(of: [.good, .stale]) == .stale)
        #expect(AssetHealth.worst(of: [.stale, .warning, .good]) == .warning)
        #expect(AssetHealth.worst(of: [.warning, .bad, .unknown]) == .bad)
    }
}
