/// The state of a production machine, in the categories OEE needs (availability losses are `down`;
/// `starved`, `blocked` and `idle` are short stops and waiting; `plannedStop` is outside planned production
/// time). Codes follow the spirit of the PackML state model (ISA-TR88.00.02) but are Millrace's own.
public enum MachineState: Hashable, Sendable {
    case running
    /// Ready but not producing (start-up after a break, waiting for an operator).
    case idle
    /// Waiting for material from upstream.
    case starved
    /// Waiting for room downstream.
    case blocked
    /// Stopped by a failure.
    case down(DownReason)
    /// Stopped by plan: break, no shift.
    case plannedStop

    /// A stable numeric code: 1 running, 2 idle, 3 starved, 4 blocked, 5 down, 6 planned stop.
    public var code: Int {
        switch self {
        case .running: 1
        case .idle: 2
        case .starved: 3
        case .blocked: 4
        case .down: 5
        case .plannedStop: 6
        }
    }

    /// A stable snake_case name.
    public var name: String {
        switch self {
        case .running: "running"
        case .idle: "idle"
        case .starved: "starved"
        case .blocked: "blocked"
        case .down: "down"
        case .plannedStop: "planned_stop"
        }
    }

    /// The down reason, if down.
    public var downReason: DownReason? {
        if case .down(let reason) = self { reason } else { nil }
    }
}
