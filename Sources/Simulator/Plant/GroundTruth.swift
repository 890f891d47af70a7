import MillraceCore

/// What really happens in a simulated plant: for each fault scenario its onset, its severity at any time and
/// its failure time. Used to score analytics (did the finding come, how early, for the right asset and fault)
/// and exported as CSV.
public struct GroundTruth: Hashable, Sendable {
    public var scenarios: [FaultScenario]

    public init(scenarios: [FaultScenario]) {
        self.scenarios = scenarios
    }

    /// The severity of scenario `id` at `time`, or nil for an unknown id.
    public func severity(of id: String, at time: Timestamp) -> Double? {
        scenarios.first { $0.id == id }?.severity(at: time)
    }

    /// The scenarios with a severity above zero at `time`, with that severity.
    public func active(at time: Timestamp) -> [(scenario: FaultScenario, severity: Double)] {
        scenarios.compactMap { scenario in
            let severity = scenario.severity(at: time)
            return severity > 0 ? (scenario, severity) : nil
        }
    }

    /// One row per scenario (RFC 4180, header first, times in ISO 8601 UTC):
    ///
    ///     scenario_id,asset,fault,growth,onset,failure_time,time_to_failure_s
    ///     S001,demo/utilities/cooling-water/pump-1,outer_race_defect(drive_end),exponential(4.0),2026-01-03T08:00:00Z,2026-01-20T08:00:00Z,1468800
    public func csv() -> String {
        var lines = ["scenario_id,asset,fault,growth,onset,failure_time,time_to_failure_s"]
        for scenario in scenarios {
            let fields = [
                scenario.id, scenario.asset.description, scenario.fault.name, scenario.growth.name,
                scenario.onset.iso8601, scenario.failureTime.iso8601,
                String(scenario.timeToFailure.microseconds / 1_000_000),
            ]
            lines.append(fields.map(Self.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The severity of every scenario at each of `times`, one row per time and scenario:
    ///
    ///     time,scenario_id,asset,fault,severity
    public func severityCSV(at times: [Timestamp]) -> String {
        var lines = ["time,scenario_id,asset,fault,severity"]
        for time in times {
            for scenario in scenarios {
                let fields = [
                    time.iso8601, scenario.id, scenario.asset.description, scenario.fault.name,
                    String(PlantMath.rounded(scenario.severity(at: time), 4)),
                ]
                lines.append(fields.map(Self.escape).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes a field that contains a comma, a quote or a line break (RFC 4180 §2).
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        var quoted = "\""
        for character in field {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
