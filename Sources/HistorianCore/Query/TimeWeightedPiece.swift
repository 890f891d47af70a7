import MillraceCore

/// The time-weighted contribution of the signal between two consecutive samples, clipped to a window.
///
/// The signal from `from` (at t₀) until `to` (at t₁, or forever when `to` is nil):
/// - nothing usable if `from` is not usable (a gap);
/// - in step mode, `from`'s value held;
/// - in linear mode, the straight line to `to`'s value if `to` is usable and later, else `from`'s value held.
///
/// Both modes are computed at once so that summaries do not depend on the tag's mode.
struct TimeWeightedPiece: Sendable {
    var stepIntegral: Double = 0
    var linearIntegral: Double = 0
    var usableMicroseconds: Int64 = 0

    init() {}

    /// The piece of [from.time, to.time) (or [from.time, ∞)) that lies inside [lower, upper).
    init(from: SignalPoint, to: SignalPoint?, clippedTo lower: Timestamp, _ upper: Timestamp) {
        guard let value = from.value else { return }
        let spanEnd = to?.time.microseconds ?? Int64.max
        let a = max(from.time.microseconds, lower.microseconds)
        let b = min(spanEnd, upper.microseconds)
        guard b > a else { return }
        let (width, overflow) = b.subtractingReportingOverflow(a)
        guard !overflow else { return }
        let seconds = Double(width) / 1_000_000
        usableMicroseconds = width
        stepIntegral = value * seconds
        if let to, let target = to.value, to.time > from.time {
            let span = Double(to.time.microseconds &- from.time.microseconds)
            let slope = (target - value) / span
            let va = value + slope * Double(a &- from.time.microseconds)
            let vb = value + slope * Double(b &- from.time.microseconds)
            linearIntegral = (va + vb) / 2 * seconds
        } else {
            linearIntegral = stepIntegral
        }
    }

    /// The integral in the given mode.
    func integral(_ mode: InterpolationMode) -> Double {
        mode == .linear ? linearIntegral : stepIntegral
    }

    static func + (lhs: TimeWeightedPiece, rhs: TimeWeightedPiece) -> TimeWeightedPiece {
        var sum = lhs
        sum.stepIntegral += rhs.stepIntegral
        sum.linearIntegral += rhs.linearIntegral
        sum.usableMicroseconds &+= rhs.usableMicroseconds
        return sum
    }
}
