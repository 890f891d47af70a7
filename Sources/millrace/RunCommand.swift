import ArgumentParser
import Foundation
import Logging
import Metrics
import MillraceApp
import MillraceConfiguration
import MillraceCore
import Prometheus

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the platform: collect, store and serve the dashboard and API.",
        discussion: """
            Without --config, runs the built-in demo plant: the plant simulator (a packaging line, two pumps, a compressor,
            HVAC, a boiler and an energy meter, with faults developing) served as a Modbus device on loopback and
            collected through Modbus like a real plant.
            """)

    @Option(name: .shortAndLong, help: "The configuration file (YAML). Without it the built-in demo plant runs.")
    var config: String?

    @Option(name: .long, help: "Override the data directory of the configuration.")
    var dataDir: String?

    @Option(name: .long, help: "Override the HTTP listen address.")
    var httpHost: String?

    @Option(name: .long, help: "Override the HTTP port (0 picks a free port).")
    var httpPort: Int?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let httpPort, !(0...65535).contains(httpPort) {
            throw ValidationError("--http-port must be from 0 to 65535, got \(httpPort)")
        }
    }

    func run() async throws {
        ConsoleLogHandler.bootstrap(logging)
        let logger = Logger(label: "millrace")
        var configuration: MillraceConfiguration
        var simulator: PlantSimulatorService?
        if let config {
            do {
                configuration = try ConfigurationLoader.load(path: config)
            } catch {
                printError("error: \(error.description)")
                throw ExitCode(2)
            }
        } else {
            do {
                let plant = try await PlantSimulatorService(
                    seed: 42, host: "127.0.0.1", port: 0, clock: SystemWallClock(), logger: Logger(label: "millrace.sim"))
                simulator = plant
                configuration = plant.configuration()
            } catch {
                printError("error: cannot start the built-in plant simulator: \(error)")
                throw ExitCode(1)
            }
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        var app = MillraceApplication(
            configuration: configuration,
            overrides: .init(dataDirectory: dataDir, httpHost: httpHost, httpPort: httpPort),
            version: BuildInfo.version, logger: logger)
        app.metricsText = { registry.emitToString() }
        if let simulator {
            app.extraServices = [simulator]
            app.vibrationSource = simulator
            app.anomalyProfiles = LiveAnomalyProfile.pumps(in: configuration)
            let groundTruth = simulator.groundTruth
            app.groundTruthCSV = { groundTruth.csv() }
        }
        logger.info(
            "millrace starting",
            metadata: [
                "version": "\(BuildInfo.version)", "config": "\(config ?? DemoPlant.label)",
                "tags": "\(configuration.resolvedTags.count)",
            ])
        app.onSetupToken = { token in
            // Console only (standard output), never the log: whoever holds it can create the first administrator.
            let text = """

                No user exists yet. Create the administrator in the browser (the dashboard asks for this one-time
                setup token) or with `millrace user add NAME --role admin` while Millrace is stopped.
                  Setup token: \(token)
                It works once and expires in 24 hours; restarting Millrace prints a new one.


                """
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        do {
            try await app.run { listening in
                var line = "Millrace \(BuildInfo.version) is running. Dashboard: \(listening.url)  (Ctrl-C stops it)\n"
                if let fingerprint = listening.certificateFingerprint {
                    line += "TLS certificate \(listening.certificatePath ?? "") SHA-256 \(fingerprint)\n"
                }
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch let error as ApplicationError {
            printError("error: \(error.description)")
            throw ExitCode(1)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
