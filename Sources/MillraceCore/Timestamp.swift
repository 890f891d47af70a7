/// A point in time: whole microseconds since the Unix epoch (1970-01-01T00:00:00Z), UTC.
///
/// Microseconds are the resolution of every timestamp in Millrace (see docs/adr/0002-timestamp-resolution.md):
/// fine enough for per-sample times of polled and published data, equal to PostgreSQL's `timestamptz`,
/// and an `Int64` of them spans ±292,000 years, so arithmetic never overflows for any plausible time.
/// Waveforms sampled at kHz rates carry one timestamp per block plus a sample rate, not one per sample.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var microseconds: Int64

    @inlinable
    public init(microseconds: Int64) { self.microseconds = microseconds }

    /// The earliest time a sample may carry: 1900-01-01T00:00:00Z.
    public static let earliestAccepted = Timestamp(microseconds: -2_208_988_800_000_000)
    /// The latest time a sample may carry: 2200-01-01T00:00:00Z.
    public static let latestAccepted = Timestamp(microseconds: 7_258_118_400_000_000)

    public static let epoch = Timestamp(microseconds: 0)

    public init(seconds: Int64) { self.microseconds = seconds &* 1_000_000 }

    public init(milliseconds: Int64) { self.microseconds = milliseconds &* 1_000 }

    /// Whole seconds since the epoch, rounded toward negative infinity.
    public var seconds: Int64 {
        microseconds >= 0 ? microseconds / 1_000_000 : -((-microseconds + 999_999) / 1_000_000)
    }

    /// Seconds since the epoch as a floating-point number.
    public var secondsSinceEpoch: Double { Double(microseconds) / 1_000_000 }

    /// Whether the time lies in the range samples are accepted for (1900 to 2200).
    public var isPlausible: Bool { self >= .earliestAccepted && self <= .latestAccepted }

    @inlinable
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }

    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(microseconds: lhs.microseconds &+ rhs.microseconds)
    }

    public static func - (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(microseconds: lhs.microseconds &- rhs.microseconds)
    }

    public static func - (lhs: Timestamp, rhs: Timestamp) -> Duration {
        .microseconds(lhs.microseconds &- rhs.microseconds)
    }

    public var description: String { iso8601 }
}

extension Duration {
    /// The duration in whole microseconds, truncated toward zero.
    public var microseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds &* 1_000_000 &+ attoseconds / 1_000_000_000_000
    }

    /// The duration in seconds as a floating-point number.
    public var secondsDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
