import MillraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A three-phase squirrel-cage induction motor at steady state, with coupled electrical, mechanical and
/// thermal signals.
///
/// The driven machine sets `load` (shaft power as a fraction of rating) and `isRunning`; `advance(to:)`
/// integrates in sub-steps of at most one second:
/// - slip grows linearly with load below rating and with the inverse square of voltage (the linear part of the
///   torque–slip curve, s ∝ T/V²); speed = 60·f/p·(1 − s);
/// - input power = output + fixed losses (core, friction, windage; ~30 % of rated losses) + copper losses
///   (∝ load²); current = √(I_active² + I_reactive²) with a nearly constant magnetising (reactive) current,
///   so the power factor rises with load as on any motor data sheet (IEC 60034-2-1 loss segregation);
/// - winding temperature is a first-order thermal model: τ·dT/dt = T_ambient + ΔT_rated·(losses/rated losses)
///   − T. Loss of cooling raises both the steady rise and the time constant; current unbalance adds
///   negative-sequence heating (NEMA MG-1 §14.35: 3.5 % voltage unbalance ≈ 25 % more rise);
/// - bearing temperature follows speed with a slower time constant, raised by poor lubrication and defects.
public struct InductionMotorModel: Sendable {
    /// Nameplate and thermal data.
    public struct Parameters: Hashable, Sendable {
        /// Rated shaft power, kW.
        public var ratedPower: Double
        /// Rated line-to-line voltage, V.
        public var ratedVoltage: Double
        /// Supply frequency, Hz.
        public var lineFrequency: Double
        public var polePairs: Int
        /// Slip at rated load (0.01–0.04 for motors of 5–50 kW).
        public var ratedSlip: Double
        public var ratedEfficiency: Double
        public var ratedPowerFactor: Double
        /// Winding temperature rise over ambient at rated load, K (class F insulation, class B rise: 80 K).
        public var ratedWindingRise: Double
        /// Winding thermal time constant, s.
        public var windingTimeConstant: Double
        /// Bearing temperature rise at rated speed, K.
        public var ratedBearingRise: Double
        public var bearingTimeConstant: Double
        /// Locked-rotor current over rated current (IEC design N: 6–7).
        public var lockedRotorCurrentRatio: Double

        public init(
            ratedPower: Double, ratedVoltage: Double = 460, lineFrequency: Double = 60, polePairs: Int = 2,
            ratedSlip: Double = 0.0111, ratedEfficiency: Double = 0.91, ratedPowerFactor: Double = 0.85,
            ratedWindingRise: Double = 75, windingTimeConstant: Double = 1200, ratedBearingRise: Double = 22,
            bearingTimeConstant: Double = 2400, lockedRotorCurrentRatio: Double = 6.5
        ) {
            self.ratedPower = ratedPower
            self.ratedVoltage = ratedVoltage
            self.lineFrequency = lineFrequency
            self.polePairs = polePairs
            self.ratedSlip = ratedSlip
            self.ratedEfficiency = ratedEfficiency
            self.ratedPowerFactor = ratedPowerFactor
            self.ratedWindingRise = ratedWindingRise
            self.windingTimeConstant = windingTimeConstant
            self.ratedBearingRise = ratedBearingRise
            self.bearingTimeConstant = bearingTimeConstant
            self.lockedRotorCurrentRatio = lockedRotorCurrentRatio
        }

        /// Synchronous speed, rpm.
        public var synchronousSpeed: Double { 60 * lineFrequency / Double(polePairs) }
        /// Rated line current, A: P / (√3 · V · η · cos φ).
        public var ratedCurrent: Double {
            ratedPower * 1000 / (3.0.squareRoot() * ratedVoltage * ratedEfficiency * ratedPowerFactor)
        }
        /// Losses at rated load, kW.
        public var ratedLosses: Double { ratedPower * (1 / ratedEfficiency - 1) }

        /// A 7.5 kW (10 hp), 4-pole, 60 Hz conveyor drive: 1780 rpm, about 12 A at 460 V.
        public static let conveyorDrive = Parameters(ratedPower: 7.5, polePairs: 2, ratedSlip: 0.0111)
        /// A 15 kW (20 hp), 2-pole, 60 Hz pump motor: 3540 rpm.
        public static let pumpDrive = Parameters(
            ratedPower: 15, polePairs: 1, ratedSlip: 0.0167, ratedEfficiency: 0.92, ratedPowerFactor: 0.88,
            windingTimeConstant: 1500)
        /// A 37 kW (50 hp), 2-pole, 60 Hz compressor motor: 3560 rpm.
        public static let compressorDrive = Parameters(
            ratedPower: 37, polePairs: 1, ratedSlip: 0.011, ratedEfficiency: 0.94, ratedPowerFactor: 0.89,
            windingTimeConstant: 2100)
    }

