import MillraceCore

/// A belt conveyor feeding the filler, driven by an induction motor through a gearbox, with a piece counter
/// (a photo-eye at the discharge).
///
/// It runs whenever the line is in production and not down; in a planned stop it is switched off unless the
/// energy-waste fault leaves it running empty. Motor load is belt friction plus the carried product.
public struct ConveyorModel: Sendable {
    /// Mechanical data.
    public struct Parameters: Hashable, Sendable {
        /// Motor speed over drum speed.
        public var gearRatio = 29.0
        /// Drive drum diameter, m.
        public var drumDiameter = 0.3
        /// Motor load running empty, and the extra at full throughput.
        public var emptyLoad = 0.42
        public var productLoad = 0.3
        /// Pieces per second at full throughput (for the load).
        public var ratedThroughput = 200.0 / 60
        public init() {}
    }

    /// One reading of the conveyor (its motor's signals are separate).
    public struct Reading: Hashable, Sendable {
        public var running: Bool
        /// Belt speed, m/s.
        public var beltSpeed: Double
        /// Pieces counted at the discharge since start.
        public var pieceCount: Int64

        /// The signals, in a fixed order.
        public var signals: [NamedSignal] {
            [
                NamedSignal("running", .bool(running)),
                NamedSignal("belt_speed", beltSpeed),
                NamedSignal("piece_count", .integer(pieceCount)),
            ]
        }

        /// The value of a signal by name, or nil.
        public func value(of name: String) -> DataValue? { signals.value(of: name) }
    }

    /// The model's data.
    public var parameters: Parameters
    /// The driving motor; this machine sets its load.
    public var motor: InductionMotorModel
    /// Pieces per second arriving from the line (set by the plant).
    public var throughput = 0.0
    var effects = FaultEffects.none {
        didSet { motor.effects = effects }
    }
    /// The time the model has been advanced to.
    public private(set) var time: Timestamp
    public private(set) var pieceCount: Int64 = 0
    private var fraction = 0.0
    private var wander = 0.0
    private var random: SeededGenerator
    private var wasPlannedStop = false
    /// A uniform draw at the start of each planned stop; below the energy-waste severity, the belt is left on.
    private var leftOnDraw = 1.0

    public init(parameters: Parameters = Parameters(), motor: InductionMotorModel, seed: UInt64, start: Timestamp) {
        self.parameters = parameters
        self.motor = motor
        self.random = SeededGenerator(seed: seed)
        self.time = start
    }

    /// Sets the command from the line: production planned or not, and whether the line is down.
    mutating func command(plannedStop: Bool, lineDown: Bool) {
        if plannedStop && !wasPlannedStop { leftOnDraw = random.unit() }
        wasPlannedStop = plannedStop
        motor.isRunning = plannedStop ? leftOnDraw < effects.energyWaste : !lineDown
    }

    /// Integrates to `target` in sub-steps of at most one second; returns the conveyor and motor readings.
    public mutating func advance(to target: Timestamp) -> (conveyor: Reading, motor: InductionMotorModel.Reading) {
        while time < target {
            step(seconds: Double(min(target.microseconds - time.microseconds, 1_000_000)) / 1e6)
        }
        return (reading(), motor.reading())
    }

    mutating func step(seconds dt: Double) {
        let p = parameters
        // Belt friction wanders a little (temperature, tracking); product adds load in proportion.
        wander += -wander * dt / 900 + 0.002 * random.fastGaussian() * dt.squareRoot()
        let carried = motor.isRunning ? min(1.2, throughput / p.ratedThroughput) : 0
        motor.load = max(0.1, p.emptyLoad + wander + p.productLoad * carried)
        motor.step(seconds: dt)
        if motor.speed > 0 {
            fraction += throughput * dt
            let pieces = Int64(fraction)
            fraction -= Double(pieces)
            pieceCount += pieces
        }
        time = Timestamp(microseconds: time.microseconds + Int64((dt * 1e6).rounded()))
    }

    /// Belt speed now, m/s.
    public var beltSpeed: Double {
        motor.speed / parameters.gearRatio / 60 * Double.pi * parameters.drumDiameter
    }

    /// The reading now.
    public mutating func reading() -> Reading {
        Reading(running: motor.speed > 0, beltSpeed: PlantMath.rounded(beltSpeed, 3), pieceCount: pieceCount)
    }
}
