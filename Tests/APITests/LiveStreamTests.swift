import Collector
import Foundation
import HummingbirdTesting
import MillraceCore
import Testing

@testable import API

/// The SSE route end to end in process: the request subscribes, the test publishes once it sees the
/// subscriber (a condition, not a delay), and `maxEvents=1` ends the stream so the whole body can be read.
@Suite struct LiveStreamTests {
    typealias F = APIFixture

    static let samples = [
        TaggedSample(tag: TagID(unchecked: "line1.motor.current"), time: F.now, value: .double(13.25)),
        TaggedSample(tag: TagID(unchecked: "utilities.pump1.flow"), time: F.now, value: .double(.nan), quality: .sensorFailure),
        TaggedSample(tag: TagID(unchecked: "utilities.fan1.speed"), time: F.now, value: .double(1460)),
    ]

    /// Opens `uri`, publishes `batches` once subscribed, and returns the stream's text.
    func stream(_ client: any TestClientProtocol, _ environment: APIEnvironment, _ uri: String, publish batches: [[TaggedSample]]) async throws
        -> (status: Int, contentType: String?, text: String)
    {
        try await withThrowingTaskGroup(of: (Int, String?, String)?.self) { group in
            group.addTask {
                let response = try await client.execute(uri: uri, method: .get)
                return (Int(response.status.code), response.headers[.contentType], String(buffer: response.body))
            }
            group.addTask {
                while environment.live.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(1)) }
                for batch in batches { environment.live.publish(batch) }
                return nil
            }
            var result: (Int, String?, String)?
            for try await value in group { if let value { result = value } }
            return try #require(result)
        }
    }

    /// The `data:` JSON of every `samples` event.
    func sampleEvents(_ text: String) throws -> [[[String: Any]]] {
        try text.components(separatedBy: "\n\n").filter { $0.hasPrefix("event: samples\n") }.map { event in
            let data = try #require(event.split(separator: "\n").first { $0.hasPrefix("data: ") }).dropFirst(6)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
            return try #require(json["samples"] as? [[String: Any]])
        }
    }

    @Test func subscriberReceivesIngestedSamples() async throws {
        try await F.withApp { client, environment in
            let (status, contentType, text) = try await stream(client, environment, "/api/v1/stream?maxEvents=1", publish: [Self.samples])
            #expect(status == 200)
            #expect(contentType?.hasPrefix("text/event-stream") == true)
            let events = try sampleEvents(text)
            #expect(events.count == 1)
            let samples = try #require(events.first)
            #expect(samples.map { $0["tag"] as? String } == ["line1.motor.current", "utilities.pump1.flow", "utilities.fan1.speed"])
            #expect(samples[0]["value"] as? Double == 13.25)
            #expect(samples[0]["time"] as? String == "2026-01-01T02:00:00Z")
            #expect(samples[1]["value"] is NSNull)
            #expect(samples[1]["quality"] as? String == "bad:sensorFailure")
            #expect(environment.live.subscriberCount == 0, "the subscription ends with the stream")
        }
    }

    @Test func filtersByTagsAndByAssetSubtree() async throws {
        try await F.withApp { client, environment in
            let byTag = try await stream(client, environment, "/api/v1/stream?tags=utilities.fan1.speed,line1.motor.current&maxEvents=1", publish: [Self.samples])
            #expect(try sampleEvents(byTag.text).first?.map { $0["tag"] as? String } == ["line1.motor.current", "utilities.fan1.speed"])
            // A batch with nothing wanted produces no event; the next one does.
            let byAsset = try await stream(
                client, environment, "/api/v1/stream?asset=demo/utilities&maxEvents=1",
                publish: [[Self.samples[0]], Self.samples])
            let events = try sampleEvents(byAsset.text)
            #expect(events.count == 1)
            #expect(events.first?.map { $0["tag"] as? String } == ["utilities.pump1.flow", "utilities.fan1.speed"])
        }
    }

    @Test func badParametersAreRejectedBeforeStreaming() async throws {
        try await F.withApp { client, environment in
            try await F.expectError(client, "/api/v1/stream?tags=no.such.tag", status: .notFound, code: "unknownTag")
            try await F.expectError(client, "/api/v1/stream?tags=line1.motor.current,bad%20id", status: .notFound, code: "unknownTag")
            try await F.expectError(client, "/api/v1/stream?tags=,,", status: .badRequest, code: "invalidParameter")
            try await F.expectError(client, "/api/v1/stream?asset=demo/nowhere", status: .notFound, code: "unknownAsset")
            try await F.expectError(client, "/api/v1/stream?asset=demo&tags=line1.motor.current", status: .badRequest, code: "invalidParameter")
            try await F.expectError(client, "/api/v1/stream?maxEvents=0", status: .badRequest, code: "invalidParameter")
            #expect(environment.live.subscriberCount == 0)
        }
    }

    @Test func overflowIsReportedBeforeTheNewestSamples() {
        let text = LiveStreamRoutes.events(LiveDelivery(samples: [Self.samples[0]], dropped: 42))
        #expect(text.hasPrefix("event: overflow\ndata: {\"dropped\":42}\n\nevent: samples\ndata: {\"samples\":[{"))
        #expect(text.hasSuffix("}]}\n\n"))
        #expect(text.components(separatedBy: "\n").filter { $0.hasPrefix("data: ") }.count == 2)
        #expect(LiveStreamRoutes.events(LiveDelivery(samples: [], dropped: 3)) == "event: overflow\ndata: {\"dropped\":3}\n\n")
    }
}