    /// One reading of the motor.
    public struct Reading: Hashable, Sendable {
        public var running: Bool
        /// Mean line current, A.
        public var current: Double
        /// Line currents of phases A, B and C, A.
        public var phaseCurrents: [Double]
        /// Line-to-line voltage, V.
        public var voltage: Double
        /// Electrical input power, kW.
        public var power: Double
        public var powerFactor: Double
        /// Shaft speed, rpm.
        public var speed: Double
        public var slip: Double
        /// Stator winding temperature, °C.
        public var windingTemperature: Double
        /// Drive-end bearing temperature, °C.
        public var bearingTemperature: Double

        /// The signals, in a fixed order; names get `prefix` (for example `motor_`) when the motor is part of
        /// another machine.
        public func signals(prefix: String = "") -> [NamedSignal] {
            [
                NamedSignal(prefix + "running", .bool(running)),
                NamedSignal(prefix + "current", current),
                NamedSignal(prefix + "current_a", phaseCurrents[0]),
                NamedSignal(prefix + "current_b", phaseCurrents[1]),
                NamedSignal(prefix + "current_c", phaseCurrents[2]),
                NamedSignal(prefix + "voltage", voltage),
                NamedSignal(prefix + "power", power),
                NamedSignal(prefix + "power_factor", powerFactor),
                NamedSignal(prefix + "speed", speed),
                NamedSignal(prefix + "winding_temperature", windingTemperature),
                NamedSignal(prefix + "bearing_temperature", bearingTemperature),
            ]
        }

        /// The value of a signal by name (without prefix), or nil.
        public func value(of name: String) -> DataValue? { signals().value(of: name) }
    }

    /// The model's data.
    public var parameters: Parameters
    /// Whether the starter is closed.
    public var isRunning: Bool
    /// Mechanical load as a fraction of rated shaft power, set by the driven machine.
    public var load: Double
    /// Cooling-air temperature, °C.
    public var ambient: Double
    /// Equipment faults acting now (set by the plant).
    var effects = FaultEffects.none

    /// The time the model has been advanced to.
    public private(set) var time: Timestamp
    /// Shaft speed, rpm.
    public private(set) var speed: Double
    public private(set) var windingTemperature: Double
    public private(set) var bearingTemperature: Double
    /// Measurement noise (the only randomness: the physics is deterministic).
    private var noise: SeededGenerator
    private var state = ElectricalState()

    /// The electrical operating point after the last step.
    private struct ElectricalState: Hashable, Sendable {
        var current = 0.0
        var activeCurrent = 0.0
        var power = 0.0
        var slip = 0.0
        var voltage = 0.0
    }

    public init(parameters: Parameters, seed: UInt64, start: Timestamp, load: Double = 0.75, ambient: Double = 24) {
        self.parameters = parameters
        self.noise = SeededGenerator(seed: seed)
        self.time = start
        self.isRunning = true
        self.load = load
        self.ambient = ambient
        // Start at the thermal steady state of the initial load, as a motor that has been running for hours.
        let slip = parameters.ratedSlip * load
        self.speed = parameters.synchronousSpeed * (1 - slip)
        let lossRatio = 0.3 + 0.7 * load * load
        self.windingTemperature = ambient + parameters.ratedWindingRise * lossRatio
        self.bearingTemperature = ambient + parameters.ratedBearingRise + 0.25 * parameters.ratedWindingRise * lossRatio
        computeElectrical()
    }

    /// Shaft frequency, Hz.
    public var shaftFrequency: Double { speed / 60 }
    /// Present slip (0 when stopped).
    public var slip: Double { state.slip }
    /// Present electrical input power, kW.
    public var power: Double { state.power }
    /// Present mean line current, A.
    public var current: Double { state.current }

    /// Integrates to `target` in sub-steps of at most one second and returns the reading there.
    public mutating func advance(to target: Timestamp) -> Reading {
        while time < target {
            let step = min(target.microseconds - time.microseconds, 1_000_000)
            self.step(seconds: Double(step) / 1e6)
            time = Timestamp(microseconds: time.microseconds + step)
        }
        return reading()
    }

