/// Exponential backoff with jitter between reconnect attempts.
///
/// Attempt `n` (0-based) waits `min(maximumDelay, initialDelay × multiplier^n)`, reduced by up to
/// `jitter` of itself at random, so that many clients cut off by the same network fault do not reconnect
/// in lockstep. The random value is passed in; the backoff holds no generator.
public struct ModbusReconnectBackoff: Hashable, Sendable {
    /// The delay before the first reconnect attempt.
    public var initialDelay: Duration
    /// The longest delay, however many attempts failed.
    public var maximumDelay: Duration
    /// Growth per attempt; values below 1 are treated as 1.
    public var multiplier: Double
    /// The fraction of the delay removed at most by jitter, 0 (none) to 1 (full jitter).
    public var jitter: Double

    /// A backoff from 100 ms doubling to 30 s, with up to 20 % jitter by default.
    public init(
        initialDelay: Duration = .milliseconds(100), maximumDelay: Duration = .seconds(30), multiplier: Double = 2,
        jitter: Double = 0.2
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The delay before reconnect attempt `attempt`, with `random` in [0, 1) choosing the jitter.
    public func delay(attempt: Int, random: Double) -> Duration {
        let maximum = Double(max(0, maximumDelay.microseconds))
        var base = Double(max(0, initialDelay.microseconds))
        let factor = multiplier.isFinite ? max(1, multiplier) : 1
        var step = 0
        while step < attempt, base < maximum {
            base *= factor
            step += 1
        }
        base = min(base, maximum)
        let fraction = jitter.isFinite ? min(1, max(0, jitter)) : 0
        let unit = random.isFinite ? min(1, max(0, random)) : 0
        // Below 2^63 µs so the conversion to Int64 cannot trap, whatever the configuration.
        let jittered = min(base * (1 - fraction * unit), 9.0e18)
        return .microseconds(Int64(jittered.rounded()))
    }
}
