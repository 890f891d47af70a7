import MillraceCore

/// A plant simulator scenario file (`millrace sim --scenarios FILE`): which faults develop on which assets,
/// when, how fast, and optionally a plant layout other than the built-in one.
///
/// ```yaml
/// seed: 7
/// randomScenarios: 2            # more faults drawn from the seed, over the next 30 days
/// scenarios:
///   - id: F1
///     fault: outer_race_defect
///     location: drive_end
///     asset: demo/utilities/cooling-water/pump-1
///     onset: -7d                 # relative to the start (or an ISO 8601 time)
///     growth: exponential
///     rate: 3
///     timeToFailure: 35d
/// ```
public struct SimulationConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var seed: UInt64?
    public var randomScenarios: Int
    public var scenarios: [ScenarioConfiguration]
    public var plant: PlantLayoutConfiguration?

    public enum Keys: String, CodingKey, CaseIterable { case seed, randomScenarios, scenarios, plant }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed)
        randomScenarios = try container.decodeIfPresent(Int.self, forKey: .randomScenarios) { count in
            (0...100).contains(count) ? nil : "found \(count), expected 0 to 100"
        } ?? 0
        scenarios = try container.decodeIfPresent([ScenarioConfiguration].self, forKey: .scenarios) ?? []
        plant = try container.decodeIfPresent(PlantLayoutConfiguration.self, forKey: .plant)
        var seen: Set<String> = []
        for (index, scenario) in scenarios.enumerated() where !seen.insert(scenario.id).inserted {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [Keys.scenarios, AnyCodingKey(intValue: index), ScenarioConfiguration.Keys.id],
                    debugDescription: ConfigMessage.invalidValue + "duplicate scenario id '\(scenario.id)'"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encode(randomScenarios, forKey: .randomScenarios)
        try container.encode(scenarios, forKey: .scenarios)
        try container.encodeIfPresent(plant, forKey: .plant)
    }

    /// Loads and checks a scenario file.
    public static func load(path: String) throws(ConfigurationError) -> SimulationConfiguration {
        let text = try ConfigurationLoader.readText(path: path)
        return try ConfigurationLoader.decode(
            SimulationConfiguration.self, text: text, file: path, what: "a simulator scenario file", keys: "scenarios, seed").0
    }
}

/// The faults the simulator can develop (docs/simulator.md has each one's signature).
public enum FaultName: String, ConfigEnum {
    case outerRaceDefect = "outer_race_defect", innerRaceDefect = "inner_race_defect", ballDefect = "ball_defect"
    case imbalance, misalignment, looseness
    case lubricationDegradation = "lubrication_degradation", motorOverheating = "motor_overheating"
    case pumpCavitation = "pump_cavitation", phaseUnbalance = "phase_unbalance", brokenRotorBar = "broken_rotor_bar"
    case sensorStuck = "sensor_stuck", sensorDrift = "sensor_drift", sensorSpikes = "sensor_spikes"
    case sensorDropout = "sensor_dropout", airLeak = "air_leak", energyWaste = "energy_waste"
}

/// How a fault's severity grows from 0 at onset to 1 at failure.
public enum GrowthName: String, ConfigEnum { case linear, exponential, step }

