import MillraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One reading of a simulated motor.
public struct MotorReading: Hashable, Sendable {
    public var time: Timestamp
    public var running: Bool
    /// Shaft speed, rpm.
    public var speed: Double
    /// Phase current, A.
    public var current: Double
    /// Stator winding temperature, °C.
    public var windingTemperature: Double
    /// Overall vibration velocity RMS, mm/s (10–1000 Hz band).
    public var vibrationRMS: Double

    /// The value of a signal by its configuration name, or nil for an unknown name.
    public func value(of signal: String) -> DataValue? {
        switch signal {
        case "running": .bool(running)
        case "speed": .double(speed)
        case "current": .double(current)
        case "winding_temperature": .double(windingTemperature)
        case "vibration_rms": .double(vibrationRMS)
        default: nil
        }
    }
}

/// A three-phase induction motor driving a conveyor: a duty cycle of runs and stops, a slowly wandering load,
/// current that follows load, a first-order thermal model of the winding, and vibration that follows speed.
///
/// This is the walking skeleton's source; the plant simulator deepens it (faults, waveforms, more assets).
/// Pure and deterministic: the same seed and the same sequence of `advance(to:)` times give the same readings.
public struct MotorSimulation: Sendable {
    public struct Parameters: Hashable, Sendable {
        public var ratedSpeed = 1780.0
        public var ratedCurrent = 14.0
        public var noLoadCurrent = 5.2
        public var ambient = 24.0
        /// Winding temperature rise at rated current, K.
        public var ratedRise = 55.0
        /// Thermal time constant of the winding, s.
        public var thermalTimeConstant = 420.0
        /// Mean run and stop durations, s.
        public var meanRun = 900.0
        public var meanStop = 120.0
        public var baseVibration = 1.4
        public init() {}
    }

    public var parameters: Parameters
    private var random: SeededGenerator
    private var time: Timestamp
    private var running = true
    private var nextStateChange: Timestamp
    private var speed: Double
    private var load = 0.7
    private var windingTemperature: Double

    public init(seed: UInt64, start: Timestamp, parameters: Parameters = Parameters()) {
        self.parameters = parameters
        self.random = SeededGenerator(seed: seed)
        self.time = start
        self.speed = parameters.ratedSpeed
        // Start warm, as a motor that has been running for a while.
        self.windingTemperature = parameters.ambient + parameters.ratedRise * 0.6
        self.nextStateChange = start + .seconds(Int64(parameters.meanRun * 0.5))
    }

    /// Integrates the model forward to `target` (in steps of at most one second) and returns the reading there.
    /// A target earlier than the model's time returns the reading at the model's time.
    public mutating func advance(to target: Timestamp) -> MotorReading {
        while time < target {
            let step = min(target.microseconds - time.microseconds, 1_000_000)
            integrate(seconds: Double(step) / 1e6)
            time = Timestamp(microseconds: time.microseconds + step)
            if time >= nextStateChange {
                running.toggle()
                let mean = running ? parameters.meanRun : parameters.meanStop
                let duration = max(30, mean * (0.5 + random.unit()))
                nextStateChange = time + .seconds(Int64(duration))
            }
        }
        return reading()
    }

    private mutating func integrate(seconds dt: Double) {
        // Speed ramps up or coasts down with a few seconds' time constant.
        let targetSpeed = running ? parameters.ratedSpeed * (1 - 0.012 * load) : 0
        speed += (targetSpeed - speed) * min(1, dt / 3)
        if !running && speed < 5 { speed = 0 }  // Friction stops the last few rpm.
        // Load wanders as a mean-reverting random walk (Ornstein–Uhlenbeck).
        load += (0.7 - load) * dt / 300 + 0.01 * random.gaussian() * dt.squareRoot()
        load = min(1.15, max(0.3, load))
        // Winding: first-order rise toward ambient + rise × (I / I_rated)².
        let ratio = currentValue() / parameters.ratedCurrent
        let steady = parameters.ambient + parameters.ratedRise * ratio * ratio
        windingTemperature += (steady - windingTemperature) * min(1, dt / parameters.thermalTimeConstant)
    }

    private func currentValue() -> Double {
        guard speed > 0 else { return 0 }
        let fraction = speed / parameters.ratedSpeed
        let loaded = parameters.noLoadCurrent + (parameters.ratedCurrent - parameters.noLoadCurrent) * load
        return loaded * min(1, fraction * 1.05)
    }

    private mutating func reading() -> MotorReading {
        let current = currentValue()
        let vibration = speed > 0 ? parameters.baseVibration * (speed / parameters.ratedSpeed) * (1 + 0.15 * load) : 0.02
        return MotorReading(
            time: time, running: running, speed: round1(max(0, speed + (speed > 0 ? random.gaussian() * 1.5 : 0))),
            current: round2(max(0, current + (current > 0 ? random.gaussian() * 0.08 : 0))),
            windingTemperature: round2(windingTemperature + random.gaussian() * 0.03),
            vibrationRMS: round3(max(0, vibration + random.gaussian() * 0.04)))
    }

    private func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    private func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
