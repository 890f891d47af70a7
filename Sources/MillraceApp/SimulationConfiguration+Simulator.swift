import MillraceConfiguration
import MillraceCore
import Simulator

extension SimulationConfiguration {
    /// The plant the file describes, or the built-in packaging plant.
    public var layout: PlantLayout {
        guard let plant else { return .packagingLine }
        return PlantLayout(
            lines: plant.lines.map { PlantLayout.Line(filler: $0.filler, conveyor: $0.conveyor) }, pumps: plant.pumps,
            compressors: plant.compressors, hvacUnits: plant.hvacUnits, boilers: plant.boilers, energyMeter: plant.energyMeter)
    }

    /// The scripted faults as simulator scenarios (plus `randomScenarios` drawn from the seed over 30 days).
    /// Fails, naming the scenario, for an asset that is not part of the plant.
    public func faultScenarios(start: Timestamp, seed: UInt64) throws(ConfigurationProblem) -> [FaultScenario] {
        let layout = self.layout
        let known = Set(layout.assets.map(\.path))
        var result: [FaultScenario] = []
        for (index, scenario) in scenarios.enumerated() {
            guard known.contains(scenario.asset) else {
                throw ConfigurationProblem(
                    key: "scenarios[\(index)].asset",
                    message: "'\(scenario.asset)' is not an asset of the simulated plant; its assets are \(layout.assets.map(\.path.description).sorted().joined(separator: ", "))")
            }
            result.append(
                FaultScenario(
                    id: scenario.id, fault: scenario.faultKind, asset: scenario.asset, onset: scenario.onsetTime(start: start),
                    growth: scenario.faultGrowth, timeToFailure: scenario.timeToFailure.duration))
        }
        if randomScenarios > 0 {
            result += ScenarioGenerator(seed: seed).scenarios(
                for: layout.assets, start: start, horizon: .seconds(30 * 86_400), count: randomScenarios)
        }
        return result
    }
}

extension ScenarioConfiguration {
    var faultKind: FaultKind {
        let location: BearingLocation = location == "non_drive_end" ? .nonDriveEnd : .driveEnd
        switch fault {
        case .outerRaceDefect: return .outerRaceDefect(location)
        case .innerRaceDefect: return .innerRaceDefect(location)
        case .ballDefect: return .ballDefect(location)
        case .imbalance: return .imbalance
        case .misalignment: return .misalignment
        case .looseness: return .looseness
        case .lubricationDegradation: return .lubricationDegradation
        case .motorOverheating: return .motorOverheating(cause == "loss_of_cooling" ? .lossOfCooling : .overload)
        case .pumpCavitation: return .pumpCavitation
        case .phaseUnbalance: return .phaseUnbalance(maximumPercent: magnitude ?? 8)
        case .brokenRotorBar: return .brokenRotorBar(sidebandDB: magnitude ?? -35)
        case .sensorStuck: return .sensorStuck(signal: signal ?? "")
        case .sensorDrift: return .sensorDrift(signal: signal ?? "", offsetAtFailure: magnitude ?? 1)
        case .sensorSpikes: return .sensorSpikes(signal: signal ?? "", magnitude: magnitude ?? 5)
        case .sensorDropout: return .sensorDropout(signal: signal ?? "")
        case .airLeak: return .airLeak(flowAtFailure: magnitude ?? 2)
        case .energyWaste: return .energyWaste
        }
    }

    var faultGrowth: FaultGrowth {
        switch growth {
        case .linear: .linear
        case .exponential: .exponential(rate: rate ?? 3)
        case .step: .step(level: min(1, rate ?? 1))
        }
    }
}
