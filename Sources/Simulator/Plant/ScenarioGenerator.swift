import MillraceCore

/// Draws random but plausible fault scenarios for a plant from a seed: which asset, which fault (only faults
/// that fit the kind of asset), when it starts, how it grows and how long it takes to fail.
///
/// Times to failure follow the usual P–F intervals: sensor faults within days, bearing and lubrication faults
/// in one to five weeks, imbalance and misalignment in two to eight, electrical faults over months.
/// The same seed, assets and arguments always give the same scenarios.
public struct ScenarioGenerator: Hashable, Sendable {
    public var seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// `count` scenarios with onsets uniformly in `[start, start + horizon)`, on assets drawn uniformly from
    /// those that have applicable faults. Ids are `S001`, `S002`, …
    public func scenarios(
        for assets: [PlantAssetDescription], start: Timestamp, horizon: Duration, count: Int
    ) -> [FaultScenario] {
        var random = SeededGenerator(seed: PlantMath.mix(seed, 0x5CE7_A210))
        let candidates = assets.filter { !Self.candidates(for: $0.kind).isEmpty }
        guard !candidates.isEmpty, count > 0 else { return [] }
        var scenarios: [FaultScenario] = []
        for number in 1...count {
            let asset = candidates[Int(random.next() % UInt64(candidates.count))]
            let options = Self.candidates(for: asset.kind)
            let family = options[Int(random.next() % UInt64(options.count))]
            let (fault, growth, days) = Self.draw(family, random: &random)
            let onset = start + .microseconds(Int64(random.unit() * Double(horizon.microseconds)))
            let ttf = Duration.microseconds(Int64(days * 86_400 * 1e6))
            var id = String(number)
            while id.count < 3 { id = "0" + id }
            scenarios.append(
                FaultScenario(
                    id: "S" + id, fault: fault, asset: asset.path, onset: onset, growth: growth, timeToFailure: ttf))
        }
        return scenarios
    }

    /// Families of faults, before their parameters are drawn.
    enum Family: Hashable, Sendable {
        case outerRace, innerRace, ball, imbalance, misalignment, looseness, lubrication
        case overload, lossOfCooling, cavitation, phaseUnbalance, brokenBar
        case stuck(String)
        case drift(String, Double)
        case spikes(String, Double)
        case dropout(String)
        case airLeak, energyWaste
    }

    static func candidates(for kind: PlantAssetKind) -> [Family] {
        let rotating: [Family] = [
            .outerRace, .innerRace, .ball, .imbalance, .misalignment, .looseness, .lubrication, .overload,
            .lossOfCooling, .phaseUnbalance, .brokenBar,
        ]
        switch kind {
        case .centrifugalPump:
            return rotating + [
                .cavitation, .cavitation, .drift("discharge_pressure", 0.6), .stuck("flow"),
                .spikes("motor_winding_temperature", 25),
            ]
        case .conveyor:
            return rotating + [.energyWaste, .dropout("belt_speed")]
        case .airCompressor:
            return rotating + [.airLeak, .airLeak, .drift("pressure", -0.5)]
        case .filler:
            return [.energyWaste, .spikes("rate", 120), .stuck("good_count")]
        case .hvac:
            return [.energyWaste, .drift("zone_temperature", 3), .stuck("supply_temperature")]
        case .boiler:
            return [.drift("steam_pressure", 0.8), .dropout("gas_flow")]
        case .energyMeter:
            return [.dropout("power")]
        }
    }

    static func draw(_ family: Family, random: inout SeededGenerator) -> (FaultKind, FaultGrowth, days: Double) {
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + random.unit() * (range.upperBound - range.lowerBound)
        }
        func location() -> BearingLocation { random.unit() < 0.6 ? .driveEnd : .nonDriveEnd }
        let bearingGrowth = FaultGrowth.exponential(rate: PlantMath.rounded(uniform(2.5...5), 1))
        switch family {
        case .outerRace: return (.outerRaceDefect(location()), bearingGrowth, uniform(7...35))
        case .innerRace: return (.innerRaceDefect(location()), bearingGrowth, uniform(7...30))
        case .ball: return (.ballDefect(location()), bearingGrowth, uniform(7...30))
        case .imbalance: return (.imbalance, .linear, uniform(14...56))
        case .misalignment: return (.misalignment, .linear, uniform(14...56))
        case .looseness: return (.looseness, .step(level: PlantMath.rounded(uniform(0.3...0.6), 2)), uniform(10...40))
        case .lubrication: return (.lubricationDegradation, .exponential(rate: 2), uniform(10...40))
        case .overload: return (.motorOverheating(.overload), .linear, uniform(3...20))
        case .lossOfCooling: return (.motorOverheating(.lossOfCooling), .linear, uniform(5...30))
        case .cavitation: return (.pumpCavitation, .linear, uniform(2...14))
        case .phaseUnbalance: return (.phaseUnbalance(maximumPercent: 10), .linear, uniform(30...120))
        case .brokenBar: return (.brokenRotorBar(sidebandDB: -30), .step(level: 0.4), uniform(60...180))
        case .stuck(let signal): return (.sensorStuck(signal: signal), .step(level: 1), uniform(1...5))
        case .drift(let signal, let offset):
            return (.sensorDrift(signal: signal, offsetAtFailure: offset), .linear, uniform(5...30))
        case .spikes(let signal, let magnitude):
            return (.sensorSpikes(signal: signal, magnitude: magnitude), .linear, uniform(2...10))
        case .dropout(let signal): return (.sensorDropout(signal: signal), .exponential(rate: 3), uniform(2...10))
        case .airLeak:
            return (.airLeak(flowAtFailure: PlantMath.rounded(uniform(1...2.5), 2)), .linear, uniform(10...40))
        case .energyWaste: return (.energyWaste, .step(level: 1), uniform(1...7))
        }
    }
}
