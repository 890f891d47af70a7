import ArgumentParser
import Foundation
import Historian
import Logging
import MillraceApp
import MillraceConfiguration
import MillraceCore
import ServiceLifecycle
import Simulator

/// `millrace sim`: the plant simulator alone — served as a Modbus TCP device in real time, or run faster than
/// real time straight into a historian (`--backtest`).
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the simulated plant as a Modbus TCP device, or as a fast backtest into a historian.",
        discussion: """
            Every signal of every simulated asset is served: analog values as float32 holding registers (two each),
            counters as int64 holding registers (four each), on/off signals as coils. Values update once per second.
            --write-config FILE writes a Millrace configuration with one tag per register, so
            `millrace run --config FILE` reads the plant through Modbus exactly as it would a real one.
            --scenarios FILE scripts the faults (and optionally the plant) in YAML; see docs/simulator.md.
            --ground-truth FILE writes the faults' onset, growth and failure time as CSV.
            --backtest simulates --duration of plant (from --from, default: that long before now) every --step
            into the historian in --data-dir, as fast as the machine allows.
            """)

    @Option(help: "Listen address.") var modbusHost = "127.0.0.1"
    @Option(help: "Modbus TCP port (0 picks a free port).") var modbusPort = 5020
    @Option(help: "Random seed: the same seed gives the same plant and faults.") var seed: UInt64 = 42
    @Option(help: "A YAML file of fault scenarios (and optionally a plant layout).") var scenarios: String?
    @Option(help: "Write the Millrace configuration that reads this device to FILE.") var writeConfig: String?
    @Option(help: "Write the faults' ground truth (CSV) to FILE.") var groundTruth: String?
    @Flag(help: "Simulate faster than real time into a historian instead of serving Modbus.") var backtest = false
    @Option(help: "Backtest: the simulated time to start at (ISO 8601).") var from: String?
    @Option(help: "Backtest: how much plant time to simulate (e.g. 1d, 30d).") var duration = "1d"
    @Option(help: "Backtest: the time between samples (e.g. 1s, 10s).") var step = "1s"
    @Option(help: "Backtest: the historian's data directory.") var dataDir = "data"
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (0...65535).contains(modbusPort) else { throw ValidationError("--modbus-port must be from 0 to 65535") }
        guard (try? ConfigDuration(parsing: duration)) != nil else { throw ValidationError("--duration: '\(duration)' is not a duration such as 1d") }
        guard let parsedStep = try? ConfigDuration(parsing: step), parsedStep.duration >= .milliseconds(10) else {
            throw ValidationError("--step: '\(step)' is not a duration of at least 10ms")
        }
        if let from { guard (try? Timestamp(iso8601: from)) != nil else { throw ValidationError("--from: '\(from)' is not an ISO 8601 time") } }
    }

    func run() async throws {
        ConsoleLogHandler.bootstrap(logging)
        let logger = Logger(label: "millrace.sim")
        let clock = SystemWallClock()
        var seed = self.seed
        var layout = PlantLayout.packagingLine
        var scripted: SimulationConfiguration?
        if let scenarios {
            do {
                let file = try SimulationConfiguration.load(path: scenarios)
                seed = file.seed ?? seed
                layout = file.layout
                scripted = file
            } catch {
                printError("error: \(error.description)")
                throw ExitCode(2)
            }
        }
        let totalDuration = (try? ConfigDuration(parsing: duration))?.duration ?? .seconds(86_400)
        let start: Timestamp =
            backtest ? (from.flatMap { try? Timestamp(iso8601: $0) } ?? clock.now() - totalDuration) : clock.now()
        var faults: [FaultScenario]?
        if let scripted {
            do {
                faults = try scripted.faultScenarios(start: start, seed: seed)
            } catch {
                printError("error: \(scenarios ?? ""): \(error.description)")
                throw ExitCode(2)
            }
        }
        if backtest {
            try await runBacktest(seed: seed, layout: layout, faults: faults, start: start, duration: totalDuration, logger: logger)
            return
        }
        let simulator: PlantSimulatorService
        do {
            simulator = try await PlantSimulatorService(
                seed: seed, host: modbusHost, port: modbusPort, layout: layout, scenarios: faults, clock: clock, logger: logger)
        } catch {
            printError("error: cannot serve Modbus on \(modbusHost):\(modbusPort): \(error)")
            throw ExitCode(1)
        }
        do {
            if let writeConfig {
                let host = modbusHost == "0.0.0.0" ? "127.0.0.1" : modbusHost
                try simulator.configuration(host: host).yamlText().write(toFile: writeConfig, atomically: true, encoding: .utf8)
            }
            if let groundTruth {
                try simulator.groundTruth.csv().write(toFile: groundTruth, atomically: true, encoding: .utf8)
            }
        } catch {
            printError("error: cannot write \(writeConfig ?? groundTruth ?? "the file"): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let banner = "Simulated plant on modbus://\(modbusHost):\(simulator.port): \(simulator.map.points.count) signals (\(simulator.map.registerCount) registers, \(simulator.map.coilCount) coils). READY\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: simulator)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    func runBacktest(
        seed: UInt64, layout: PlantLayout, faults: [FaultScenario]?, start: Timestamp, duration: Duration, logger: Logger
    ) async throws {
        let stepDuration = (try? ConfigDuration(parsing: step))?.duration ?? .seconds(1)
        let scenarios = faults ?? PlantSimulatorService.demoScenarios(seed: seed, start: start)
        let store = try await ChunkedHistorian.open(directory: dataDir, logger: logger)
        let backtest = PlantBacktest(seed: seed, layout: layout, scenarios: scenarios, start: start, duration: duration, step: stepDuration)
        let began = ContinuousClock.now
        let interactive = isatty(2) != 0
        let result = try await backtest.run(into: store) { fraction in
            let text = String(format: "backtest %5.1f%%", fraction * 100)
            FileHandle.standardError.write(Data((interactive ? "\r" + text : text + "\n").utf8))
        }
        try await store.close()
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        let seconds = (ContinuousClock.now - began).secondsDouble
        let truthPath = groundTruth ?? dataDir + "/ground-truth.csv"
        try result.groundTruth.csv().write(toFile: truthPath, atomically: true, encoding: .utf8)
        print(
            "Simulated \(ConfigDuration(duration)) of plant from \(start.iso8601) every \(ConfigDuration(stepDuration)): "
                + "\(result.samples) samples of \(result.tags) tags in \(String(format: "%.1f", seconds)) s into \(dataDir); ground truth in \(truthPath)")
    }
}
