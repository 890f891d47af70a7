/// The machine classes of ISO 10816-1:1995 Annex B (Table B.1), for machines without a part of their own.
public enum ISO10816MachineClass: String, Hashable, Sendable, Codable, CaseIterable {
    /// Class I: individual parts of engines and machines integrally connected to the complete machine, typically
    /// production electric motors up to 15 kW.
    case classI = "I"
    /// Class II: medium machines (15–75 kW) without special foundations, rigidly mounted engines or machines up to
    /// 300 kW on special foundations.
    case classII = "II"
    /// Class III: large prime movers and other large machines with rotating masses on rigid and heavy foundations
    /// that are relatively stiff in the direction of measurement.
    case classIII = "III"
    /// Class IV: large prime movers on foundations relatively soft in the direction of measurement (for example
    /// turbogenerator sets, especially those with lightweight substructures).
    case classIV = "IV"

    /// The zone boundaries of Table B.1 in mm/s RMS (10–1000 Hz).
    public var limits: ZoneLimits {
        switch self {
        case .classI: ZoneLimits(unchecked: 0.71, 1.8, 4.5)
        case .classII: ZoneLimits(unchecked: 1.12, 2.8, 7.1)
        case .classIII: ZoneLimits(unchecked: 1.8, 4.5, 11.2)
        case .classIV: ZoneLimits(unchecked: 2.8, 7.1, 18.0)
        }
    }
}
