import MillraceCore

/// The protocols a connection can speak. Each later protocol adds a case with its settings.
public enum ConnectionType: String, ConfigEnum {
    /// The built-in plant simulator, in process.
    case simulator
    /// A Modbus TCP device or gateway (MBAP framing).
    case modbusTCP = "modbus-tcp"
    /// A serial gateway that forwards Modbus RTU frames (with CRC) over TCP.
    case modbusRTUOverTCP = "modbus-rtu-over-tcp"

    public var isModbus: Bool { self == .modbusTCP || self == .modbusRTUOverTCP }
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
    /// For Modbus: the device's host name or IP address.
    public var host: String?
    /// For Modbus: the TCP port (502).
    public var port: Int
    /// For Modbus: the unit id (slave address behind a gateway; 255 or 1 for most TCP devices).
    public var unitId: Int
    /// For Modbus: how long one request may take before it counts as failed.
    public var timeout: ConfigDuration
    /// For Modbus: how many requests may be in flight at once (1: many devices answer one at a time).
    public var pipelineWindow: Int
    /// For Modbus: the largest gap, in registers or bits, that one read may span to cover several tags.
    public var maxGap: Int

    public enum Keys: String, CodingKey, CaseIterable {
        case id, name, type, pollInterval, enabled, model, seed, host, port, unitId, timeout, pipelineWindow, maxGap
    }

    public init(
        id: String, name: String? = nil, type: ConnectionType, pollInterval: ConfigDuration = .init(.seconds(1)),
        enabled: Bool = true, model: SimulatorModel? = nil, seed: UInt64? = nil, host: String? = nil,
        port: Int = 502, unitId: Int = 1, timeout: ConfigDuration = .init(.seconds(1)), pipelineWindow: Int = 1,
        maxGap: Int = 10
    ) {
        self.id = id
        self.name = name ?? id
        self.type = type
        self.pollInterval = pollInterval
        self.enabled = enabled
        self.model = model
        self.seed = seed
        self.host = host
        self.port = port
        self.unitId = unitId
        self.timeout = timeout
        self.pipelineWindow = pipelineWindow
        self.maxGap = maxGap
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
        host = try container.decodeIfPresent(String.self, forKey: .host) { host in
            host.isEmpty || host.contains(" ") ? "found '\(host)', expected a host name or IP address" : nil
        }
        port = try container.decodeIfPresent(Int.self, forKey: .port) { port in
            (1...65535).contains(port) ? nil : "found \(port), expected a TCP port from 1 to 65535"
        } ?? 502
        unitId = try container.decodeIfPresent(Int.self, forKey: .unitId) { unit in
            (0...255).contains(unit) ? nil : "found \(unit), expected a unit id from 0 to 255"
        } ?? 1
        timeout = try container.decodeIfPresent(ConfigDuration.self, forKey: .timeout) { timeout in
            timeout.duration >= .milliseconds(10) && timeout.duration <= .seconds(60)
                ? nil : "found \(timeout), expected between 10ms and 60s"
        } ?? ConfigDuration(.seconds(1))
        pipelineWindow = try container.decodeIfPresent(Int.self, forKey: .pipelineWindow) { window in
            (1...64).contains(window) ? nil : "found \(window), expected 1 to 64 requests in flight"
        } ?? 1
        maxGap = try container.decodeIfPresent(Int.self, forKey: .maxGap) { gap in
            (0...120).contains(gap) ? nil : "found \(gap), expected 0 to 120 registers"
        } ?? 10
        switch type {
        case .simulator:
            if model == nil {
                throw DecodingError.keyNotFound(
                    Keys.model, .init(codingPath: decoder.codingPath, debugDescription: "a simulator connection needs a model"))
            }
        case .modbusTCP, .modbusRTUOverTCP:
            if host == nil {
                throw DecodingError.keyNotFound(
                    Keys.host, .init(codingPath: decoder.codingPath, debugDescription: "a Modbus connection needs a host"))
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
        if type.isModbus {
            try container.encodeIfPresent(host, forKey: .host)
            try container.encode(port, forKey: .port)
            try container.encode(unitId, forKey: .unitId)
            try container.encode(timeout, forKey: .timeout)
            try container.encode(pipelineWindow, forKey: .pipelineWindow)
            try container.encode(maxGap, forKey: .maxGap)
        }
    }

    /// Why `tag` cannot be read through this connection, naming the tag's key at fault, or nil if it can.
    public func problem(with tag: TagConfiguration) -> ConfigurationProblem? {
        switch type {
        case .simulator:
            let signals = model?.signals ?? []
            return signals.contains(tag.address)
                ? nil
                : ConfigurationProblem(
                    key: "address",
                    message: "found '\(tag.address)', expected a signal of the \(model?.rawValue ?? "?") model: \(signals.joined(separator: ", "))")
        case .modbusTCP, .modbusRTUOverTCP:
            do {
                _ = try tag.modbusMapping()
                return nil
            } catch {
                return error
            }
        }
    }
}
