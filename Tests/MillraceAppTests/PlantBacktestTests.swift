import Historian
import Logging
import MillraceApp
import MillraceConfiguration
import MillraceCore
import MillraceTestSupport
import Simulator
import Testing

@Suite struct PlantBacktestTests {
    let start = Timestamp(seconds: 1_795_000_000)

    func backtest(into directory: String, seed: UInt64 = 7) async throws -> (ChunkedHistorian, PlantBacktest.Result) {
        let scenarios = PlantSimulatorService.demoScenarios(seed: seed, start: start)
        let backtest = PlantBacktest(
            seed: seed, layout: .packagingLine, scenarios: scenarios, start: start, duration: .seconds(1800), step: .seconds(10))
        let store = try await ChunkedHistorian.open(directory: directory, logger: Logger(label: "test"))
        let result = try await backtest.run(into: store)
        return (store, result)
    }

    @Test func theSameSeedGivesTheSameHistory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (first, result) = try await backtest(into: directory.file("a"))
        let (second, _) = try await backtest(into: directory.file("b"))
        #expect(result.tags > 50)
        #expect(result.samples == result.tags * 181)  // 30 min every 10 s, both ends included
        for tag in ["demo.utilities.cooling-water.pump-1.vibration_velocity", "demo.packaging.line-1.filler.good_count"] {
            let id = TagID(unchecked: tag)
            let a = try await first.samples(of: id, from: start, to: start + .seconds(3600), limit: 1000)
            let b = try await second.samples(of: id, from: start, to: start + .seconds(3600), limit: 1000)
            #expect(a.count == 181, "\(tag)")
            #expect(zip(a, b).allSatisfy { $0.time == $1.time && $0.value.isIdentical(to: $1.value) }, "\(tag)")
        }
        #expect(result.groundTruth.csv().contains("D001"))
        try await first.close()
        try await second.close()
    }

    @Test func scenarioFilesNameAssetsThatDoNotExist() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            "s.yaml", "scenarios: [{ id: F1, fault: imbalance, asset: demo/utilities/cooling-water/pump-9, timeToFailure: 1d }]")
        let file = try SimulationConfiguration.load(path: path)
        let problem = #expect(throws: ConfigurationProblem.self) { try file.faultScenarios(start: self.start, seed: 1) }
        #expect(problem?.key == "scenarios[0].asset")
        #expect(problem?.message.contains("pump-1") == true)
    }
}
