import ArgumentParser
import Foundation
import Logging
import MillraceApp
import MillraceCore
import ServiceLifecycle

/// `millrace sim`: the plant simulator alone, served as a Modbus TCP device, to feed another Millrace or any
/// SCADA. `--write-config` writes the Millrace configuration that reads it, register by register.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the simulated packaging plant as a Modbus TCP device.",
        discussion: """
            Every signal of every simulated asset is served: analog values as float32 holding registers (two each),
            counters as int64 holding registers (four each), on/off signals as coils. Values update once per second.
            --write-config FILE writes a Millrace configuration with one tag per register, so
            `millrace run --config FILE` reads the plant through Modbus exactly as it would a real one.
            --ground-truth FILE writes the developing faults (onset, growth, failure time) as CSV.
            """)

    @Option(help: "Listen address.") var modbusHost = "127.0.0.1"
    @Option(help: "Modbus TCP port (0 picks a free port).") var modbusPort = 5020
    @Option(help: "Random seed: the same seed gives the same plant and faults.") var seed: UInt64 = 42
    @Option(help: "Write the Millrace configuration that reads this device to FILE.") var writeConfig: String?
    @Option(help: "Write the faults' ground truth (CSV) to FILE.") var groundTruth: String?
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (0...65535).contains(modbusPort) else { throw ValidationError("--modbus-port must be from 0 to 65535") }
    }

    func run() async throws {
        ConsoleLogHandler.bootstrap(logging)
        let logger = Logger(label: "millrace.sim")
        let simulator: PlantSimulatorService
        do {
            simulator = try await PlantSimulatorService(
                seed: seed, host: modbusHost, port: modbusPort, clock: SystemWallClock(), logger: logger)
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
}
