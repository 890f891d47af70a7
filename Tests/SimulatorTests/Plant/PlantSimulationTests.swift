import MillraceCore
import Simulator
import Testing

@Suite struct PlantSimulationTests {
    /// Thursday 2026-01-01T00:00:00Z.
    let start = Timestamp(seconds: 1_767_225_600)

    func run(_ plant: inout PlantSimulation, seconds: Int, every step: Int = 1) -> [[PlantSignal]] {
        stride(from: step, through: seconds, by: step).map { plant.advance(to: start + .seconds(Int64($0))) }
    }

    @Test func sameSeedGivesIdenticalSignalsBitForBitAndAnotherSeedDiffers() {
        let scenarios = ScenarioGenerator(seed: 3).scenarios(
            for: PlantLayout.packagingLine.assets, start: start, horizon: .seconds(3_600), count: 8)
        var a = PlantSimulation(seed: 42, start: start, scenarios: scenarios)
        var b = PlantSimulation(seed: 42, start: start, scenarios: scenarios)
        var c = PlantSimulation(seed: 43, start: start, scenarios: scenarios)
        let runA = run(&a, seconds: 7_200)
        let runB = run(&b, seconds: 7_200)
        let runC = run(&c, seconds: 7_200)
        #expect(runA.count == runB.count)
        let identical = zip(runA, runB).allSatisfy { x, y in
            x.count == y.count && zip(x, y).allSatisfy { $0.isIdentical(to: $1) }
        }
        #expect(identical)
        let differs = zip(runA, runC).contains { x, y in
            x.count != y.count || zip(x, y).contains { !$0.isIdentical(to: $1) }
        }
        #expect(differs)
        // Waveforms too.
        for asset in a.vibratingAssets {
            let blockA = a.waveform(of: asset, synthesizer: VibrationSynthesizer(sampleCount: 4_096))!
            let blockB = b.waveform(of: asset, synthesizer: VibrationSynthesizer(sampleCount: 4_096))!
            let blockC = c.waveform(of: asset, synthesizer: VibrationSynthesizer(sampleCount: 4_096))!
            #expect(blockA.isIdentical(to: blockB))
            #expect(!blockA.isIdentical(to: blockC))
            #expect(a.currentWaveform(of: asset)!.isIdentical(to: b.currentWaveform(of: asset)!))
        }
    }

    @Test func advancingInOneJumpOrSecondBySecondGivesTheSameState() {
        // Sub-steps are one second either way, and measurement noise has its own generators, so how often
        // the plant is read does not change its physics: integrated states (energy, counters) agree exactly.
        var a = PlantSimulation(seed: 1, start: start)
        var b = PlantSimulation(seed: 1, start: start)
        _ = run(&a, seconds: 3_600)
        let jump = b.advance(to: start + .seconds(3_600))
        let read = a.advance(to: start + .seconds(3_600))
        for name in ["energy", "good_count", "scrap_count", "piece_count", "peak_demand"] {
            let x = read.first { $0.name == name }?.value
            let y = jump.first { $0.name == name }?.value
            #expect(x != nil && x == y, "\(name)")
        }
    }

    @Test func defaultPlantHasTheDocumentedAssets() {
        let plant = PlantSimulation(seed: 1, start: start)
        let paths = plant.assets.map(\.path.description)
        #expect(
            paths == [
                "demo/packaging/line-1/conveyor", "demo/packaging/line-1/filler",
                "demo/utilities/cooling-water/pump-1", "demo/utilities/cooling-water/pump-2",
                "demo/utilities/compressed-air/compressor-1", "demo/utilities/hvac/ahu-1",
                "demo/utilities/steam/boiler-1", "demo/utilities/electrical/main-meter",
            ])
        #expect(plant.vibratingAssets.count == 4)
        #expect(plant.waveform(of: plant.assets[1].path) == nil)  // the filler does not vibrate
    }

    @Test func generatedSensorFaultsNameSignalsTheirAssetsReport() {
        var plant = PlantSimulation(seed: 1, start: start)
        let signals = plant.advance(to: start + .seconds(1))
        let scenarios = ScenarioGenerator(seed: 4).scenarios(
            for: plant.assets, start: start, horizon: .seconds(86_400), count: 300)
        let sensorFaults = scenarios.filter { $0.fault.sensorSignal != nil }
        #expect(sensorFaults.count > 20)
        for scenario in sensorFaults {
            let name = scenario.fault.sensorSignal!
            #expect(signals.contains { $0.asset == scenario.asset && $0.name == name }, "\(scenario.asset) \(name)")
        }
    }

    @Test func aCustomLayoutWithTwoLinesAndNoBoilerRuns() throws {
        let layout = PlantLayout(
            lines: [
                .init(
                    filler: try AssetPath("east/bottling/l1/filler"), conveyor: try AssetPath("east/bottling/l1/belt")),
                .init(
                    filler: try AssetPath("east/bottling/l2/filler"), conveyor: try AssetPath("east/bottling/l2/belt")),
            ],
            pumps: [], compressors: [try AssetPath("east/utilities/air/c1")], hvacUnits: [], boilers: [],
            energyMeter: try AssetPath("east/utilities/power/meter"), calendar: .continuous)
        var plant = PlantSimulation(seed: 3, start: start, layout: layout)
        var signals: [PlantSignal] = []
        for minute in 1...120 { signals = plant.advance(to: start + .seconds(Int64(minute * 60))) }
        #expect(Set(signals.map(\.asset)).count == 6)
        #expect(plant.vibratingAssets.count == 3)
        let produced = signals.filter { $0.name == "total_count" }.compactMap { $0.value.numericValue }
        #expect(produced.count == 2 && produced.allSatisfy { $0 > 15_000 })
    }
}
