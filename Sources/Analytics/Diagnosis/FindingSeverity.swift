/// How bad a finding is, from "nothing to report" to "act now".
///
/// The levels map onto the alarm practice of ISO 13373-1 §7 and ISO 17359 (condition monitoring: alert and
/// alarm limits): `low` is an early warning to watch, `moderate` asks for planning, `high` for action at the
/// next stop, `critical` for action now. Each diagnoser documents the thresholds it uses.
public enum FindingSeverity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case none
    case low
    case moderate
    case high
    case critical

    /// 0 for `none` up to 4 for `critical`.
    public var rank: Int {
        switch self {
        case .none: 0
        case .low: 1
        case .moderate: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }

    /// The severity for a ratio against a reference, with ascending limits for low, moderate, high and critical.
    static func from(ratio: Double, limits: (low: Double, moderate: Double, high: Double, critical: Double))
        -> FindingSeverity
    {
        guard ratio.isFinite else { return ratio > 0 ? .critical : .none }
        if ratio >= limits.critical { return .critical }
        if ratio >= limits.high { return .high }
        if ratio >= limits.moderate { return .moderate }
        if ratio >= limits.low { return .low }
        return .none
    }
}
