import Logging
import MillraceConfiguration
import MillraceCore
import ModbusNIO
import NIOPosix
import ServiceLifecycle
import Simulator
import Synchronization

/// The plant simulator as a running device: the default packaging plant, stepped once a second on the clock,
/// served as a Modbus TCP server. `millrace run` without a configuration starts it on loopback and reads it
/// through Modbus like any real plant; `millrace sim` runs it alone.
public final class PlantSimulatorService: Service, Sendable {
    public let port: Int
    public let map: SimulatorRegisterMap
    public let groundTruth: GroundTruth
    private let server: ModbusServer
    private let registers: ModbusRegisterMap
    let plant: Mutex<PlantSimulation>
    private let clock: any WallClock
    private let logger: Logger

    /// The demo's developing faults: an outer-race defect on pump 1 that began a week ago (so it shows from
    /// the first minute), lubrication wear starting on the conveyor now, and two more drawn from the seed over
    /// the next month. Each has its onset, growth and failure time in `groundTruth`.
    public static func demoScenarios(seed: UInt64, start: Timestamp) -> [FaultScenario] {
        var scenarios: [FaultScenario] = []
        if let pump = try? AssetPath("demo/utilities/cooling-water/pump-1"), let conveyor = try? AssetPath("demo/packaging/line-1/conveyor") {
            scenarios.append(
                FaultScenario(
                    id: "D001", fault: .outerRaceDefect(.driveEnd), asset: pump, onset: start - .seconds(7 * 86_400),
                    growth: .exponential(rate: 3), timeToFailure: .seconds(35 * 86_400)))
            scenarios.append(
                FaultScenario(
                    id: "D002", fault: .lubricationDegradation, asset: conveyor, onset: start, growth: .linear,
                    timeToFailure: .seconds(21 * 86_400)))
        }
        scenarios += ScenarioGenerator(seed: seed).scenarios(
            for: PlantLayout.packagingLine.assets, start: start, horizon: .seconds(30 * 86_400), count: 2)
        return scenarios
    }

    /// Starts serving the plant on `host:port` (0 picks a free port).
    public init(
        seed: UInt64, host: String, port: Int, layout: PlantLayout = .packagingLine, scenarios: [FaultScenario]? = nil,
        clock: any WallClock, logger: Logger
    ) async throws {
        let start = clock.now()
        var plant = PlantSimulation(
            seed: seed, start: start, layout: layout, scenarios: scenarios ?? Self.demoScenarios(seed: seed, start: start))
        let first = plant.advance(to: start)
        let map = SimulatorRegisterMap(signals: first)
        let registers = ModbusRegisterMap(
            coils: max(1, map.coilCount), discreteInputs: 1, holdingRegisters: max(1, map.registerCount), inputRegisters: 1)
        map.write(first, into: registers)
        server = try await ModbusServer.start(
            host: host, port: port, model: registers, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
        self.port = server.port
        self.map = map
        self.registers = registers
        self.groundTruth = plant.groundTruth
        self.plant = Mutex(plant)
        self.clock = clock
        self.logger = logger
    }

    /// The configuration that reads this device, one tag per signal.
    public func configuration(host: String = "127.0.0.1") -> MillraceConfiguration {
        map.configuration(host: host, port: port)
    }

    /// Steps the plant once a second until shutdown, then stops serving.
    public func run() async throws {
        logger.info("plant simulator running", metadata: ["modbusPort": "\(port)", "signals": "\(map.points.count)"])
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await self.clock.sleep(for: .seconds(1)) } catch { break }
                let now = self.clock.now()
                let signals = self.plant.withLock { $0.advance(to: now) }
                self.map.write(signals, into: self.registers)
            }
        }
        try await server.close()
        logger.info("plant simulator stopped")
    }
}
