import MillraceCore

/// Equal intervals [start + k·interval, start + (k+1)·interval) covering [start, end); the last one is cut
/// at `end`, so an interval longer than the range gives one bucket equal to the range.
struct TimeGrid: Hashable, Sendable {
    let start: Int64
    let end: Int64
    let interval: Int64
    let count: Int

    init(start: Timestamp, end: Timestamp, interval: Duration) throws(HistorianQueryError) {
        let step = interval.microseconds
        guard step > 0 else {
            throw HistorianQueryError(.nonPositiveInterval, "the interval must be at least 1 µs, not \(interval)")
        }
        try self.init(start: start, end: end, step: step)
    }

    init(start: Timestamp, end: Timestamp, step: Int64) throws(HistorianQueryError) {
        guard end > start else {
            throw HistorianQueryError(.emptyRange, "the end \(end) is not after the start \(start)")
        }
        let (span, overflow) = end.microseconds.subtractingReportingOverflow(start.microseconds)
        guard !overflow else { throw HistorianQueryError(.invalidParameter, "the range is too long") }
        let whole = span / step
        let count = span % step == 0 ? whole : whole + 1
        guard count <= Int64(HistorianQueryError.maximumPoints) else {
            throw HistorianQueryError(
                .tooManyPoints, "\(count) intervals exceed the limit of \(HistorianQueryError.maximumPoints)")
        }
        self.start = start.microseconds
        self.end = end.microseconds
        self.interval = step
        self.count = Int(count)
    }

    /// The bucket holding `time`, or nil outside [start, end).
    @inline(__always)
    func index(of time: Int64) -> Int? {
        guard time >= start, time < end else { return nil }
        return Int((time &- start) / interval)
    }

    func bounds(_ index: Int) -> (start: Timestamp, end: Timestamp) {
        let lower = start &+ Int64(index) &* interval
        return (Timestamp(microseconds: lower), Timestamp(microseconds: min(end, lower &+ interval)))
    }
}
