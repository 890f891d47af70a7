import Collector
import Foundation
import Historian
import Hummingbird
import MillraceCore

/// `GET /api/v1/stream`: Server-Sent Events of the samples as they are ingested (W3C HTML Living Standard,
/// "Server-sent events"). `?tags=a,b` or `?asset=PATH` narrows the stream; `maxEvents=N` closes it after N
/// `samples` events (for scripts and tests). Each client has a bounded buffer: when it falls behind, its
/// oldest samples are dropped and an `overflow` event says how many, after which it should refetch current values.
enum LiveStreamRoutes {
    static func add(to router: Router<APIContext>, environment: APIEnvironment) {
        router.get("/api/v1/stream") { request, context in
            let access = try ReadAccess(context)
            var tags = try await filter(request, environment)
            if !access.readsEverything {
                // Only the tags of the subtrees the principal may read; naming others is refused.
                let readable = Set(try await APIRouter.historian { try await environment.store.tags() }
                    .filter { access.canRead($0.asset) }.map(\.id))
                if let asked = tags, let outside = asked.subtracting(readable).first {
                    let asset = try await APIRouter.historian { try await environment.store.tags() }.first { $0.id == outside }?.asset
                    try context.requirePermission(.readData, on: asset)
                }
                tags = tags.map { $0.intersection(readable) } ?? readable
            }
            let maxEvents = try request.uri.queryParameters.get("maxEvents").map { _ in
                try QueryParameters.integer(request, "maxEvents", default: 1, maximum: 1_000_000)
            }
            let settings = environment.stream
            let subscription = environment.live.subscribe(tags: tags, capacity: settings.bufferCapacity)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
                    .init("X-Accel-Buffering")!: "no",
                ],
                body: ResponseBody { writer in
                    defer { subscription.cancel() }
                    try await writer.write(ByteBuffer(string: "retry: 2000\n: connected\n\n"))
                    var sent = 0
                    while !Task.isCancelled {
                        guard await subscription.wait(timeout: settings.keepaliveInterval) else {
                            if Task.isCancelled { break }
                            try await writer.write(ByteBuffer(string: ": keepalive\n\n"))
                            continue
                        }
                        let delivery = subscription.take()
                        try await writer.write(ByteBuffer(string: events(delivery)))
                        if !delivery.samples.isEmpty { sent += 1 }
                        if let maxEvents, sent >= maxEvents { break }
                        // At most one event per interval: what arrives meanwhile goes into the next one.
                        try await Task.sleep(for: settings.minimumInterval)
                    }
                    subscription.cancel()  // Before the response ends, so no publish reaches a finished client.
                    try await writer.finish(nil)
                })
        }
    }

    /// The tags the client asked for, `nil` for all; unknown tags and assets are 404, both filters at once 400.
    static func filter(_ request: Request, _ environment: APIEnvironment) async throws -> Set<TagID>? {
        let parameters = request.uri.queryParameters
        let tagsText = parameters.get("tags").flatMap { $0.isEmpty ? nil : $0 }
        let assetText = parameters.get("asset").flatMap { $0.isEmpty ? nil : $0 }
        switch (tagsText, assetText) {
        case (.some, .some):
            throw APIError(.badRequest, code: "invalidParameter", "give either 'tags' or 'asset', not both")
        case (let text?, nil):
            let known = Set(try await APIRouter.historian { try await environment.store.tags() }.map(\.id))
            var ids: Set<TagID> = []
            for part in text.split(separator: ",") {
                guard let id = try? TagID(String(part)), known.contains(id) else {
                    throw APIError(.notFound, code: "unknownTag", "no tag has the id '\(part.prefix(80))'")
                }
                ids.insert(id)
            }
            guard !ids.isEmpty else {
                throw APIError(.badRequest, code: "invalidParameter", "'tags' names no tag; give ids separated by commas")
            }
            return ids
        case (nil, let text?):
            let path = try AssetRoutes.assetPath(text, environment)
            return Set(environment.plant.subtreeTags(of: path))
        case (nil, nil):
            return nil
        }
    }

    /// The SSE text of one delivery: an `overflow` event first if samples were dropped, then the samples.
    static func events(_ delivery: LiveDelivery) -> String {
        var text = ""
        if delivery.dropped > 0 { text += "event: overflow\ndata: {\"dropped\":\(delivery.dropped)}\n\n" }
        if !delivery.samples.isEmpty {
            let body = LiveSamplesDTO(samples: delivery.samples.map(LiveSampleDTO.init))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            // JSON has no raw newlines outside strings, and the encoder escapes them inside: one `data:` line.
            let json = (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{\"samples\":[]}"
            text += "event: samples\ndata: \(json)\n\n"
        }
        return text
    }
}

struct LiveSamplesDTO: Encodable {
    var samples: [LiveSampleDTO]
}

struct LiveSampleDTO: Encodable {
    var tag: String
    var time: String
    var value: JSONScalar
    var quality: String

    init(_ tagged: TaggedSample) {
        tag = tagged.tag.rawValue
        time = tagged.sample.time.iso8601
        value = JSONScalar(tagged.sample.value)
        quality = tagged.sample.quality.description
    }
}
