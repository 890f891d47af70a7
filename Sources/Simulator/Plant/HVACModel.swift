import MillraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An air-handling unit conditioning the production hall: outdoor temperature, zone, supply and return air.
///
/// Lumped first-order models (ASHRAE Handbook — Fundamentals, ch. 18, the "RC" zone model):
/// - outdoor temperature is a daily sine (minimum near 05:00, maximum near 15:00) plus a slow random walk;
/// - zone: C·dT_z/dt = UA·(T_out − T_z) + Q_internal + ṁc_p·(T_supply − T_z); internal gains follow production;
/// - supply air follows a proportional zone controller with a first-order coil response;
/// - coil load = ṁc_p·(T_mixed − T_supply) with 30 % outdoor air; cooling is electric (chiller COP 3),
///   heating comes from the boiler's steam (`heatingDemand`).
/// The fan runs from an hour before the first shift to the end of production; the energy-waste fault keeps it
/// (and the conditioning) running around the clock.
public struct HVACModel: Sendable {
    /// Building and unit data.
    public struct Parameters: Hashable, Sendable {
        /// Mean outdoor temperature, °C, and its daily half-swing, K.
        public var outdoorMean = 14.0
        public var outdoorSwing = 6.0
        /// Zone setpoint while occupied, °C.
        public var setpoint = 21.0
        /// Envelope conductance, kW/K; zone heat capacity, kJ/K.
        public var envelopeUA = 2.5
        public var zoneCapacity = 40_000.0
        /// Supply air heat capacity flow, kW/K (about 30,000 m³/h).
        public var airflowCapacity = 10.0
        /// Internal gains with the line running and stopped, kW.
        public var productionGains = 45.0
        public var idleGains = 8.0
        public var fanPower = 7.5
        public var chillerCOP = 3.0
        public init() {}
    }

    /// One reading of the unit.
    public struct Reading: Hashable, Sendable {
        public var outdoorTemperature: Double
        public var zoneTemperature: Double
        public var supplyTemperature: Double
        public var returnTemperature: Double
        public var fanRunning: Bool
        /// Electrical power (fan and chiller), kW.
        public var power: Double
        /// Heat asked of the boiler, kW.
        public var heatingDemand: Double

        /// The signals, in a fixed order.
        public var signals: [NamedSignal] {
            [
                NamedSignal("outdoor_temperature", outdoorTemperature),
                NamedSignal("zone_temperature", zoneTemperature),
                NamedSignal("supply_temperature", supplyTemperature),
                NamedSignal("return_temperature", returnTemperature),
                NamedSignal("fan_running", .bool(fanRunning)),
                NamedSignal("power", power),
                NamedSignal("heating_demand", heatingDemand),
            ]
        }

        /// The value of a signal by name, or nil.
        public func value(of name: String) -> DataValue? { signals.value(of: name) }
    }

    /// The model's data.
    public var parameters: Parameters
    /// Whether the hall is occupied/producing (set by the plant from the shift calendar).
    public var occupied = true
    /// Whether the line is producing (internal gains).
    public var producing = true
    var effects = FaultEffects.none
    /// The time the model has been advanced to.
    public private(set) var time: Timestamp
    public private(set) var zoneTemperature: Double
    public private(set) var supplyTemperature: Double
    public private(set) var outdoorTemperature: Double
    public private(set) var power = 0.0
    public private(set) var heatingDemand = 0.0
    private var weather = 0.0
    /// Process randomness (load, demand, stoppages).
    private var random: SeededGenerator
    /// Measurement noise, separate so that how often the model is read does not change its physics.
    private var noise: SeededGenerator

    public init(parameters: Parameters = Parameters(), seed: UInt64, start: Timestamp) {
        self.parameters = parameters
        self.random = SeededGenerator(seed: seed)
        self.noise = SeededGenerator(seed: PlantMath.mix(seed, 0x4E01_5E))
        self.time = start
        self.zoneTemperature = parameters.setpoint
        self.supplyTemperature = parameters.setpoint - 3
        self.outdoorTemperature = parameters.outdoorMean
        outdoorTemperature = outdoor(at: start)
    }

    /// Integrates to `target` in sub-steps of at most one second and returns the reading there.
    public mutating func advance(to target: Timestamp) -> Reading {
        while time < target {
            step(seconds: Double(min(target.microseconds - time.microseconds, 1_000_000)) / 1e6)
        }
        return reading()
    }

    /// Whether the fan is on: occupied, or left on by the energy-waste fault.
    public var fanRunning: Bool { occupied || effects.energyWaste > 0.5 }

    private func outdoor(at time: Timestamp) -> Double {
        let hour = Double(time.microseconds % 86_400_000_000) / 3_600_000_000
        // Coldest near 05:00, warmest near 15:00 (a phase of −9 h on the sine).
        return parameters.outdoorMean + parameters.outdoorSwing * sin(2 * Double.pi * (hour - 9) / 24) + weather
    }

    mutating func step(seconds dt: Double) {
        let p = parameters
        weather += -weather * dt / 43_200 + 0.01 * random.fastGaussian() * dt.squareRoot()
        time = Timestamp(microseconds: time.microseconds + Int64((dt * 1e6).rounded()))
        outdoorTemperature = outdoor(at: time)
        let fan = fanRunning
        // Proportional zone control: 4 K of supply change per K of zone error, within coil limits.
        let target = fan ? PlantMath.clamp(p.setpoint - 4 * (zoneTemperature - p.setpoint), 13...32) : zoneTemperature
        supplyTemperature = PlantMath.lag(supplyTemperature, toward: target, dt: dt, tau: 90)
        let gains = producing ? p.productionGains : p.idleGains
        let supplyFlow = fan ? p.airflowCapacity : 0
        let heatFlow =
            p.envelopeUA * (outdoorTemperature - zoneTemperature) + gains
            + supplyFlow * (supplyTemperature - zoneTemperature)
        zoneTemperature += heatFlow * dt / p.zoneCapacity
        // Coil: mixed air (30 % outdoor) to supply temperature.
        let mixed = 0.7 * zoneTemperature + 0.3 * outdoorTemperature
        let coil = supplyFlow * (mixed - supplyTemperature)
        let cooling = max(0, coil)
        heatingDemand = max(0, -coil)
        power = fan ? p.fanPower + cooling / p.chillerCOP : 0.2
    }

    /// The reading now, with transmitter noise.
    public mutating func reading() -> Reading {
        Reading(
            outdoorTemperature: PlantMath.rounded(outdoorTemperature + 0.05 * noise.fastGaussian(), 2),
            zoneTemperature: PlantMath.rounded(zoneTemperature + 0.03 * noise.fastGaussian(), 2),
            supplyTemperature: PlantMath.rounded(supplyTemperature + 0.05 * noise.fastGaussian(), 2),
            returnTemperature: PlantMath.rounded(zoneTemperature + 0.4 + 0.05 * noise.fastGaussian(), 2),
            fanRunning: fanRunning,
            power: PlantMath.rounded(power * (1 + 0.005 * noise.fastGaussian()), 2),
            heatingDemand: PlantMath.rounded(heatingDemand, 2))
    }
}
