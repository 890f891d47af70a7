#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a fault's severity grows from its onset (severity 0) to its failure time (severity 1).
///
/// With `x = (t − onset) / timeToFailure` clamped to 0…1, the severity is:
/// - `linear`: `x` (wear that progresses at a steady rate, such as a drifting sensor or a growing leak);
/// - `exponential(rate:)`: `(e^(k·x) − 1) / (e^k − 1)`, a slow start and a fast end, the usual shape of bearing
///   and lubrication degradation curves (the "P–F curve" of reliability-centred maintenance, Moubray 1997);
/// - `step(level:)`: jumps to `level` at the onset (a broken rotor bar, a loosened bolt, a stuck sensor), stays
///   there, and reaches 1 at the failure time.
///
/// Every curve is 0 before the onset and exactly 1 from the failure time on.
public enum FaultGrowth: Hashable, Sendable {
    case linear
    case exponential(rate: Double)
    case step(level: Double)

    /// The severity 0…1 at `fraction` = elapsed time / time to failure.
    public func severity(atFraction fraction: Double) -> Double {
        guard fraction > 0 else { return 0 }
        guard fraction < 1 else { return 1 }
        switch self {
        case .linear:
            return fraction
        case .exponential(let rate):
            guard rate > 1e-9 else { return fraction }
            return (exp(rate * fraction) - 1) / (exp(rate) - 1)
        case .step(let level):
            return min(1, max(0, level))
        }
    }

    /// A short name for exports: `linear`, `exponential(4.0)`, `step(0.5)`.
    public var name: String {
        switch self {
        case .linear: "linear"
        case .exponential(let rate): "exponential(\(rate))"
        case .step(let level): "step(\(level))"
        }
    }
}
