import MillraceCore

/// The protocols a connection can speak. Each later protocol adds a case with its settings.
public enum ConnectionType: String, ConfigEnum {
    /// The built-in plant simulator, in process.
    case simulator
}

/// The simulated equipment models a simulator connection can run.
public enum SimulatorModel: String, ConfigEnum {
    case motor

    /// The signals the model produces: the valid `address` values of tags on such a connection.
    public var signals: [String] {
        switch self {
        case .motor: ["winding_temperature", "current", "vibration_rms", "running", "speed"]
        }
    }
}

/// A source of samples: a device, a gateway or the simulator.
public struct ConnectionConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var id: String
    public var name: String
    public var type: ConnectionType
    /// The default poll interval of the connection's tags.
    public var pollInterval: ConfigDuration
    /// Whether the connection is started; a disabled connection's tags carry bad / out-of-service quality.
    public var enabled: Bool
    /// For `simulator`: the equipment model.
    public var model: SimulatorModel?
    /// For `simulator`: the random seed, so the same seed gives the same signals.
    public var seed: UInt64?

    public enum Keys: String, CodingKey, CaseIterable { case id, name, type, pollInterval, enabled, model, seed }

    public init(
        id: String, name: String? = nil, type: ConnectionType, pollInterval: ConfigDuration = .init(.seconds(1)),
        enabled: Bool = true, model: SimulatorModel? = nil, seed: UInt64? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.type = type
        self.pollInterval = pollInterval
        self.enabled = enabled
        self.model = model
        self.seed = seed
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(String.self, forKey: .id, check: validSegment)
        name = try container.decodeIfPresent(String.self, forKey: .name, check: nonEmptyName) ?? id
        type = try container.decode(ConnectionType.self, forKey: .type)
        pollInterval = try container.decodeIfPresent(ConfigDuration.self, forKey: .pollInterval, check: checkPollInterval)
            ?? ConfigDuration(.seconds(1))
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        model = try container.decodeIfPresent(SimulatorModel.self, forKey: .model)
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed)
        switch type {
        case .simulator:
            if model == nil {
                throw DecodingError.keyNotFound(
                    Keys.model, .init(codingPath: decoder.codingPath, debugDescription: "a simulator connection needs a model"))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(pollInterval, forKey: .pollInterval)
        if !enabled { try container.encode(enabled, forKey: .enabled) }
        try container.encodeIfPresent(model, forKey: .model)
        try container.encodeIfPresent(seed, forKey: .seed)
    }

    /// Why `address` is not valid on this connection, or nil if it is.
    public func problem(withAddress address: String) -> String? {
        switch type {
        case .simulator:
            let signals = model?.signals ?? []
            return signals.contains(address)
                ? nil
                : "found '\(address)', expected a signal of the \(model?.rawValue ?? "?") model: \(signals.joined(separator: ", "))"
        }
    }
}
