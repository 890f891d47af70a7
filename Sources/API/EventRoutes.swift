import Events
import Foundation
import Hummingbird
import MillraceCore

/// `GET /api/v1/events`: condition-monitoring findings and anomalies kept by the platform, newest first.
enum EventRoutes {
    static let defaultLimit = 100
    static let maximumLimit = 10_000

    static func add(to router: Router<APIContext>, environment: APIEnvironment) {
        router.get("/api/v1/events") { request, context in
            let access = try ReadAccess(context)
            let asset: AssetPath?
            if let text = request.uri.queryParameters.get("asset"), !text.isEmpty {
                do { asset = try AssetPath(text) } catch {
                    throw APIError(.badRequest, code: "invalidAsset", "\(error)")
                }
            } else {
                asset = nil
            }
            if let asset, !access.canRead(asset) { try context.requirePermission(.readData, on: asset) }
            let now = environment.clock.now()
            let from = try QueryParameters.time(request, "from", now: now)
            let to = try QueryParameters.time(request, "to", now: now)
            if let from, let to, from > to {
                throw APIError(.badRequest, code: "invalidRange", "'from' (\(from.iso8601)) is after 'to' (\(to.iso8601))")
            }
            let limit = try QueryParameters.integer(request, "limit", default: defaultLimit, maximum: maximumLimit)
            let stateText = request.uri.queryParameters.get("state")
            let state: EventState?
            switch stateText {
            case nil, "", "all": state = nil
            case let text?:
                guard let parsed = EventState(rawValue: text) else {
                    throw APIError(.badRequest, code: "invalidState", "state '\(text.prefix(40))' is not one of open, cleared, all")
                }
                state = parsed
            }
            guard let store = environment.events else {
                return try JSONResponse.make(EventListDTO(serverTime: now.iso8601, events: []))
            }
            // A principal scoped to subtrees asks for more and keeps what it may read.
            let narrowed = !access.readsEverything && !(asset.map(access.canRead) ?? false)
            let events = try await eventStore {
                if state == .open, from == nil, to == nil {
                    return Array(try await store.openEvents(under: asset).reversed().filter { !narrowed || access.canRead($0.asset) }.prefix(limit))
                }
                let found = try await store.events(
                    under: asset, from: from, to: to, limit: state == nil && !narrowed ? limit : maximumLimit)
                return Array(found.filter { (state == nil || $0.state == state) && (!narrowed || access.canRead($0.asset)) }.prefix(limit))
            }
            return try JSONResponse.make(EventListDTO(serverTime: now.iso8601, events: events.map(EventDTO.init)))
        }
    }

    /// The open findings of an asset and the assets below it, newest first (for the asset page).
    static func openFindings(under asset: AssetPath, environment: APIEnvironment) async throws -> [EventDTO] {
        guard let store = environment.events else { return [] }
        return try await eventStore { try await store.openEvents(under: asset).reversed().map(EventDTO.init) }
    }

    static func eventStore<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as EventStoreError {
            throw APIError(.serviceUnavailable, code: "eventsUnavailable", error.description)
        }
    }
}

struct EventListDTO: Encodable {
    var serverTime: String
    var events: [EventDTO]
}

/// One event as the API shows it; `evidence` is the finding's evidence as JSON (an object or list).
struct EventDTO: Encodable {
    var id: Int64?
    var time: String
    var asset: String
    var kind: String
    var fault: String
    var severity: String
    var confidence: Double
    var title: String
    var explanation: String
    var evidence: JSONValue
    var recommendedAction: String
    var state: String
    var clearedAt: String?
    var updatedAt: String?
    /// Every severity the event has had, oldest first (the first is the one it was raised with).
    var severityHistory: [SeverityChangeDTO]

    struct SeverityChangeDTO: Encodable {
        var time: String
        var severity: String
    }

    init(_ event: Event) {
        id = event.id
        time = event.time.iso8601
        asset = event.asset.description
        kind = event.kind.rawValue
        fault = event.fault
        severity = event.severity
        confidence = event.confidence.isFinite ? event.confidence : 0
        title = event.title
        explanation = event.explanation
        evidence = (try? JSONDecoder().decode(JSONValue.self, from: Data(event.evidenceJSON.utf8))) ?? .string(event.evidenceJSON)
        recommendedAction = event.recommendedAction
        state = event.state.rawValue
        clearedAt = event.clearedAt?.iso8601
        updatedAt = event.updatedAt?.iso8601
        severityHistory = event.severityHistory.map { SeverityChangeDTO(time: $0.time.iso8601, severity: $0.severity) }
    }

    enum CodingKeys: String, CodingKey {
        case id, time, asset, kind, fault, severity, confidence, title, explanation, evidence, recommendedAction, state, clearedAt, updatedAt,
            severityHistory
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(time, forKey: .time)
        try container.encode(asset, forKey: .asset)
        try container.encode(kind, forKey: .kind)
        try container.encode(fault, forKey: .fault)
        try container.encode(severity, forKey: .severity)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(title, forKey: .title)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(recommendedAction, forKey: .recommendedAction)
        try container.encode(state, forKey: .state)
        try container.encode(clearedAt, forKey: .clearedAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(severityHistory, forKey: .severityHistory)
    }
}

/// Any JSON value, to pass stored JSON (a finding's evidence) through unchanged.
indirect enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
