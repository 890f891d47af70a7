import MillraceCore

/// A rotary bottle filler: machine state from the shift calendar and seeded random stoppages, and counters
/// of good and scrapped bottles.
///
/// While production is planned, the machine runs at its rated speed and stops at random as a Poisson process:
/// failures (`down`, with a reason drawn from `DownReason` and an exponential repair time), starvation from
/// upstream and blocking from downstream (short stops). After a planned stop it is `idle` for a few minutes
/// (start-up, line clearance) and scraps more bottles for the first minutes of running, as real lines do.
public struct FillerModel: Sendable {
    /// Line data.
    public struct Parameters: Hashable, Sendable {
        /// Rated speed, bottles per minute.
        public var ratedSpeed = 200.0
        /// Mean running time between failures, s.
        public var meanTimeBetweenFailures = 3000.0
        /// Mean running time between starvations and blockings, s, and their mean durations, s.
        public var meanTimeBetweenStarved = 1200.0
        public var meanStarved = 40.0
        public var meanTimeBetweenBlocked = 1800.0
        public var meanBlocked = 60.0
        /// Scrap fraction in steady running, and for the first `warmUp` seconds after a start.
        public var scrapRate = 0.012
        public var startUpScrapRate = 0.06
        public var warmUp = 120.0
        /// Electrical power while running, while stopped but ready, and switched off, kW.
        public var runningPower = 6.5
        public var readyPower = 2.4
        public var offPower = 0.3
        public init() {}
    }

    /// One reading of the filler.
    public struct Reading: Hashable, Sendable {
        public var state: MachineState
        public var goodCount: Int64
        public var scrapCount: Int64
        /// Instantaneous rate, bottles per minute.
        public var rate: Double
        /// Shift number, 0 outside shifts.
        public var shift: Int
        /// Electrical power, kW.
        public var power: Double

        /// The signals, in a fixed order.
        public var signals: [NamedSignal] {
            [
                NamedSignal("state", .string(state.name)),
                NamedSignal("state_code", .integer(Int64(state.code))),
                NamedSignal("down_reason", .integer(Int64(state.downReason?.rawValue ?? 0))),
                NamedSignal("good_count", .integer(goodCount)),
                NamedSignal("scrap_count", .integer(scrapCount)),
                NamedSignal("total_count", .integer(goodCount + scrapCount)),
                NamedSignal("rate", rate),
                NamedSignal("shift", .integer(Int64(shift))),
                NamedSignal("power", power),
            ]
        }

        /// The value of a signal by name, or nil.
        public func value(of name: String) -> DataValue? { signals.value(of: name) }
    }

    /// The model's data.
    public var parameters: Parameters
    public var calendar: ShiftCalendar
    var effects = FaultEffects.none
    /// The time the model has been advanced to.
    public private(set) var time: Timestamp
    public private(set) var state: MachineState
    public private(set) var goodCount: Int64 = 0
    public private(set) var scrapCount: Int64 = 0
    /// Bottles produced in the last step, per second (for the conveyor and the air demand).
    public private(set) var throughput = 0.0
    private var stateUntil: Timestamp
    private var runningSince: Timestamp
    private var fraction = 0.0
    /// Process randomness (load, demand, stoppages).
    private var random: SeededGenerator
    /// Measurement noise, separate so that how often the model is read does not change its physics.
    private var noise: SeededGenerator
    /// A uniform draw made at the start of each planned stop: the machine is (wastefully) left powered
    /// through that stop if the draw is below the energy-waste severity.
    private var leftOnDraw = 1.0
    private var leftOn: Bool { leftOnDraw < effects.energyWaste }

    public init(
        parameters: Parameters = Parameters(), calendar: ShiftCalendar = ShiftCalendar(), seed: UInt64, start: Timestamp
    ) {
        self.parameters = parameters
        self.calendar = calendar
        self.random = SeededGenerator(seed: seed)
        self.noise = SeededGenerator(seed: PlantMath.mix(seed, 0x4E01_5E))
        self.time = start
        self.state = calendar.status(at: start).isPlannedStop ? .plannedStop : .running
        self.stateUntil = start
        self.runningSince = start - .seconds(3600)
        self.leftOnDraw = random.unit()
    }

