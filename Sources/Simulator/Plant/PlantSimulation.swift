import MillraceCore

/// The plant twin: every asset of a `PlantLayout`, coupled, stepped together, with fault scenarios developing
/// on them.
///
/// ```swift
/// let start = Timestamp(seconds: 1_767_225_600)
/// let scenarios = ScenarioGenerator(seed: 7).scenarios(
///     for: PlantLayout.packagingLine.assets, start: start, horizon: .seconds(30 * 86_400), count: 5)
/// var plant = PlantSimulation(seed: 7, start: start, scenarios: scenarios)
/// let signals = plant.advance(to: start + .seconds(1))      // [PlantSignal]
/// let block = plant.waveform(of: plant.vibratingAssets[0])  // acceleration, g
/// print(plant.groundTruth.csv())
/// ```
///
/// Couplings: the conveyor follows the filler's state and carries its output; the compressor's air demand and
/// the hall's internal gains follow production; the air-handling unit's heating demand loads the boiler; the
/// conveyor motor breathes the hall's air; the main meter sums every asset's power plus the base load.
///
/// Pure and deterministic: no clock, no I/O, no globals. The same seed, scenarios and sequence of
/// `advance(to:)` times give the same signals bit for bit; every asset draws from its own generator, seeded
/// from the plant seed and a stable hash of its path.
public struct PlantSimulation: Sendable {
    /// An asset's model with what the plant keeps about it.
    struct Unit<Model: Sendable>: Sendable {
        let path: AssetPath
        var model: Model
        /// Indices into `scenarios` of the equipment faults on this asset.
        var scenarios: [Int]
        /// Indices into `filters` of the sensor faults on this asset.
        var filters: [Int]
        /// Noise of the derived signals (vibration overall values).
        var noise: SeededGenerator
    }

    /// The seed every asset's randomness derives from.
    public let seed: UInt64
    /// The assets and calendar.
    public let layout: PlantLayout
    /// The fault scenarios, including sensor faults.
    public let scenarios: [FaultScenario]
    /// The time the plant has been advanced to.
    public private(set) var time: Timestamp

    var conveyors: [Unit<ConveyorModel>] = []
    var fillers: [Unit<FillerModel>] = []
    var pumps: [Unit<CentrifugalPumpModel>] = []
    var compressors: [Unit<AirCompressorModel>] = []
    var hvacUnits: [Unit<HVACModel>] = []
    var boilers: [Unit<BoilerModel>] = []
    var meter: Unit<EnergyMeterModel>
    var filters: [SensorFaultFilter] = []

    /// Builds the plant of `layout` at `start`, with `scenarios` (on assets of the layout; others are ignored).
    public init(seed: UInt64, start: Timestamp, layout: PlantLayout = .packagingLine, scenarios: [FaultScenario] = []) {
        self.seed = seed
        self.layout = layout
        self.scenarios = scenarios
        self.time = start
        func unitSeed(_ path: AssetPath, _ salt: UInt64 = 0) -> UInt64 {
            PlantMath.mix(seed, PlantMath.stableHash(path.description), salt)
        }
        func unit<Model>(_ path: AssetPath, _ model: Model) -> Unit<Model> {
            Unit(
                path: path, model: model,
                scenarios: scenarios.indices.filter {
                    scenarios[$0].asset == path && scenarios[$0].fault.sensorSignal == nil
                },
                filters: [], noise: SeededGenerator(seed: unitSeed(path, 9)))
        }
        meter = unit(layout.energyMeter, EnergyMeterModel(seed: unitSeed(layout.energyMeter), start: start))
        for line in layout.lines {
            let motor = InductionMotorModel(
                parameters: .conveyorDrive, seed: unitSeed(line.conveyor, 1), start: start, load: 0.6)
            conveyors.append(
                unit(line.conveyor, ConveyorModel(motor: motor, seed: unitSeed(line.conveyor), start: start)))
            fillers.append(
                unit(line.filler, FillerModel(calendar: layout.calendar, seed: unitSeed(line.filler), start: start)))
        }
        for path in layout.pumps {
            let motor = InductionMotorModel(parameters: .pumpDrive, seed: unitSeed(path, 1), start: start, load: 0.9)
            pumps.append(unit(path, CentrifugalPumpModel(motor: motor, seed: unitSeed(path), start: start)))
        }
        for path in layout.compressors {
            let motor = InductionMotorModel(
                parameters: .compressorDrive, seed: unitSeed(path, 1), start: start, load: 0.9)
            compressors.append(unit(path, AirCompressorModel(motor: motor, seed: unitSeed(path), start: start)))
        }
        for path in layout.hvacUnits { hvacUnits.append(unit(path, HVACModel(seed: unitSeed(path), start: start))) }
        for path in layout.boilers { boilers.append(unit(path, BoilerModel(seed: unitSeed(path), start: start))) }
        for (index, scenario) in scenarios.enumerated() where scenario.fault.sensorSignal != nil {
            filters.append(SensorFaultFilter(scenario: scenario, seed: PlantMath.mix(seed, UInt64(index))))
            attachFilter(filters.count - 1, to: scenario.asset)
        }
    }

    private mutating func attachFilter(_ index: Int, to path: AssetPath) {
        if meter.path == path { meter.filters.append(index) }
        for i in conveyors.indices where conveyors[i].path == path { conveyors[i].filters.append(index) }
        for i in fillers.indices where fillers[i].path == path { fillers[i].filters.append(index) }
        for i in pumps.indices where pumps[i].path == path { pumps[i].filters.append(index) }
        for i in compressors.indices where compressors[i].path == path { compressors[i].filters.append(index) }
        for i in hvacUnits.indices where hvacUnits[i].path == path { hvacUnits[i].filters.append(index) }
        for i in boilers.indices where boilers[i].path == path { boilers[i].filters.append(index) }
    }

    /// Every asset of the plant, in the order signals are reported.
    public var assets: [PlantAssetDescription] { layout.assets }

    /// The assets with vibration signals and waveforms (rotating machines).
    public var vibratingAssets: [AssetPath] { layout.assets.filter { $0.kind.vibrates }.map(\.path) }

    /// The scenarios' onsets, severities and failure times.
    public var groundTruth: GroundTruth { GroundTruth(scenarios: scenarios) }

    /// Integrates every asset to `target` in lock-step sub-steps of at most one second and returns the
    /// signals at `target`, asset by asset in layout order, each asset's signals in a fixed order. A
    /// sensor-fault dropout leaves its sample out. A `target` at or before the plant's time integrates nothing
    /// and reports the present state again.
    public mutating func advance(to target: Timestamp) -> [PlantSignal] {
        while time < target {
            let step = min(target.microseconds - time.microseconds, 1_000_000)
            stepAll(seconds: Double(step) / 1e6)
            time = Timestamp(microseconds: time.microseconds + step)
        }
        return signals()
    }
}
