import MillraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A centrifugal pump driven by an induction motor, working against a system curve, with suction conditions
/// that decide whether it cavitates.
///
/// Hydraulics (Karassik et al., *Pump Handbook*, 4th ed., ch. 2 and 8):
/// - pump curve H = H₀·(n/n₀)² − k·Q² (affinity laws), system curve H = H_static + k_s·Q²/v² with a control
///   valve opening v that wanders slowly; the operating point is their intersection;
/// - efficiency is a parabola around the best efficiency point (BEP), shaft power = ρ·g·Q·H/η, which is the
///   motor's load;
/// - suction pressure = tank head − suction losses (∝ Q², plus the fault's restriction); NPSH available =
///   (p_suction,abs − p_vapour)/(ρ·g); NPSH required rises with flow (≈ Q² beyond BEP);
/// - when the NPSH margin falls below about 1 m the pump cavitates: head and flow break down and the discharge
///   pressure fluctuates, and the collapsing vapour bubbles produce broadband 2–10 kHz vibration.
public struct CentrifugalPumpModel: Sendable {
    /// Pump and system data.
    public struct Parameters: Hashable, Sendable {
        /// Speed the curve is given at, rpm.
        public var ratedSpeed = 3540.0
        /// Head at zero flow, m.
        public var shutoffHead = 52.0
        /// Flow at the best efficiency point, m³/h.
        public var bepFlow = 90.0
        /// Head at the best efficiency point, m.
        public var bepHead = 42.0
        public var bepEfficiency = 0.76
        /// Static lift of the system, m.
        public var staticHead = 18.0
        /// NPSH required at BEP, m.
        public var npshRequiredAtBEP = 4.0
        /// Liquid level above the pump centre line, m.
        public var tankLevel = 3.0
        /// Suction line loss at BEP flow, m.
        public var suctionLossAtBEP = 0.8
        /// Vapour pressure of the liquid, bar absolute (water at 25 °C: 0.0317 bar).
        public var vapourPressure = 0.0317
        /// Number of impeller vanes (the vane pass frequency is vanes × 1×).
        public var vanes = 6
        public init() {}
    }

    /// One reading of the pump (its motor's signals are separate).
    public struct Reading: Hashable, Sendable {
        /// Flow, m³/h.
        public var flow: Double
        /// Suction pressure, bar gauge.
        public var suctionPressure: Double
        /// Discharge pressure, bar gauge.
        public var dischargePressure: Double
        /// Differential head, m.
        public var head: Double
        /// NPSH available and required, and their difference, m.
        public var npshAvailable: Double
        public var npshRequired: Double
        public var npshMargin: Double

        /// The signals, in a fixed order.
        public var signals: [NamedSignal] {
            [
                NamedSignal("flow", flow),
                NamedSignal("suction_pressure", suctionPressure),
                NamedSignal("discharge_pressure", dischargePressure),
                NamedSignal("head", head),
                NamedSignal("npsh_available", npshAvailable),
                NamedSignal("npsh_required", npshRequired),
                NamedSignal("npsh_margin", npshMargin),
            ]
        }

        /// The value of a signal by name, or nil.
        public func value(of name: String) -> DataValue? { signals.value(of: name) }
    }

    static let density = 997.0
    static let gravity = 9.80665
    static let atmosphere = 1.01325

    /// The model's data.
    public var parameters: Parameters
    /// The driving motor; the pump sets its load.
    public var motor: InductionMotorModel
    /// Whether the pump is commanded to run.
    public var isRunning: Bool {
        get { motor.isRunning }
        set { motor.isRunning = newValue }
    }
    var effects = FaultEffects.none {
        didSet { motor.effects = effects }
    }
    /// The time the model has been advanced to.
    public private(set) var time: Timestamp
    /// Process randomness (load, demand, stoppages).
    private var random: SeededGenerator
    /// Measurement noise, separate so that how often the model is read does not change its physics.
    private var noise: SeededGenerator
    /// Control valve opening 0.5…1, a mean-reverting random walk (process demand).
    private var valve = 0.85
    private var hydraulics = Hydraulics()
    /// Cavitation intensity 0…1, from the NPSH margin.
    public private(set) var cavitationIntensity = 0.0

    private struct Hydraulics: Hashable, Sendable {
        var flow = 0.0
        var head = 0.0
        var suction = 0.0
        var npshA = 0.0
        var npshR = 0.0
    }

    public init(parameters: Parameters = Parameters(), motor: InductionMotorModel, seed: UInt64, start: Timestamp) {
        self.parameters = parameters
        self.motor = motor
        self.random = SeededGenerator(seed: seed)
        self.noise = SeededGenerator(seed: PlantMath.mix(seed, 0x4E01_5E))
        self.time = start
        solve()
        self.motor.load = shaftLoad()
    }

