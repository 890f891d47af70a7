import MillraceCore
import Simulator
import Testing

@Suite struct FaultScenarioTests {
    let start = Timestamp(seconds: 1_767_225_600)
    let asset = try! AssetPath("demo/utilities/cooling-water/pump-1")

    @Test(arguments: [FaultGrowth.linear, .exponential(rate: 4), .exponential(rate: 0), .step(level: 0.3)])
    func severityIsZeroBeforeOnsetOneAtFailureAndNeverFalls(growth: FaultGrowth) {
        let scenario = FaultScenario(
            id: "S1", fault: .imbalance, asset: asset, onset: start + .seconds(100), growth: growth,
            timeToFailure: .seconds(10_000))
        #expect(scenario.severity(at: start) == 0)
        #expect(scenario.severity(at: scenario.onset) == 0)
        #expect(scenario.severity(at: scenario.failureTime) == 1)
        #expect(scenario.severity(at: scenario.failureTime + .seconds(86_400)) == 1)
        var previous = 0.0
        for second in stride(from: 0, through: 10_200, by: 50) {
            let severity = scenario.severity(at: start + .seconds(Int64(second)))
            #expect((0...1).contains(severity))
            #expect(severity >= previous)
            previous = severity
        }
        #expect(
            abs(scenario.severity(at: scenario.failureTime - .microseconds(1)) - 1) < 1e-6
                || growth == .step(level: 0.3))
    }

    @Test func growthCurvesHaveTheirShapes() {
        #expect(FaultGrowth.linear.severity(atFraction: 0.5) == 0.5)
        // Exponential: slow start, fast end (the P–F curve).
        let exponential = FaultGrowth.exponential(rate: 4)
        #expect(exponential.severity(atFraction: 0.5) < 0.15)
        #expect(exponential.severity(atFraction: 0.9) > 0.6)
        #expect(FaultGrowth.step(level: 0.4).severity(atFraction: 0.01) == 0.4)
        #expect(FaultGrowth.step(level: 0.4).severity(atFraction: 0.99) == 0.4)
    }

    @Test func generatorIsDeterministicAndDrawsFaultsThatFitTheAsset() {
        let assets = PlantLayout.packagingLine.assets
        let generator = ScenarioGenerator(seed: 77)
        let a = generator.scenarios(for: assets, start: start, horizon: .seconds(30 * 86_400), count: 40)
        let b = generator.scenarios(for: assets, start: start, horizon: .seconds(30 * 86_400), count: 40)
        let c = ScenarioGenerator(seed: 78).scenarios(
            for: assets, start: start, horizon: .seconds(30 * 86_400), count: 40)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 40 && Set(a.map(\.id)).count == 40 && a.first?.id == "S001")
        let kinds = Dictionary(uniqueKeysWithValues: assets.map { ($0.path, $0.kind) })
        for scenario in a {
            #expect(scenario.onset >= start && scenario.onset < start + .seconds(30 * 86_400))
            #expect(scenario.timeToFailure > .zero)
            let kind = kinds[scenario.asset]!
            switch scenario.fault {
            case .pumpCavitation: #expect(kind == .centrifugalPump)
            case .airLeak: #expect(kind == .airCompressor)
            case .outerRaceDefect, .innerRaceDefect, .ballDefect, .imbalance, .misalignment, .looseness,
                .brokenRotorBar, .phaseUnbalance, .motorOverheating, .lubricationDegradation:
                #expect(kind.vibrates)
            default: break
            }
        }
    }

    @Test func groundTruthCSVHasOneRowPerScenarioWithISOTimes() throws {
        let scenarios = [
            FaultScenario(
                id: "S001", fault: .outerRaceDefect(.driveEnd), asset: asset, onset: start + .seconds(86_400),
                growth: .exponential(rate: 4), timeToFailure: .seconds(17 * 86_400)),
            FaultScenario(
                id: "S002", fault: .sensorDrift(signal: "flow", offsetAtFailure: 5), asset: asset, onset: start,
                growth: .linear, timeToFailure: .seconds(3_600)),
        ]
        let truth = GroundTruth(scenarios: scenarios)
        let lines = truth.csv().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0] == "scenario_id,asset,fault,growth,onset,failure_time,time_to_failure_s")
        #expect(
            lines[1]
                == "S001,demo/utilities/cooling-water/pump-1,outer_race_defect(drive_end),exponential(4.0),2026-01-02T00:00:00Z,2026-01-19T00:00:00Z,1468800"
        )
        // A fault name with a comma is quoted (RFC 4180).
        #expect(lines[2].hasPrefix("S002,demo/utilities/cooling-water/pump-1,\"sensor_drift(flow,5.0)\",linear,"))
        let onset = try Timestamp(iso8601: String(lines[1].split(separator: ",")[4]))
        #expect(onset == scenarios[0].onset)
        #expect(truth.severity(of: "S002", at: start + .seconds(1_800)) == 0.5)
        #expect(truth.severity(of: "nope", at: start) == nil)
        #expect(truth.active(at: start + .seconds(60)).map(\.scenario.id) == ["S002"])
        let severities = truth.severityCSV(at: [start + .seconds(1_800)]).split(separator: "\n").map(String.init)
        #expect(severities[0] == "time,scenario_id,asset,fault,severity")
        #expect(severities[2].hasSuffix(",0.5") && severities[1].hasSuffix(",0.0"))
    }

    @Test func plantExposesItsGroundTruth() {
        let scenarios = ScenarioGenerator(seed: 1).scenarios(
            for: PlantLayout.packagingLine.assets, start: start, horizon: .seconds(86_400), count: 3)
        let plant = PlantSimulation(seed: 1, start: start, scenarios: scenarios)
        #expect(plant.groundTruth.scenarios == scenarios)
        #expect(plant.groundTruth.csv().split(separator: "\n").count == 4)
    }
}