    /// Integrates to `target` in sub-steps of at most one second and returns the reading there.
    public mutating func advance(to target: Timestamp) -> Reading {
        while time < target {
            step(seconds: Double(min(target.microseconds - time.microseconds, 1_000_000)) / 1e6)
        }
        return reading()
    }

    mutating func step(seconds dt: Double) {
        time = Timestamp(microseconds: time.microseconds + Int64((dt * 1e6).rounded()))
        updateState(dt: dt)
        throughput = 0
        guard state == .running else { return }
        let p = parameters
        // Counts: whole bottles leave the machine; each is scrapped with the current scrap probability.
        fraction += p.ratedSpeed / 60 * dt
        let bottles = Int(fraction)
        fraction -= Double(bottles)
        let warm = Double((time - runningSince).microseconds) / 1e6 >= p.warmUp
        let scrapRate = warm ? p.scrapRate : p.startUpScrapRate
        for _ in 0..<bottles {
            if random.unit() < scrapRate { scrapCount += 1 } else { goodCount += 1 }
        }
        throughput = p.ratedSpeed / 60
    }

    private mutating func updateState(dt: Double) {
        let p = parameters
        if calendar.status(at: time).isPlannedStop {
            if state != .plannedStop {
                state = .plannedStop
                leftOnDraw = random.unit()
            }
            return
        }
        switch state {
        case .plannedStop:
            // Start-up after a break or at the start of a shift: 3 to 6 minutes.
            setState(.idle, for: 180 + 180 * random.unit())
        case .idle, .starved, .blocked, .down:
            if time >= stateUntil {
                state = .running
                runningSince = time
            }
        case .running:
            if random.occurs(rate: 1 / p.meanTimeBetweenFailures, within: dt) {
                let reason = drawReason()
                setState(.down(reason), for: max(30, random.exponential(mean: reason.weightAndMeanRepair.meanRepair)))
            } else if random.occurs(rate: 1 / p.meanTimeBetweenStarved, within: dt) {
                setState(.starved, for: max(5, random.exponential(mean: p.meanStarved)))
            } else if random.occurs(rate: 1 / p.meanTimeBetweenBlocked, within: dt) {
                setState(.blocked, for: max(5, random.exponential(mean: p.meanBlocked)))
            }
        }
    }

    private mutating func setState(_ newState: MachineState, for seconds: Double) {
        state = newState
        stateUntil = time + .microseconds(Int64(seconds * 1e6))
    }

    private mutating func drawReason() -> DownReason {
        let total = DownReason.allCases.reduce(0) { $0 + $1.weightAndMeanRepair.weight }
        var pick = random.unit() * total
        for reason in DownReason.allCases {
            pick -= reason.weightAndMeanRepair.weight
            if pick < 0 { return reason }
        }
        return .bottleJam
    }

    /// Electrical power now, kW.
    public var power: Double {
        switch state {
        case .running: parameters.runningPower
        case .idle, .starved, .blocked, .down: parameters.readyPower
        case .plannedStop: leftOn ? parameters.readyPower : parameters.offPower
        }
    }

    /// Whether the machine is powered up during a planned stop (the energy-waste fault).
    public var isLeftOn: Bool { state == .plannedStop && leftOn }

    /// The reading now.
    public mutating func reading() -> Reading {
        Reading(
            state: state, goodCount: goodCount, scrapCount: scrapCount,
            rate: state == .running
                ? PlantMath.rounded(parameters.ratedSpeed * (1 + 0.005 * noise.fastGaussian()), 1) : 0,
            shift: calendar.status(at: time).shift ?? 0,
            power: PlantMath.rounded(power * (1 + 0.01 * noise.fastGaussian()), 2))
    }
}
