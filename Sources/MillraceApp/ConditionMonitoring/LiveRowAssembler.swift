import MillraceCore

/// Turns one asset's live samples into rows on a fixed grid, as the anomaly models expect them: every
/// `interval` (aligned to the epoch) one value per tag — the mean of the tag's good samples in the interval, or,
/// when the tag sent none (the deadband filter passes only changes and a heartbeat), its last good value if that
/// is younger than `staleAfter`. A row with a tag missing or stale is not emitted: the gap is a gap, never
/// invented. A pure value: samples in, rows out; a row closes when a sample at or after its end arrives.
public struct LiveRowAssembler: Sendable {
    /// One row: the end of its interval and a value per tag, in `tags` order.
    public struct Row: Hashable, Sendable {
        public var time: Timestamp
        public var values: [Double]
    }

    public let tags: [TagID]
    public let interval: Duration
    public let staleAfter: Duration
    private let index: [TagID: Int]
    private var sums: [Double]
    private var counts: [Int]
    private var last: [(time: Timestamp, value: Double)?]
    /// The end of the interval being filled, once the first sample arrived.
    private var end: Timestamp?
    /// Rows not emitted because a tag was missing or stale.
    public private(set) var incompleteRows = 0

    public init(tags: [TagID], interval: Duration = .seconds(10), staleAfter: Duration = .seconds(300)) {
        self.tags = tags
        self.interval = interval.microseconds > 0 ? interval : .seconds(10)
        self.staleAfter = staleAfter
        index = Dictionary(tags.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        sums = [Double](repeating: 0, count: tags.count)
        counts = [Int](repeating: 0, count: tags.count)
        last = Array(repeating: nil, count: tags.count)
    }

    /// Takes samples (any order within a batch is fine as long as time does not go back by more than one
    /// interval); returns the rows they completed, oldest first. Samples of other tags, non-numeric, non-finite
    /// or not good are ignored.
    public mutating func ingest(_ samples: [TaggedSample]) -> [Row] {
        var rows: [Row] = []
        for tagged in samples.sorted(by: { $0.sample.time < $1.sample.time }) {
            guard let position = index[tagged.tag], tagged.sample.quality.isGood,
                let value = tagged.sample.value.numericValue, value.isFinite
            else { continue }
            let time = tagged.sample.time
            if end == nil { end = boundary(after: time) }
            if let current = end, time > current {
                if let row = close(at: current) { rows.append(row) }
                end = boundary(after: time)
            }
            if let current = end, time > current - interval {
                sums[position] += value
                counts[position] += 1
            }
            if last[position].map({ $0.time <= time }) ?? true { last[position] = (time, value) }
        }
        return rows
    }

    /// The first grid point at or after `time`.
    private func boundary(after time: Timestamp) -> Timestamp {
        let step = interval.microseconds
        let t = time.microseconds
        let floor = t >= 0 ? t / step * step : ((t + 1) / step - 1) * step
        return Timestamp(microseconds: floor == t ? t : floor + step)
    }

    private mutating func close(at time: Timestamp) -> Row? {
        defer {
            for position in tags.indices {
                sums[position] = 0
                counts[position] = 0
            }
        }
        var values: [Double] = []
        values.reserveCapacity(tags.count)
        for position in tags.indices {
            if counts[position] > 0 {
                values.append(sums[position] / Double(counts[position]))
            } else if let held = last[position], time - held.time <= staleAfter {
                values.append(held.value)
            } else {
                incompleteRows += 1
                return nil
            }
        }
        return Row(time: time, values: values)
    }
}
