import MillraceCore

/// How a value is represented at the source. Numeric types are read as stored and then scaled.
public enum TagDataType: String, ConfigEnum {
    case bool, int16, uint16, int32, uint32, int64, float32, float64, string

    /// The kind of value stored once scale and offset have been applied.
    public func storedKind(scaled: Bool) -> ValueKind {
        switch self {
        case .bool: .bool
        case .string: .string
        case .float32, .float64: .double
        case .int16, .uint16, .int32, .uint32, .int64: scaled ? .double : .integer
        }
    }
}

/// The order of bytes and 16-bit words of multi-register values: ABCD is big-endian (the Modbus default),
/// CDAB swaps words, BADC swaps bytes within words, DCBA is little-endian.
public enum ByteOrder: String, ConfigEnum {
    case ABCD, CDAB, BADC, DCBA
}

/// One measured or computed point.
public struct TagConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var id: TagID
    public var name: String
    public var description: String
    /// The id of the connection the tag is read through.
    public var connection: String
    /// Where the value lives in the source, in that connection type's syntax (a simulator signal name,
    /// a Modbus register such as `holding:100`).
    public var address: String
    public var type: TagDataType
    public var byteOrder: ByteOrder
    public var unit: EngineeringUnit
    /// Engineering value = raw × scale + offset.
    public var scale: Double
    public var offset: Double
    /// Absolute deadband in engineering units: a new value is stored when it differs from the last stored
    /// one by more than this, when its quality changes, or at least once per `maxInterval`. 0 stores every change.
    public var deadband: Double
    /// How often the value is read, for polled connections; defaults to the connection's interval.
    public var pollInterval: ConfigDuration?
    /// The longest time between two stored values even when the value does not change (heartbeat).
    public var maxInterval: ConfigDuration
    /// Whether Millrace may write this tag to the device. Off unless set.
    public var writable: Bool
    /// For string tags on register devices: the length in characters.
    public var length: Int?

    public enum Keys: String, CodingKey, CaseIterable {
        case id, name, description, connection, address, type, byteOrder, unit, scale, offset, deadband,
            pollInterval, maxInterval, writable, length
    }

    public init(
        id: TagID, name: String, description: String = "", connection: String, address: String,
        type: TagDataType, byteOrder: ByteOrder = .ABCD, unit: EngineeringUnit = .none, scale: Double = 1,
        offset: Double = 0, deadband: Double = 0, pollInterval: ConfigDuration? = nil,
        maxInterval: ConfigDuration = ConfigDuration(.seconds(60)), writable: Bool = false, length: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.connection = connection
        self.address = address
        self.type = type
        self.byteOrder = byteOrder
        self.unit = unit
        self.scale = scale
        self.offset = offset
        self.deadband = deadband
        self.pollInterval = pollInterval
        self.maxInterval = maxInterval
        self.writable = writable
        self.length = length
    }

    /// Whether a scale or offset turns raw integers into engineering doubles.
    public var isScaled: Bool { scale != 1 || offset != 0 }

    /// The kind of value stored in the historian.
    public var storedKind: ValueKind { type.storedKind(scaled: isScaled) }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(TagID.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name, check: nonEmptyName) ?? id.rawValue
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        connection = try container.decode(String.self, forKey: .connection)
        address = try container.decode(String.self, forKey: .address) { address in
            address.isEmpty ? "found an empty address, expected where the value lives in the source" : nil
        }
        type = try container.decode(TagDataType.self, forKey: .type)
        byteOrder = try container.decodeIfPresent(ByteOrder.self, forKey: .byteOrder) ?? .ABCD
        unit = try container.decodeIfPresent(EngineeringUnit.self, forKey: .unit) ?? .none
        scale = try container.decodeIfPresent(Double.self, forKey: .scale) { scale in
            scale.isFinite && scale != 0 ? nil : "found \(scale), expected a finite, non-zero number"
        } ?? 1
        offset = try container.decodeIfPresent(Double.self, forKey: .offset) { offset in
            offset.isFinite ? nil : "found \(offset), expected a finite number"
        } ?? 0
        deadband = try container.decodeIfPresent(Double.self, forKey: .deadband) { deadband in
            deadband.isFinite && deadband >= 0 ? nil : "found \(deadband), expected a number of at least 0"
        } ?? 0
        pollInterval = try container.decodeIfPresent(ConfigDuration.self, forKey: .pollInterval, check: checkPollInterval)
        maxInterval = try container.decodeIfPresent(ConfigDuration.self, forKey: .maxInterval) { interval in
            interval.duration >= .seconds(1)
                ? nil : "found \(interval), expected at least 1s"
        } ?? ConfigDuration(.seconds(60))
        writable = try container.decodeIfPresent(Bool.self, forKey: .writable) ?? false
        length = try container.decodeIfPresent(Int.self, forKey: .length) { length in
            (1...250).contains(length) ? nil : "found \(length), expected 1 to 250 characters"
        }
        if (type == .string || type == .bool) && isScaled {
            throw container.invalid(.scale, "a \(type.rawValue) tag cannot have a scale or offset")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        if !description.isEmpty { try container.encode(description, forKey: .description) }
        try container.encode(connection, forKey: .connection)
        try container.encode(address, forKey: .address)
        try container.encode(type, forKey: .type)
        if byteOrder != .ABCD { try container.encode(byteOrder, forKey: .byteOrder) }
        if unit != .none { try container.encode(unit, forKey: .unit) }
        if scale != 1 { try container.encode(scale, forKey: .scale) }
        if offset != 0 { try container.encode(offset, forKey: .offset) }
        if deadband != 0 { try container.encode(deadband, forKey: .deadband) }
        try container.encodeIfPresent(pollInterval, forKey: .pollInterval)
        if maxInterval.duration != .seconds(60) { try container.encode(maxInterval, forKey: .maxInterval) }
        if writable { try container.encode(writable, forKey: .writable) }
        try container.encodeIfPresent(length, forKey: .length)
    }
}

func checkPollInterval(_ interval: ConfigDuration) -> String? {
    interval.duration >= .milliseconds(10) && interval.duration <= .seconds(86_400)
        ? nil : "found \(interval), expected between 10ms and 24h"
}
