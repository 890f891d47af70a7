import MillraceCore

/// A main electricity meter: active power, energy and the 15-minute rolling demand a utility bills on.
///
/// The plant sets `power` (the sum of its assets plus the building's base load) before each step. Energy is
/// the exact integral of power over the steps. The demand is the average power over the last 15 minutes,
/// kept as 900 one-second bins in a ring buffer (IEC 62053-23 / ANSI C12.1 "sliding window" demand);
/// until 15 minutes have passed it is the average since start. The peak demand is its maximum since start.
public struct EnergyMeterModel: Sendable {
    /// One reading of the meter.
    public struct Reading: Hashable, Sendable {
        /// Active power, kW.
        public var power: Double
        /// Active energy imported since start, kWh.
        public var energy: Double
        /// Average power over the last 15 minutes, kW.
        public var demand: Double
        /// Highest 15-minute demand since start, kW.
        public var peakDemand: Double

        /// The signals, in a fixed order.
        public var signals: [NamedSignal] {
            [
                NamedSignal("power", power),
                NamedSignal("energy", energy),
                NamedSignal("demand_15min", demand),
                NamedSignal("peak_demand", peakDemand),
            ]
        }

        /// The value of a signal by name, or nil.
        public func value(of name: String) -> DataValue? { signals.value(of: name) }
    }

    /// Length of the demand window, s.
    public static let demandWindow = 900

    /// Power flowing through the meter now, kW (set by the plant).
    public var power = 0.0
    /// The time the model has been advanced to.
    public private(set) var time: Timestamp
    /// Energy since start, kWh.
    public private(set) var energy = 0.0
    public private(set) var peakDemand = 0.0
    private let start: Timestamp
    /// Energy per second of the window, kJ (kW·s).
    private var bins: [Double]
    private var windowSum = 0.0
    private var second: Int64
    /// Measurement noise (the only randomness: the physics is deterministic).
    private var noise: SeededGenerator

    public init(seed: UInt64, start: Timestamp, energy: Double = 0) {
        self.time = start
        self.start = start
        self.energy = energy
        self.second = start.seconds
        self.bins = [Double](repeating: 0, count: Self.demandWindow)
        self.noise = SeededGenerator(seed: seed)
    }

    /// Integrates to `target` at constant `power` and returns the reading there.
    public mutating func advance(to target: Timestamp) -> Reading {
        while time < target {
            step(seconds: Double(min(target.microseconds - time.microseconds, 1_000_000)) / 1e6)
        }
        return reading()
    }

    mutating func step(seconds dt: Double) {
        let energyKWs = power * dt
        energy += energyKWs / 3600
        time = Timestamp(microseconds: time.microseconds + Int64((dt * 1e6).rounded()))
        // Move the window to the second that contains the end of this step, clearing the seconds it skips.
        let now = (time.microseconds - 1) / 1_000_000
        if now > second {
            let skipped = min(now - second, Int64(Self.demandWindow))
            for offset in 1...skipped {
                let index = Int((second + offset) % Int64(Self.demandWindow))
                windowSum -= bins[index]
                bins[index] = 0
            }
            second = now
        }
        let index = Int(second % Int64(Self.demandWindow))
        bins[index] += energyKWs
        windowSum += energyKWs
        peakDemand = max(peakDemand, demand)
    }

    /// Average power over the window, kW.
    public var demand: Double {
        let elapsed = Double((time - start).microseconds) / 1e6
        let span = min(Double(Self.demandWindow), elapsed)
        return span >= 1 ? max(0, windowSum) / span : power
    }

    /// The reading now: power with metering noise (class 0.5S), the registers exact to the resolution shown.
    public mutating func reading() -> Reading {
        Reading(
            power: PlantMath.rounded(power * (1 + 0.002 * noise.fastGaussian()), 2),
            energy: PlantMath.rounded(energy, 3),
            demand: PlantMath.rounded(demand, 2),
            peakDemand: PlantMath.rounded(peakDemand, 2))
    }
}
