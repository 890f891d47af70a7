import Collector
import Hummingbird
import MillraceCore

/// `GET /api/v1/connections`: every configured connection with its state, last contact and last error.
enum ConnectionRoutes {
    static func add(to router: Router<APIContext>, environment: APIEnvironment) {
        router.get("/api/v1/connections") { _, context in
            // Connections serve the whole installation: reading them needs a role on all assets.
            try context.requirePermission(.readData)
            return try JSONResponse.make(ConnectionListDTO(connections: environment.connections.snapshot.map(ConnectionDTO.init)))
        }
    }
}

struct ConnectionListDTO: Encodable {
    var connections: [ConnectionDTO]
}

/// One connection; `name` is the connection id that tags refer to, `title` its display name.
struct ConnectionDTO: Encodable {
    var name, title, `protocol`, endpoint, state: String
    var lastContact: String?
    var lastError: String?
    var lastErrorTime: String?
    var tagCount, samplesRead: Int

    init(_ status: ConnectionStatus) {
        name = status.id
        title = status.name
        `protocol` = status.protocol
        endpoint = status.endpoint
        state = status.state.rawValue
        lastContact = status.lastContact?.iso8601
        lastError = status.lastError
        lastErrorTime = status.lastErrorTime?.iso8601
        tagCount = status.tagCount
        samplesRead = status.samplesRead
    }

    enum CodingKeys: String, CodingKey {
        case name, title, `protocol`, endpoint, state, lastContact, lastError, lastErrorTime, tagCount, samplesRead
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(title, forKey: .title)
        try container.encode(`protocol`, forKey: .protocol)
        try container.encode(endpoint, forKey: .endpoint)
        try container.encode(state, forKey: .state)
        try container.encode(lastContact, forKey: .lastContact)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(lastErrorTime, forKey: .lastErrorTime)
        try container.encode(tagCount, forKey: .tagCount)
        try container.encode(samplesRead, forKey: .samplesRead)
    }
}
