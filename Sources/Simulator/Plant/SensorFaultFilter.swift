import MillraceCore

/// Applies one sensor-fault scenario to the value of the signal it affects, after the physics.
///
/// The equipment is healthy; only what the transmitter reports is wrong, which is what makes sensor faults
/// worth simulating: analytics must tell them from process changes.
/// - stuck: from the onset on, the value freezes at the first value seen;
/// - drift: an offset of `severity × offsetAtFailure` is added;
/// - spikes: isolated samples jump by up to `magnitude`, with a probability per sample of 0.2 % + 3 % × severity;
/// - dropout: a fraction `severity` of the samples is missing (the collector marks the gap).
struct SensorFaultFilter: Sendable {
    let scenario: FaultScenario
    let signal: String
    private var held: DataValue?
    private var random: SeededGenerator

    init(scenario: FaultScenario, seed: UInt64) {
        self.scenario = scenario
        self.signal = scenario.fault.sensorSignal ?? ""
        self.random = SeededGenerator(seed: PlantMath.mix(seed, PlantMath.stableHash(scenario.id)))
    }

    /// The reported value, or nil if the sample drops out.
    mutating func apply(to value: DataValue, at time: Timestamp) -> DataValue? {
        let severity = scenario.severity(at: time)
        guard severity > 0 else { return value }
        switch scenario.fault {
        case .sensorStuck:
            if held == nil { held = value }
            return held
        case .sensorDrift(_, let offset):
            return Self.offset(value, by: severity * offset)
        case .sensorSpikes(_, let magnitude):
            guard random.unit() < 0.002 + 0.03 * severity else { return value }
            return Self.offset(value, by: magnitude * (0.5 + 0.5 * random.unit()))
        case .sensorDropout:
            return random.unit() < severity ? nil : value
        default:
            return value
        }
    }

    private static func offset(_ value: DataValue, by amount: Double) -> DataValue {
        switch value {
        case .double(let number): .double(number + amount)
        case .integer(let number): .integer(number + Int64(amount.rounded()))
        case .bool, .string: value
        }
    }
}
