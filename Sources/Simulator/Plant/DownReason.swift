/// Why a machine is down (unplanned stop), with a stable numeric code as a PLC would report it.
///
/// Codes are grouped by hundreds: 1xx mechanical, 2xx electrical and controls, 3xx material.
public enum DownReason: Int, Hashable, Sendable, CaseIterable {
    case bottleJam = 101
    case fillingValveFault = 102
    case capperFault = 103
    case electricalFault = 201
    case sensorFault = 202
    case materialShortage = 301

    /// A stable snake_case name.
    public var name: String {
        switch self {
        case .bottleJam: "bottle_jam"
        case .fillingValveFault: "filling_valve_fault"
        case .capperFault: "capper_fault"
        case .electricalFault: "electrical_fault"
        case .sensorFault: "sensor_fault"
        case .materialShortage: "material_shortage"
        }
    }

    /// Relative frequency among stoppages, and the mean time to repair, s. Jams are frequent and short;
    /// electrical faults are rare and long, the usual Pareto of packaging-line downtime.
    var weightAndMeanRepair: (weight: Double, meanRepair: Double) {
        switch self {
        case .bottleJam: (0.45, 150)
        case .fillingValveFault: (0.15, 900)
        case .capperFault: (0.18, 480)
        case .electricalFault: (0.07, 2400)
        case .sensorFault: (0.10, 360)
        case .materialShortage: (0.05, 1200)
        }
    }
}
