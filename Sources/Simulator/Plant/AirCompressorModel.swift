import MillraceCore

/// A fixed-speed rotary screw compressor in load/unload control, feeding an air receiver.
///
/// Receiver pressure follows the mass balance of an isothermal receiver:
/// dp/dt = p_atm·(Q_delivered − Q_demand − Q_leak)/V, with flows in m³/s of free air (ISO 1217 FAD).
/// The compressor loads below the cut-in pressure and unloads above the cut-out pressure; unloaded it still
/// draws about 25–30 % of full-load power (Compressed Air Challenge, *Best Practices for Compressed Air
/// Systems*, ch. 2), which is why leaks waste energy even at low demand. The duty is the loaded fraction of
/// time, an exponential average over ten minutes. A leak adds demand, so the duty and the energy rise.
public struct AirCompressorModel: Sendable {
    /// Compressor and receiver data.
    public struct Parameters: Hashable, Sendable {
        /// Free air delivery when loaded, m³/min.
        public var freeAirDelivery = 6.0
        /// Receiver volume, m³.
        public var receiverVolume = 2.0
        /// Load below this pressure, bar gauge.
        public var cutInPressure = 6.5
        /// Unload above this pressure, bar gauge.
        public var cutOutPressure = 7.5
        /// Unloaded power over loaded power.
        public var unloadedPowerFraction = 0.28
        /// Air demand with the line stopped and running, m³/min.
        public var baseDemand = 1.6
        public var productionDemand = 2.4
        /// Leaks every plant has, m³/min (10–20 % of demand is typical even in good plants).
        public var backgroundLeak = 0.3
        /// Time constant of the duty average, s.
        public var dutyWindow = 600.0
        public init() {}
    }

    /// One reading of the compressor.
    public struct Reading: Hashable, Sendable {
        /// Receiver pressure, bar gauge.
        public var pressure: Double
        public var loaded: Bool
        /// Loaded fraction of time, %.
        public var duty: Double
        /// Air demand including leaks, m³/min.
        public var airDemand: Double
        /// Specific power, kW per m³/min delivered (averaged with the duty).
        public var specificPower: Double

        /// The signals, in a fixed order.
        public var signals: [NamedSignal] {
            [
                NamedSignal("pressure", pressure),
                NamedSignal("loaded", .bool(loaded)),
                NamedSignal("duty", duty),
                NamedSignal("air_demand", airDemand),
                NamedSignal("specific_power", specificPower),
            ]
        }

        /// The value of a signal by name, or nil.
        public func value(of name: String) -> DataValue? { signals.value(of: name) }
    }

    /// The model's data.
    public var parameters: Parameters
    /// The driving motor; this machine sets its load.
    public var motor: InductionMotorModel
    /// Production activity 0…1 (set by the plant from the line state): scales the process air demand.
    public var production = 0.0
    var effects = FaultEffects.none {
        didSet { motor.effects = effects }
    }
    /// The time the model has been advanced to.
    public private(set) var time: Timestamp
    public private(set) var pressure: Double
    public private(set) var loaded = true
    /// Duty 0…1.
    public private(set) var duty = 0.5
    private var demand = 0.0
    /// Process randomness (load, demand, stoppages).
    private var random: SeededGenerator
    /// Measurement noise, separate so that how often the model is read does not change its physics.
    private var noise: SeededGenerator
    /// Slow random variation of demand around its mean (tools and blow-offs switching).
    private var demandNoise = 0.0
    private var averagePower = 0.0

    public init(parameters: Parameters = Parameters(), motor: InductionMotorModel, seed: UInt64, start: Timestamp) {
        self.parameters = parameters
        self.motor = motor
        self.random = SeededGenerator(seed: seed)
        self.noise = SeededGenerator(seed: PlantMath.mix(seed, 0x4E01_5E))
        self.time = start
        self.pressure = (parameters.cutInPressure + parameters.cutOutPressure) / 2
        self.motor.load = 1
    }

    /// Integrates to `target` in sub-steps of at most one second; returns the compressor and motor readings.
    public mutating func advance(to target: Timestamp) -> (compressor: Reading, motor: InductionMotorModel.Reading) {
        while time < target {
            step(seconds: Double(min(target.microseconds - time.microseconds, 1_000_000)) / 1e6)
        }
        return (reading(), motor.reading())
    }

    mutating func step(seconds dt: Double) {
        let p = parameters
        demandNoise += -demandNoise * dt / 120 + 0.05 * random.fastGaussian() * dt.squareRoot()
        demand = max(0, p.baseDemand + p.productionDemand * production + demandNoise)
        let leak = p.backgroundLeak + effects.airLeak
        if pressure <= p.cutInPressure { loaded = true }
        if pressure >= p.cutOutPressure { loaded = false }
        let delivered = loaded ? p.freeAirDelivery * min(1, motor.speed / motor.parameters.synchronousSpeed / 0.98) : 0
        // Isothermal receiver: dp = p_atm · ΔV_free / V_receiver.
        let net = (delivered - demand - leak) / 60
        pressure = max(0, pressure + 1.01325 * net * dt / p.receiverVolume)
        // Loaded, the screw's torque rises with discharge pressure; unloaded, it idles.
        let pressureFactor = 0.88 + 0.12 * pressure / p.cutOutPressure
        motor.load = loaded ? pressureFactor : p.unloadedPowerFraction * 0.9
        motor.step(seconds: dt)
        duty = PlantMath.lag(duty, toward: loaded ? 1 : 0, dt: dt, tau: p.dutyWindow)
        averagePower = PlantMath.lag(averagePower, toward: motor.power, dt: dt, tau: p.dutyWindow)
        time = Timestamp(microseconds: time.microseconds + Int64((dt * 1e6).rounded()))
    }

    /// The reading now, with transmitter noise.
    public mutating func reading() -> Reading {
        let delivered = duty * parameters.freeAirDelivery
        return Reading(
            pressure: PlantMath.rounded(pressure + 0.005 * noise.fastGaussian(), 3),
            loaded: loaded,
            duty: PlantMath.rounded(duty * 100, 2),
            airDemand: PlantMath.rounded(demand + parameters.backgroundLeak + effects.airLeak, 3),
            specificPower: PlantMath.rounded(delivered > 0.05 ? averagePower / delivered : 0, 3))
    }
}
