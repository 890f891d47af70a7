/// The machine faults the diagnosers can name, each with the words a reliability engineer uses for it.
///
/// The classification follows ISO 13373-1/-2 (vibration condition monitoring) and ISO 13379-1 (diagnostic
/// approaches: symptom → fault rules), with motor faults per IEC 60034 and NEMA MG-1.
public enum DiagnosedFault: String, Hashable, Sendable, Codable, CaseIterable {
    case outerRaceDefect = "outer_race_defect"
    case innerRaceDefect = "inner_race_defect"
    case ballDefect = "ball_defect"
    case imbalance
    case misalignment
    case looseness
    case lubrication = "lubrication_degradation"
    case cavitation = "pump_cavitation"
    case windingOverheating = "winding_overheating"
    case phaseCurrentUnbalance = "phase_current_unbalance"
    case brokenRotorBar = "broken_rotor_bar"

    /// The name of the fault in a sentence ("outer-race bearing defect").
    public var displayName: String {
        switch self {
        case .outerRaceDefect: "outer-race bearing defect"
        case .innerRaceDefect: "inner-race bearing defect"
        case .ballDefect: "rolling-element (ball) bearing defect"
        case .imbalance: "rotor imbalance"
        case .misalignment: "shaft misalignment"
        case .looseness: "mechanical looseness"
        case .lubrication: "inadequate bearing lubrication"
        case .cavitation: "pump cavitation"
        case .windingOverheating: "motor winding overheating"
        case .phaseCurrentUnbalance: "phase current unbalance"
        case .brokenRotorBar: "broken rotor bar"
        }
    }
}