    /// Integrates to `target` in sub-steps of at most one second and returns the pump and motor readings.
    public mutating func advance(to target: Timestamp) -> (pump: Reading, motor: InductionMotorModel.Reading) {
        while time < target {
            let step = min(target.microseconds - time.microseconds, 1_000_000)
            self.step(seconds: Double(step) / 1e6)
        }
        return (reading(), motor.reading())
    }

    mutating func step(seconds dt: Double) {
        // Ornstein–Uhlenbeck valve: mean 0.85, relaxes in ~10 min, moves a few % per minute.
        valve += (0.85 - valve) * dt / 600 + 0.004 * random.fastGaussian() * dt.squareRoot()
        valve = PlantMath.clamp(valve, 0.55...1)
        solve()
        motor.load = shaftLoad()
        motor.step(seconds: dt)
        time = Timestamp(microseconds: time.microseconds + Int64((dt * 1e6).rounded()))
    }

    /// The operating point at the motor's present speed.
    private mutating func solve() {
        let p = parameters
        let r = motor.speed / p.ratedSpeed
        let k = (p.shutoffHead - p.bepHead) / (p.bepFlow * p.bepFlow)
        let ks = (p.bepHead - p.staticHead) / (p.bepFlow * p.bepFlow) / (valve * valve) * 0.72
        let driving = p.shutoffHead * r * r - p.staticHead
        var flow = driving > 0 ? (driving / (k + ks)).squareRoot() : 0
        var head = max(0, p.shutoffHead * r * r - k * flow * flow)
        let rhoG = Self.density * Self.gravity
        // Suction: tank head − line losses − the fault's restriction (which grows with flow, like a clogging
        // strainer). At severity 1 the restriction costs 12 m at BEP flow, well past the NPSH margin.
        let q2 = (flow / p.bepFlow) * (flow / p.bepFlow)
        let restriction = 12 * effects.cavitation * q2
        var suctionHead = p.tankLevel - p.suctionLossAtBEP * q2 - restriction
        var npshA = (Self.atmosphere - p.vapourPressure) * 1e5 / rhoG + suctionHead
        let npshR = flow > 0 ? p.npshRequiredAtBEP * (0.5 + 0.5 * q2) : 0
        // Cavitation intensity: none above 1.5 m of margin, full at 1 m below zero (the 3 % head-drop point
        // defines NPSHr, so real damage starts with some margin left; Hydraulic Institute ANSI/HI 9.6.1).
        let margin = npshA - npshR
        let intensity = flow > 0 ? PlantMath.clamp((1.5 - margin) / 2.5, 0...1) : 0
        if intensity > 0 {
            // Vapour blocks the impeller eye: flow and head break down, unsteadily.
            flow *= 1 - 0.3 * intensity
            head *= max(0.3, (1 - 0.25 * intensity) * (1 + 0.12 * intensity * random.fastGaussian()))
            // Starved flow lowers the suction losses a little; NPSHa recovers slightly.
            suctionHead += 0.3 * intensity
            npshA += 0.3 * intensity
        }
        cavitationIntensity = intensity
        hydraulics = Hydraulics(flow: flow, head: head, suction: suctionHead, npshA: npshA, npshR: npshR)
    }

    /// Shaft power over the motor rating.
    private func shaftLoad() -> Double {
        let p = parameters
        let q = hydraulics.flow / p.bepFlow
        let efficiency = max(0.25, p.bepEfficiency * (1 - 0.6 * (q - 1) * (q - 1)))
        // Shaft power, kW: ρ g Q H / η; a dead-headed pump still absorbs about a third of BEP power.
        let hydraulic = Self.density * Self.gravity * hydraulics.flow / 3600 * hydraulics.head / 1000
        let r = motor.speed / p.ratedSpeed
        let minimum = 0.3 * Self.density * Self.gravity * p.bepFlow / 3600 * p.bepHead / 1000 * r * r * r
        return max(hydraulic / efficiency, minimum) / motor.parameters.ratedPower
    }

    /// The reading now, with transmitter noise.
    public mutating func reading() -> Reading {
        let h = hydraulics
        let rhoG = Self.density * Self.gravity
        let suctionBar = h.suction * rhoG / 1e5
        let dischargeBar = suctionBar + h.head * rhoG / 1e5
        return Reading(
            flow: PlantMath.rounded(max(0, h.flow + (h.flow > 0 ? 0.25 * noise.fastGaussian() : 0)), 2),
            suctionPressure: PlantMath.rounded(suctionBar + 0.002 * noise.fastGaussian(), 3),
            dischargePressure: PlantMath.rounded(dischargeBar + 0.005 * noise.fastGaussian(), 3),
            head: PlantMath.rounded(h.head, 2),
            npshAvailable: PlantMath.rounded(h.npshA, 2),
            npshRequired: PlantMath.rounded(h.npshR, 2),
            npshMargin: PlantMath.rounded(h.npshA - h.npshR, 2))
    }
}
