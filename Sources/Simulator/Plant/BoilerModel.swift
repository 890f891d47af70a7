import MillraceCore

/// A gas-fired steam boiler with a modulating burner, supplying process heat and the air-handling unit's
/// heating coil.
///
/// Lumped model: the water and steam inventory stores energy, so pressure follows the energy balance
/// C·dp/dt = η·Q_fuel − Q_steam. The burner modulates between 20 % and 100 % firing (a proportional
/// pressure controller with demand feed-forward, servo motor lag ~20 s); below low fire it cycles off and on
/// with a pressure hysteresis. Gas flow = Q_fuel / LHV (natural gas ≈ 10.0 kWh/Nm³). Steam flow follows
/// demand at ≈ 2,050 kJ/kg (latent heat at 8 bar g, plus feed-water heating from 80 °C).
public struct BoilerModel: Sendable {
    /// Boiler data.
    public struct Parameters: Hashable, Sendable {
        /// Maximum fuel input, kW.
        public var maximumFiring = 900.0
        public var efficiency = 0.88
        /// Pressure setpoint, bar gauge; burner off above setpoint + 0.5, back on below setpoint − 0.3.
        public var setpoint = 8.0
        /// Stored energy per bar, kJ/bar.
        public var capacity = 18_000.0
        /// Process steam demand with the line running and stopped, kW.
        public var productionDemand = 320.0
        public var standbyDemand = 60.0
        /// Burner fan and feed pump, kW electric at full fire.
        public var auxiliaryPower = 4.5
        public init() {}
    }

    /// One reading of the boiler.
    public struct Reading: Hashable, Sendable {
        /// Drum steam pressure, bar gauge.
        public var steamPressure: Double
        /// Steam flow, kg/h.
        public var steamFlow: Double
        /// Natural gas flow, Nm³/h.
        public var gasFlow: Double
        /// Firing rate, %.
        public var firingRate: Double
        public var burnerOn: Bool
        /// Flue gas temperature, °C.
        public var stackTemperature: Double
        /// Electrical power of the auxiliaries, kW.
        public var power: Double

        /// The signals, in a fixed order.
        public var signals: [NamedSignal] {
            [
                NamedSignal("steam_pressure", steamPressure),
                NamedSignal("steam_flow", steamFlow),
                NamedSignal("gas_flow", gasFlow),
                NamedSignal("firing_rate", firingRate),
                NamedSignal("burner_on", .bool(burnerOn)),
                NamedSignal("stack_temperature", stackTemperature),
                NamedSignal("power", power),
            ]
        }

        /// The value of a signal by name, or nil.
        public func value(of name: String) -> DataValue? { signals.value(of: name) }
    }

    /// The model's data.
    public var parameters: Parameters
    /// Whether the line is producing (process demand).
    public var producing = true
    /// Heat asked by the air-handling unit, kW.
    public var heatingDemand = 0.0
    var effects = FaultEffects.none
    /// The time the model has been advanced to.
    public private(set) var time: Timestamp
    public private(set) var pressure: Double
    /// Firing rate 0…1.
    public private(set) var firing = 0.4
    public private(set) var burnerOn = true
    private var stack = 190.0
    private var steamDemand = 0.0
    private var processNoise = 0.0
    /// Process randomness (load, demand, stoppages).
    private var random: SeededGenerator
    /// Measurement noise, separate so that how often the model is read does not change its physics.
    private var noise: SeededGenerator

    /// Lower heating value of natural gas, kWh/Nm³.
    static let gasHeatingValue = 10.0
    /// Enthalpy to raise steam from 80 °C feed water at 8 bar g, kJ/kg.
    static let steamEnthalpy = 2_430.0

    public init(parameters: Parameters = Parameters(), seed: UInt64, start: Timestamp) {
        self.parameters = parameters
        self.random = SeededGenerator(seed: seed)
        self.noise = SeededGenerator(seed: PlantMath.mix(seed, 0x4E01_5E))
        self.time = start
        self.pressure = parameters.setpoint
    }

    /// Integrates to `target` in sub-steps of at most one second and returns the reading there.
    public mutating func advance(to target: Timestamp) -> Reading {
        while time < target {
            step(seconds: Double(min(target.microseconds - time.microseconds, 1_000_000)) / 1e6)
        }
        return reading()
    }

    mutating func step(seconds dt: Double) {
        let p = parameters
        time = Timestamp(microseconds: time.microseconds + Int64((dt * 1e6).rounded()))
        processNoise += -processNoise * dt / 300 + 1.5 * random.fastGaussian() * dt.squareRoot()
        let process = producing ? p.productionDemand : p.standbyDemand
        steamDemand = max(0, process + heatingDemand + processNoise) * PlantMath.clamp(pressure / p.setpoint, 0...1.2)
        // Controller: feed-forward of demand plus proportional pressure correction (25 % per bar).
        let feedForward = steamDemand / p.efficiency / p.maximumFiring
        let command = feedForward + 0.25 * (p.setpoint - pressure)
        if burnerOn && pressure > p.setpoint + 0.5 { burnerOn = false }
        if !burnerOn && pressure < p.setpoint - 0.3 { burnerOn = true }
        let target = burnerOn ? PlantMath.clamp(command, 0.2...1) : 0
        firing = PlantMath.lag(firing, toward: target, dt: dt, tau: 20)
        let heatIn = firing * p.maximumFiring * p.efficiency
        pressure = max(0, pressure + (heatIn - steamDemand) * dt / p.capacity)
        // Stack temperature follows firing with the boiler's thermal lag.
        stack = PlantMath.lag(stack, toward: burnerOn ? 150 + 90 * firing : 110, dt: dt, tau: 120)
    }

    /// The reading now, with transmitter noise.
    public mutating func reading() -> Reading {
        let fuel = firing * parameters.maximumFiring
        return Reading(
            steamPressure: PlantMath.rounded(pressure + 0.01 * noise.fastGaussian(), 3),
            steamFlow: PlantMath.rounded(
                max(0, steamDemand * 3600 / Self.steamEnthalpy * (1 + 0.01 * noise.fastGaussian())), 1),
            gasFlow: PlantMath.rounded(max(0, fuel / Self.gasHeatingValue * (1 + 0.005 * noise.fastGaussian())), 2),
            firingRate: PlantMath.rounded(firing * 100, 1),
            burnerOn: burnerOn,
            stackTemperature: PlantMath.rounded(stack + 0.3 * noise.fastGaussian(), 1),
            power: PlantMath.rounded(0.8 + parameters.auxiliaryPower * firing, 2))
    }
}
