/// The machine groups of ISO 10816-3:2009 §3 (kept in ISO 20816-3:2022) for industrial machines above 15 kW
/// running at 120–15 000 r/min, measured on bearing housings.
public enum ISO10816Part3Group: String, Hashable, Sendable, Codable, CaseIterable {
    /// Group 1: large machines, rated power above 300 kW and up to 50 MW; electrical machines with shaft height
    /// H ≥ 315 mm.
    case group1
    /// Group 2: medium-size machines, 15 kW to 300 kW; electrical machines with shaft height 160 mm ≤ H < 315 mm.
    case group2

    /// The zone boundaries (mm/s RMS, 10–1000 Hz for machines above 600 r/min) of ISO 10816-3 Tables A.1 and A.2.
    public func limits(foundation: FoundationType) -> ZoneLimits {
        switch (self, foundation) {
        case (.group1, .rigid): ZoneLimits(unchecked: 2.3, 4.5, 7.1)
        case (.group1, .flexible): ZoneLimits(unchecked: 3.5, 7.1, 11.0)
        case (.group2, .rigid): ZoneLimits(unchecked: 1.4, 2.8, 4.5)
        case (.group2, .flexible): ZoneLimits(unchecked: 2.3, 4.5, 7.1)
        }
    }
}
