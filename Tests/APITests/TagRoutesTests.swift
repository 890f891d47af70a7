import Foundation
import HummingbirdTesting
import MillraceCore
import MillraceTestSupport
import Testing

@testable import API

@Suite struct TagRoutesTests {
    typealias F = APIFixture

    func ids(_ body: [String: Any]) -> [String] {
        (body["tags"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    func listed(_ client: any TestClientProtocol, _ uri: String) async throws -> [String] {
        ids(try await F.get(client, uri))
    }

    @Test func listIsInIdOrderWithEveryKeyPresent() async throws {
        try await F.withApp { client, _ in
            let body = try await F.get(client, "/api/v1/tags")
            #expect(ids(body) == ["line1.filler.rate", "line1.motor.current", "line1.motor.speed", "utilities.fan1.speed", "utilities.pump1.flow"])
            #expect(body["next"] is NSNull)
            let filler = try #require((body["tags"] as? [[String: Any]])?.first)
            #expect(filler["current"] is NSNull)
            #expect(filler["connection"] as? String == "sim")
            #expect(filler["asset"] as? String == "demo/packaging/line-1/filler")
        }
    }

    @Test func searchMatchesIdNameAndDescriptionIgnoringCase() async throws {
        try await F.withApp { client, _ in
            let speed = try await listed(client, "/api/v1/tags?search=SPEED")
            #expect(speed == ["line1.motor.speed", "utilities.fan1.speed"])
            let byName = try await listed(client, "/api/v1/tags?search=shaft")  // name
            #expect(byName == ["line1.motor.speed"])
            let byDescription = try await listed(client, "/api/v1/tags?search=phase%20a")  // description
            #expect(byDescription == ["line1.motor.current"])
            let none = try await listed(client, "/api/v1/tags?search=nothing-like-this")
            #expect(none.isEmpty)
        }
    }

    @Test func assetLimitsToASubtree() async throws {
        try await F.withApp { client, _ in
            let utilities = try await listed(client, "/api/v1/tags?asset=demo/utilities")
            #expect(utilities == ["utilities.fan1.speed", "utilities.pump1.flow"])
            let motorSpeed = try await listed(client, "/api/v1/tags?asset=demo/packaging/line-1/motor-1&search=speed")
            #expect(motorSpeed == ["line1.motor.speed"])
            let plant = try await listed(client, "/api/v1/tags?asset=demo")
            #expect(plant.count == 5)
        }
    }

    @Test func pagesFollowTheCursorToTheEnd() async throws {
        try await F.withApp { client, _ in
            var seen: [String] = []
            var uri = "/api/v1/tags?limit=2"
            var pages = 0
            while true {
                let body = try await F.get(client, uri)
                seen += ids(body)
                pages += 1
                guard let next = body["next"] as? String else { break }
                #expect(!next.contains("line1"), "the cursor is opaque")
                uri = "/api/v1/tags?limit=2&cursor=\(next)"
                try #require(pages < 10)
            }
            #expect(pages == 3)
            let all = try await listed(client, "/api/v1/tags")
            #expect(seen == all)
            // Exactly `limit` left: no empty last page.
            let two = try await F.get(client, "/api/v1/tags?asset=demo/utilities&limit=2")
            #expect(two["next"] is NSNull)
        }
    }

    @Test func oneTagWithItsCurrentValue() async throws {
        try await F.withApp { client, _ in
            let tag = try await F.get(client, "/api/v1/tags/utilities.pump1.flow")
            #expect(tag["id"] as? String == "utilities.pump1.flow")
            #expect(tag["unit"] as? String == "m³/h")
            #expect(tag["kind"] as? String == "double")
            let current = try #require(tag["current"] as? [String: Any])
            #expect(current["quality"] as? String == "bad:communicationFailure")
            #expect(current["time"] as? String == "2026-01-01T02:00:00Z")
        }
    }

    @Test func badParametersGetClearErrors() async throws {
        try await F.withApp { client, _ in
            try await F.expectError(client, "/api/v1/tags/no.such.tag", status: .notFound, code: "unknownTag")
            try await F.expectError(client, "/api/v1/tags/bad%20id", status: .notFound, code: "unknownTag")
            try await F.expectError(client, "/api/v1/tags?limit=0", status: .badRequest, code: "invalidParameter")
            try await F.expectError(client, "/api/v1/tags?limit=-3", status: .badRequest, code: "invalidParameter")
            try await F.expectError(client, "/api/v1/tags?limit=ten", status: .badRequest, code: "invalidParameter")
            try await F.expectError(client, "/api/v1/tags?limit=10001", status: .badRequest, code: "invalidParameter")
            try await F.expectError(client, "/api/v1/tags?cursor=line1.motor.current", status: .badRequest, code: "invalidCursor")
            try await F.expectError(client, "/api/v1/tags?cursor=!!!", status: .badRequest, code: "invalidCursor")
            try await F.expectError(client, "/api/v1/tags?cursor=" + TagCursor.encode(TagID(unchecked: "x")).dropLast(2), status: .badRequest, code: "invalidCursor")
            try await F.expectError(client, "/api/v1/tags?asset=demo/nowhere", status: .notFound, code: "unknownAsset")
            try await F.expectError(client, "/api/v1/tags?asset=demo//x", status: .badRequest, code: "invalidParameter")
            try await F.expectError(client, "/api/v1/tags?search=" + String(repeating: "a", count: 201), status: .badRequest, code: "invalidParameter")
        }
    }

    @Test func cursorsRoundTrip() throws {
        for text in ["a", "line1.motor.current", "x-_.Ω:/?&=+"] {
            guard let id = try? TagID(text) else { continue }
            let cursor = TagCursor.encode(id)
            #expect(cursor.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            #expect(try TagCursor.decode(cursor) == id)
        }
    }
}