    /// One integration step of `dt` ≤ 1 s (the plant calls this directly to keep its assets in lock step).
    mutating func step(seconds dt: Double) {
        let p = parameters
        let sync = p.synchronousSpeed
        let voltageRatio = state.voltage > 0 ? p.ratedVoltage / state.voltage : 1
        let effectiveLoad = max(0, load) * (1 + 0.4 * effects.overload)
        // Broken bars raise the rotor resistance, and slip with it (slip ∝ R2 at a given torque).
        let slip = p.ratedSlip * effectiveLoad * voltageRatio * voltageRatio * (1 + 0.2 * effects.brokenBar)
        let targetSpeed = isRunning ? sync * (1 - slip) : 0
        // Run-up takes a couple of seconds; coasting down is slower (only load and friction brake it).
        speed = PlantMath.lag(speed, toward: targetSpeed, dt: dt, tau: isRunning ? 1.2 : 8)
        if !isRunning && speed < 3 { speed = 0 }
        computeElectrical(effectiveLoad: effectiveLoad, slip: slip)

        // Thermal: losses relative to rated losses drive the steady rise.
        let speedFraction = speed / sync
        let currentRatio = state.current / p.ratedCurrent
        let unbalance = effects.phaseUnbalance
        let lossRatio = 0.3 * speedFraction + 0.7 * currentRatio * currentRatio * (1 + 2.5 * unbalance)
        // A shaft-mounted fan cools only while turning: a stopped motor cools more slowly.
        let cooling = 1 + 1.6 * effects.coolingLoss
        let windingRise = p.ratedWindingRise * lossRatio * cooling
        let windingTau = p.windingTimeConstant * (1 + effects.coolingLoss) * (speedFraction > 0.5 ? 1 : 2)
        windingTemperature = PlantMath.lag(
            windingTemperature, toward: ambient + windingRise, dt: dt, tau: windingTau)
        let defect = max(effects.outerRace, effects.innerRace, effects.ball)
        let bearingRise =
            p.ratedBearingRise * speedFraction * (1 + 1.4 * effects.lubrication + 0.5 * defect)
            + 0.25 * (windingTemperature - ambient)
        bearingTemperature = PlantMath.lag(
            bearingTemperature, toward: ambient + bearingRise, dt: dt, tau: p.bearingTimeConstant)
    }

    private mutating func computeElectrical(effectiveLoad: Double? = nil, slip: Double? = nil) {
        let p = parameters
        let sync = p.synchronousSpeed
        let loadFraction = effectiveLoad ?? load
        let slipValue = slip ?? p.ratedSlip * load
        // Supply voltage wanders ±1 % over the day as the grid loads (EN 50160 allows ±10 %).
        let dayPhase = Double(time.microseconds % 86_400_000_000) / 86_400_000_000
        state.voltage = p.ratedVoltage * (1 + 0.01 * sin(2 * Double.pi * dayPhase))
        guard speed > 0 else {
            state = ElectricalState(voltage: state.voltage)
            return
        }
        let speedFraction = speed / sync
        let outputPower = p.ratedPower * loadFraction * min(1, speedFraction)
        let fixedLosses = 0.3 * p.ratedLosses * speedFraction
        let copperLosses = 0.7 * p.ratedLosses * loadFraction * loadFraction
        let inputPower = outputPower + fixedLosses + copperLosses
        let root3V = 3.0.squareRoot() * state.voltage
        let active = inputPower * 1000 / root3V
        let ratedReactive = p.ratedCurrent * (1 - p.ratedPowerFactor * p.ratedPowerFactor).squareRoot()
        let reactive = ratedReactive * (0.85 + 0.15 * loadFraction * loadFraction)
        var current = (active * active + reactive * reactive).squareRoot()
        // While accelerating the current approaches the locked-rotor current.
        if isRunning && speedFraction < 0.9 {
            current = max(current, p.lockedRotorCurrentRatio * p.ratedCurrent * (1 - speedFraction / 0.9))
        }
        state.current = current
        state.activeCurrent = active
        state.power = inputPower
        state.slip = isRunning ? slipValue : max(0, 1 - speedFraction)
    }

    /// The reading now, with transmitter noise.
    public mutating func reading() -> Reading {
        let running = isRunning || speed > 0
        let current = state.current
        // Phase currents: a small natural asymmetry (1 %) plus the fault's; the largest deviation from the mean
        // is the unbalance (NEMA MG-1 definition).
        let u = 0.01 + effects.phaseUnbalance
        let phases = [current * (1 + u), current * (1 - u / 2), current * (1 - u / 2)].map {
            $0 > 0 ? PlantMath.rounded(max(0, $0 * (1 + 0.002 * noise.fastGaussian())), 2) : 0
        }
        let powerFactor = current > 0 ? min(1, state.activeCurrent / current) : 0
        return Reading(
            running: running,
            current: PlantMath.rounded(phases.reduce(0, +) / 3, 2),
            phaseCurrents: phases,
            voltage: PlantMath.rounded(state.voltage + 0.4 * noise.fastGaussian(), 1),
            power: PlantMath.rounded(max(0, state.power * (1 + 0.003 * noise.fastGaussian())), 2),
            powerFactor: PlantMath.rounded(powerFactor, 3),
            speed: PlantMath.rounded(speed > 0 ? speed + 0.4 * noise.fastGaussian() : 0, 1),
            slip: state.slip,
            windingTemperature: PlantMath.rounded(windingTemperature + 0.05 * noise.fastGaussian(), 2),
            bearingTemperature: PlantMath.rounded(bearingTemperature + 0.05 * noise.fastGaussian(), 2))
    }
}
