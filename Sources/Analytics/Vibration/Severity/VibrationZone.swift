/// The evaluation zones of ISO 10816-1:1995 §5.3.1 (and ISO 10816-3, ISO 20816-1/-3), from good to damaging.
public enum VibrationZone: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"

    /// What the zone means for the machine, in the sense of ISO 10816-1 §5.3.1 (paraphrased).
    public var meaning: String {
        switch self {
        case .a: "good: the vibration of a newly commissioned machine"
        case .b: "acceptable: fit for unrestricted long-term operation"
        case .c: "unsatisfactory: operate only for a limited period and plan remedial action at the next opportunity"
        case .d: "unacceptable: vibration severe enough to damage the machine; act now"
        }
    }

    public static func < (lhs: VibrationZone, rhs: VibrationZone) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
