import MillraceCore

/// JSON forms of the API's resources. Times are ISO 8601 in UTC; non-finite numbers are `null`
/// (JSON has no NaN), with the quality telling why.
struct SampleDTO: Encodable {
    var time: String
    var value: JSONScalar
    var quality: String

    init(_ sample: Sample) {
        self.init(time: sample.time, value: JSONScalar(sample.value), quality: sample.quality)
    }

    /// Also the form of interpolated values and plot points: a value may be missing (`null`) in a gap.
    init(time: Timestamp, value: JSONScalar, quality: Quality) {
        self.time = time.iso8601
        self.value = value
        self.quality = quality.description
    }
}

enum JSONScalar: Encodable {
    case number(Double)
    case integer(Int64)
    case bool(Bool)
    case string(String)
    case null

    init(_ value: DataValue) {
        switch value {
        case .double(let v): self = v.isFinite ? .number(v) : .null
        case .integer(let v): self = .integer(v)
        case .bool(let v): self = .bool(v)
        case .string(let v): self = .string(v)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let v): try container.encode(v)
        case .integer(let v): try container.encode(v)
        case .bool(let v): try container.encode(v)
        case .string(let v): try container.encode(v)
        case .null: try container.encodeNil()
        }
    }
}

struct TagDTO: Encodable {
    var id: String
    var name: String
    var description: String
    var asset: String?
    var kind: String
    var unit: String
    var connection: String?
    var current: SampleDTO?

    init(_ tag: TagMetadata, current: Sample?) {
        id = tag.id.rawValue
        name = tag.name
        description = tag.description
        asset = tag.asset?.description
        kind = tag.kind.rawValue
        unit = tag.unit.symbol
        connection = tag.connection
        self.current = current.map(SampleDTO.init)
    }

    enum CodingKeys: String, CodingKey { case id, name, description, asset, kind, unit, connection, current }

    /// Every key is always present; an unknown asset, connection or value is `null`.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(asset, forKey: .asset)
        try container.encode(kind, forKey: .kind)
        try container.encode(unit, forKey: .unit)
        try container.encode(connection, forKey: .connection)
        try container.encode(current, forKey: .current)
    }
}

struct TagListDTO: Encodable {
    var enterprise: String
    var serverTime: String
    var tags: [TagDTO]
    /// The `cursor` of the next page, or null on the last page.
    var next: String?

    enum CodingKeys: String, CodingKey { case enterprise, serverTime, tags, next }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(enterprise, forKey: .enterprise)
        try container.encode(serverTime, forKey: .serverTime)
        try container.encode(tags, forKey: .tags)
        try container.encode(next, forKey: .next)
    }
}

struct SamplesDTO: Encodable {
    var tag: String
    var from: String
    var to: String
    var samples: [SampleDTO]
    /// Set when `limit` cut the answer short: the `from` to ask for the next page.
    var next: String?
}

struct HealthDTO: Encodable {
    var status: String
    var version: String
    var serverTime: String
    var uptimeSeconds: Int64
}
