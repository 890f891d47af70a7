/// A named table of zone limits to judge overall velocity against: one of the ISO tables, or a site's own
/// (configuration can carry any `SeverityCriteria`, since it is `Codable`).
///
/// ISO 10816-1 and -3 were revised as ISO 20816-1:2016 and ISO 20816-3:2022; the part-3 boundaries for groups 1
/// and 2 are unchanged there. ISO limits are for machines in steady operation, measured radially on bearing
/// housings; the standards themselves recommend basing alarms on each machine's own baseline once one exists.
public struct SeverityCriteria: Hashable, Sendable, Codable {
    /// What the limits are, for people: "ISO 10816-1 class II".
    public var name: String
    public var limits: ZoneLimits
    /// The band the velocity must be measured in for these limits to apply.
    public var band: FrequencyBand

    public init(name: String, limits: ZoneLimits, band: FrequencyBand = .iso10816Velocity) {
        self.name = name
        self.limits = limits
        self.band = band
    }

    /// ISO 10816-1:1995 Table B.1 for a machine class.
    public static func iso10816Part1(_ machineClass: ISO10816MachineClass) -> SeverityCriteria {
        SeverityCriteria(name: "ISO 10816-1 class \(machineClass.rawValue)", limits: machineClass.limits)
    }

    /// ISO 10816-3:2009 Tables A.1/A.2 (ISO 20816-3:2022) for a machine group and foundation.
    public static func iso10816Part3(group: ISO10816Part3Group, foundation: FoundationType) -> SeverityCriteria {
        let groupName = group == .group1 ? "group 1" : "group 2"
        return SeverityCriteria(
            name: "ISO 10816-3 \(groupName), \(foundation.rawValue) foundation",
            limits: group.limits(foundation: foundation))
    }

    /// The zone of an overall velocity, with the limits used and a plain-language explanation.
    /// - Parameter velocityRMS: RMS velocity in mm/s over `band`.
    /// - Throws: `invalidParameter` for a negative or non-finite velocity.
    public func assess(velocityRMS: Double) throws(AnalyticsError) -> SeverityAssessment {
        guard velocityRMS.isFinite, velocityRMS >= 0 else {
            throw AnalyticsError(.invalidParameter, "velocityRMS is \(velocityRMS) mm/s; it must be finite and ≥ 0")
        }
        let zone = limits.zone(of: velocityRMS)
        let range = limits.range(of: zone)
        let interval: String
        switch (range.lower, range.upper) {
        case (nil, let upper?): interval = "below \(DecimalFormat.compact(upper)) mm/s"
        case (let lower?, let upper?):
            interval = "\(DecimalFormat.compact(lower)) to below \(DecimalFormat.compact(upper)) mm/s"
        case (let lower?, nil): interval = "\(DecimalFormat.compact(lower)) mm/s or more"
        case (nil, nil): interval = "any value"
        }
        let explanation =
            "\(DecimalFormat.string(velocityRMS)) mm/s RMS (\(band)) is in zone \(zone.rawValue) of \(name) "
            + "(\(interval)): \(zone.meaning)."
        return SeverityAssessment(
            velocityRMS: velocityRMS, zone: zone, criteria: self, explanation: explanation)
    }
}
