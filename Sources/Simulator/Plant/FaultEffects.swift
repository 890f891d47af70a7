/// The severities of the equipment faults acting on one asset at one instant, gathered from its scenarios.
/// Sensor faults are not here: they act on the reported signals, after the physics (`SensorFaultFilter`).
struct FaultEffects: Hashable, Sendable {
    var imbalance = 0.0
    var misalignment = 0.0
    var looseness = 0.0
    var lubrication = 0.0
    var outerRace = 0.0
    var innerRace = 0.0
    var ball = 0.0
    /// The bearing the bearing faults sit in; the worst one wins if several are set.
    var bearingLocation = BearingLocation.driveEnd
    var overload = 0.0
    var coolingLoss = 0.0
    var cavitation = 0.0
    /// Phase current unbalance as a fraction (0.05 = 5 %).
    var phaseUnbalance = 0.0
    /// Broken-bar sideband level relative to the line component, dB (−∞ healthy).
    var brokenBarSidebandDB = -Double.infinity
    var brokenBar = 0.0
    /// Leak flow, m³/min of free air.
    var airLeak = 0.0
    var energyWaste = 0.0

    static let none = FaultEffects()

    /// Adds one scenario's fault at `severity`. Several faults of the same kind combine by taking the largest.
    mutating func add(_ fault: FaultKind, severity: Double) {
        guard severity > 0 else { return }
        switch fault {
        case .outerRaceDefect(let location):
            if severity > bearingSeverity { bearingLocation = location }
            outerRace = max(outerRace, severity)
        case .innerRaceDefect(let location):
            if severity > bearingSeverity { bearingLocation = location }
            innerRace = max(innerRace, severity)
        case .ballDefect(let location):
            if severity > bearingSeverity { bearingLocation = location }
            ball = max(ball, severity)
        case .imbalance: imbalance = max(imbalance, severity)
        case .misalignment: misalignment = max(misalignment, severity)
        case .looseness: looseness = max(looseness, severity)
        case .lubricationDegradation: lubrication = max(lubrication, severity)
        case .motorOverheating(.overload): overload = max(overload, severity)
        case .motorOverheating(.lossOfCooling): coolingLoss = max(coolingLoss, severity)
        case .pumpCavitation: cavitation = max(cavitation, severity)
        case .phaseUnbalance(let percent): phaseUnbalance = max(phaseUnbalance, severity * percent / 100)
        case .brokenRotorBar(let dB):
            // Sidebands rise linearly in dB from the healthy level (−60 dB) to the failure level.
            brokenBar = max(brokenBar, severity)
            brokenBarSidebandDB = max(brokenBarSidebandDB, -60 + (dB + 60) * severity)
        case .airLeak(let flow): airLeak = max(airLeak, severity * flow)
        case .energyWaste: energyWaste = max(energyWaste, severity)
        case .sensorStuck, .sensorDrift, .sensorSpikes, .sensorDropout: break
        }
    }

    private var bearingSeverity: Double { max(outerRace, innerRace, ball) }
}
