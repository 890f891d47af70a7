/// A fault that can develop on a simulated asset, with the parameters that shape its signature.
///
/// The severity (0…1, from `FaultScenario`) scales each signature; the comments say what a fault does to the
/// signals, which is what the analytics must find. Faults that do not apply to an asset (cavitation on a
/// compressor) have no effect on it.
public enum FaultKind: Hashable, Sendable {
    /// Outer-race spall: impacts at BPFO exciting the structural resonance, constant amplitude (the outer
    /// ring is stationary, so the defect stays in the load zone).
    case outerRaceDefect(BearingLocation)
    /// Inner-race spall: impacts at BPFI, amplitude-modulated at 1× as the defect passes through the load zone,
    /// giving 1× sidebands around BPFI in the envelope spectrum.
    case innerRaceDefect(BearingLocation)
    /// Rolling-element defect: impacts at 2·BSF, modulated at the cage frequency (FTF).
    case ballDefect(BearingLocation)
    /// Mass unbalance: the radial 1× component grows (to ISO 10816-3 zone D at severity 1).
    case imbalance
    /// Shaft misalignment: strong 2× radial and strong 1×/2× axial vibration.
    case misalignment
    /// Mechanical looseness: many harmonics of 1× and half-harmonics (0.5×, 1.5×, …).
    case looseness
    /// Lubricant degradation: a rising high-frequency noise floor (metal contact) and bearing temperature.
    case lubricationDegradation
    /// Winding overheating, from overload or from loss of cooling (blocked fins, broken fan).
    case motorOverheating(OverheatingCause)
    /// Pump cavitation: the suction side loses head (clogged strainer, falling tank level) until NPSH available
    /// falls below NPSH required; then broadband 2–10 kHz noise, discharge pressure fluctuation and flow drop.
    case pumpCavitation
    /// Supply or winding asymmetry: phase current unbalance up to `maximumPercent` (NEMA MG-1 definition:
    /// largest deviation from the mean over the mean) at severity 1, with extra winding heating.
    case phaseUnbalance(maximumPercent: Double)
    /// Broken rotor bars: sidebands at (1 ± 2s)·f_line in the stator current, rising linearly in dB from −60 dB
    /// to `sidebandDB` (relative to the line component) at severity 1. Healthy rotors show −55 dB or less
    /// (Thomson & Fenger, "Current signature analysis to detect induction motor faults", IEEE IAM 2001).
    case brokenRotorBar(sidebandDB: Double)
    /// The transmitter of `signal` freezes at its last value.
    case sensorStuck(signal: String)
    /// The transmitter of `signal` drifts, reaching `offsetAtFailure` (engineering units) at severity 1.
    case sensorDrift(signal: String, offsetAtFailure: Double)
    /// `signal` shows isolated spikes of `magnitude` (engineering units), more often as severity grows.
    case sensorSpikes(signal: String, magnitude: Double)
    /// Samples of `signal` go missing, a fraction equal to the severity.
    case sensorDropout(signal: String)
    /// A compressed-air leak growing to `flowAtFailure` m³/min of free air: the compressor loads more often.
    case airLeak(flowAtFailure: Double)
    /// Equipment left running outside production (no shutdown in breaks and off-shift), a fraction equal to
    /// the severity of the idle periods.
    case energyWaste

    /// A stable snake_case name for exports and ground truth, with the parameters that matter.
    public var name: String {
        switch self {
        case .outerRaceDefect(let location): "outer_race_defect(\(location.rawValue))"
        case .innerRaceDefect(let location): "inner_race_defect(\(location.rawValue))"
        case .ballDefect(let location): "ball_defect(\(location.rawValue))"
        case .imbalance: "imbalance"
        case .misalignment: "misalignment"
        case .looseness: "looseness"
        case .lubricationDegradation: "lubrication_degradation"
        case .motorOverheating(let cause): "motor_overheating(\(cause.rawValue))"
        case .pumpCavitation: "pump_cavitation"
        case .phaseUnbalance(let percent): "phase_unbalance(\(percent)%)"
        case .brokenRotorBar(let dB): "broken_rotor_bar(\(dB)dB)"
        case .sensorStuck(let signal): "sensor_stuck(\(signal))"
        case .sensorDrift(let signal, let offset): "sensor_drift(\(signal),\(offset))"
        case .sensorSpikes(let signal, let magnitude): "sensor_spikes(\(signal),\(magnitude))"
        case .sensorDropout(let signal): "sensor_dropout(\(signal))"
        case .airLeak(let flow): "air_leak(\(flow)m3/min)"
        case .energyWaste: "energy_waste"
        }
    }

    /// The signal a sensor fault acts on, or nil for faults of the equipment itself.
    public var sensorSignal: String? {
        switch self {
        case .sensorStuck(let signal), .sensorDrift(let signal, _), .sensorSpikes(let signal, _),
            .sensorDropout(let signal):
            signal
        default: nil
        }
    }
}