/// One scripted fault.
public struct ScenarioConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var id: String
    public var fault: FaultName
    public var asset: AssetPath
    /// Bearing faults: `drive_end` (default) or `non_drive_end`.
    public var location: String?
    /// Motor overheating: `overload` (default) or `loss_of_cooling`.
    public var cause: String?
    /// Sensor faults: the signal affected, such as `discharge_pressure`.
    public var signal: String?
    /// Relative to the simulation's start (`-7d`, `2h`) or an ISO 8601 time.
    public var onset: String
    public var growth: GrowthName
    /// Exponential growth rate, or the level of a step (0–1).
    public var rate: Double?
    public var timeToFailure: ConfigDuration
    /// Fault-specific size: drift offset or spike magnitude (signal units), rotor-bar sideband (dB),
    /// phase unbalance (%), air leak flow at failure.
    public var magnitude: Double?

    public enum Keys: String, CodingKey, CaseIterable {
        case id, fault, asset, location, cause, signal, onset, growth, rate, timeToFailure, magnitude
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(String.self, forKey: .id, check: validSegment)
        fault = try container.decode(FaultName.self, forKey: .fault)
        asset = try container.decode(AssetPath.self, forKey: .asset)
        location = try container.decodeIfPresent(String.self, forKey: .location) { location in
            ["drive_end", "non_drive_end"].contains(location) ? nil : "found '\(location)', expected drive_end or non_drive_end"
        }
        cause = try container.decodeIfPresent(String.self, forKey: .cause) { cause in
            ["overload", "loss_of_cooling"].contains(cause) ? nil : "found '\(cause)', expected overload or loss_of_cooling"
        }
        signal = try container.decodeIfPresent(String.self, forKey: .signal)
        onset = try container.decodeIfPresent(String.self, forKey: .onset) { onset in
            Self.parseOnset(onset, start: .epoch) == nil
                ? "found '\(onset)', expected a time relative to the start such as -7d or 2h, or an ISO 8601 time" : nil
        } ?? "0s"
        growth = try container.decodeIfPresent(GrowthName.self, forKey: .growth) ?? .linear
        rate = try container.decodeIfPresent(Double.self, forKey: .rate) { rate in
            rate.isFinite && rate > 0 ? nil : "found \(rate), expected a positive number"
        }
        timeToFailure = try container.decode(ConfigDuration.self, forKey: .timeToFailure) { duration in
            duration.duration >= .seconds(60) ? nil : "found \(duration), expected at least 1m"
        }
        magnitude = try container.decodeIfPresent(Double.self, forKey: .magnitude) { value in
            value.isFinite ? nil : "found \(value), expected a finite number"
        }
        if [.sensorStuck, .sensorDrift, .sensorSpikes, .sensorDropout].contains(fault), signal == nil {
            throw DecodingError.keyNotFound(
                Keys.signal, .init(codingPath: decoder.codingPath, debugDescription: "a sensor fault needs the signal it affects"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(fault, forKey: .fault)
        try container.encode(asset, forKey: .asset)
        try container.encodeIfPresent(location, forKey: .location)
        try container.encodeIfPresent(cause, forKey: .cause)
        try container.encodeIfPresent(signal, forKey: .signal)
        try container.encode(onset, forKey: .onset)
        try container.encode(growth, forKey: .growth)
        try container.encodeIfPresent(rate, forKey: .rate)
        try container.encode(timeToFailure, forKey: .timeToFailure)
        try container.encodeIfPresent(magnitude, forKey: .magnitude)
    }

    /// The onset as a time, given the simulation's start.
    public func onsetTime(start: Timestamp) -> Timestamp { Self.parseOnset(onset, start: start) ?? start }

    static func parseOnset(_ text: String, start: Timestamp) -> Timestamp? {
        if let time = try? Timestamp(iso8601: text), text.count >= 10, text.contains("-"), !text.hasPrefix("-") { return time }
        var body = Substring(text)
        var sign: Int64 = 1
        if body.hasPrefix("-") { sign = -1; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        guard let duration = try? ConfigDuration(parsing: String(body)) else { return nil }
        return Timestamp(microseconds: start.microseconds + sign * duration.duration.microseconds)
    }
}

/// A plant layout other than the built-in one: the assets the simulator models, by ISA-95 path.
public struct PlantLayoutConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public struct Line: Hashable, Sendable, Codable {
        public var filler: AssetPath
        public var conveyor: AssetPath
    }

    public var lines: [Line]
    public var pumps: [AssetPath]
    public var compressors: [AssetPath]
    public var hvacUnits: [AssetPath]
    public var boilers: [AssetPath]
    public var energyMeter: AssetPath

    public enum Keys: String, CodingKey, CaseIterable { case lines, pumps, compressors, hvacUnits, boilers, energyMeter }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        lines = try container.decodeIfPresent([Line].self, forKey: .lines) ?? []
        pumps = try container.decodeIfPresent([AssetPath].self, forKey: .pumps) ?? []
        compressors = try container.decodeIfPresent([AssetPath].self, forKey: .compressors) ?? []
        hvacUnits = try container.decodeIfPresent([AssetPath].self, forKey: .hvacUnits) ?? []
        boilers = try container.decodeIfPresent([AssetPath].self, forKey: .boilers) ?? []
        energyMeter = try container.decode(AssetPath.self, forKey: .energyMeter)
        let all = lines.flatMap { [$0.filler, $0.conveyor] } + pumps + compressors + hvacUnits + boilers + [energyMeter]
        for path in all where path.segments.count < 3 {
            throw DecodingError.dataCorrupted(
                .init(codingPath: container.codingPath, debugDescription: ConfigMessage.invalidValue + "'\(path)' needs at least site/area/asset"))
        }
        if Set(all).count != all.count {
            throw DecodingError.dataCorrupted(
                .init(codingPath: container.codingPath, debugDescription: ConfigMessage.invalidValue + "an asset path appears twice"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(lines, forKey: .lines)
        try container.encode(pumps, forKey: .pumps)
        try container.encode(compressors, forKey: .compressors)
        try container.encode(hvacUnits, forKey: .hvacUnits)
        try container.encode(boilers, forKey: .boilers)
        try container.encode(energyMeter, forKey: .energyMeter)
    }
}
