/// The unit of an acceleration waveform.
public enum AccelerationUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// m/s².
    case metresPerSecondSquared = "m/s²"
    /// Multiples of standard gravity, g_n = 9.806 65 m/s² exactly (CGPM 1901; ISO 80000-3).
    case standardGravity = "g"

    /// Metres per second squared in one of this unit.
    public var metresPerSecondSquared: Double {
        switch self {
        case .metresPerSecondSquared: 1
        case .standardGravity: 9.806_65
        }
    }
}
