/// The verdict on one overall velocity: the zone, the criteria and limits it was judged by, and why — so a finding
/// can say "zone C of ISO 10816-1 class II (2.8 to below 7.1 mm/s)" instead of a bare number.
public struct SeverityAssessment: Hashable, Sendable, Codable {
    /// The velocity judged, mm/s RMS.
    public var velocityRMS: Double
    public var zone: VibrationZone
    /// The table used, including its limits.
    public var criteria: SeverityCriteria
    /// One sentence for people: the value, the zone, its interval and its meaning.
    public var explanation: String

    public init(velocityRMS: Double, zone: VibrationZone, criteria: SeverityCriteria, explanation: String) {
        self.velocityRMS = velocityRMS
        self.zone = zone
        self.criteria = criteria
        self.explanation = explanation
    }

    /// The limits used, mm/s.
    public var limits: ZoneLimits { criteria.limits }
    /// What the zone means for the machine.
    public var meaning: String { zone.meaning }
    /// How far the velocity is above the B/C (alarm) boundary as a fraction of it; negative below it.
    public var marginToAlarm: Double { (velocityRMS - criteria.limits.bc) / criteria.limits.bc }
}
