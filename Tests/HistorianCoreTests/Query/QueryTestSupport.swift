import HistorianCore
import MillraceCore
import Testing

/// 2026-01-01T00:00:00Z, the origin of the query tests' times.
let queryOrigin: Int64 = 1_767_225_600_000_000

/// The time `seconds` after `queryOrigin` (fractions allowed, to the microsecond).
func qt(_ seconds: Double) -> Timestamp {
    Timestamp(microseconds: queryOrigin + Int64((seconds * 1_000_000).rounded()))
}

/// A double sample `seconds` after `queryOrigin`.
func qs(_ seconds: Double, _ value: Double, _ quality: Quality = .good) -> Sample {
    Sample(time: qt(seconds), value: .double(value), quality: quality)
}

/// Whether two optional doubles agree within a relative and absolute tolerance.
func nearlyEqual(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?):
        if x == y { return true }
        return abs(x - y) <= tolerance * max(1, abs(x), abs(y))
    default: return false
    }
}

/// A random series for property tests: non-decreasing times (some equal), values with NaN and infinities
/// now and then, and every quality.
func randomSeries(seed: UInt64, count: Int, equalTimes: Bool = true) -> [Sample] {
    var random = SplitMix64(seed: seed)
    var time = queryOrigin
    var result: [Sample] = []
    let qualities: [Quality] = [.good, .good, .good, .good, .uncertain, .bad, .communicationFailure]
    for index in 0..<count {
        if index > 0 { time += Int64.random(in: (equalTimes ? 0 : 1)...5_000_000, using: &random) }
        let pick = Int.random(in: 0..<40, using: &random)
        let value: Double =
            switch pick {
            case 0: .nan
            case 1: .infinity
            default: Double.random(in: -1000...1000, using: &random)
            }
        let quality = qualities[Int.random(in: 0..<qualities.count, using: &random)]
        result.append(Sample(time: Timestamp(microseconds: time), value: .double(value), quality: quality))
    }
    return result
}

/// Two summaries agree: exact counts, times and extremes; sums within rounding.
func summariesAgree(_ a: Summary, _ b: Summary, tolerance: Double = 1e-9) -> Bool {
    a.count == b.count && a.usableCount == b.usableCount && a.minimum == b.minimum && a.maximum == b.maximum
        && a.firstUsable == b.firstUsable && a.lastUsable == b.lastUsable && a.first == b.first && a.last == b.last
        && a.usableMicroseconds == b.usableMicroseconds && nearlyEqual(a.mean, b.mean, tolerance: tolerance)
        && nearlyEqual(a.m2, b.m2, tolerance: tolerance)
        && nearlyEqual(a.stepIntegral, b.stepIntegral, tolerance: tolerance)
        && nearlyEqual(a.linearIntegral, b.linearIntegral, tolerance: tolerance)
}

/// The code of the `HistorianQueryError` that `body` throws, or nil if it throws none.
func queryErrorCode(_ body: () throws -> Void) -> HistorianQueryError.Code? {
    do { try body() } catch let error as HistorianQueryError { return error.code } catch { return nil }
    return nil
}

/// A sine without Foundation, enough for synthetic test signals (Taylor series after range reduction).
func testSine(_ x: Double) -> Double {
    let twoPi = 2 * Double.pi
    var r = x - (x / twoPi).rounded(.down) * twoPi
    if r > .pi { r -= twoPi }
    var term = r
    var sum = r
    for n in stride(from: 3, through: 21, by: 2) {
        term *= -r * r / Double((n - 1) * n)
        sum += term
    }
    return sum
}

/// Runs `body` and records an issue if it throws.
///
/// Use it inside `propertyCheck` closures: PropertyBased 2.0.1 discards errors thrown by the body (only
/// recorded issues fail a check), so a `try` that throws there would otherwise pass silently.
func failOnError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do { try body() } catch { Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation) }
}
