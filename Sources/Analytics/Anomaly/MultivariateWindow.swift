import MillraceCore

/// Rows of values of an asset's tags at common times: the data a model is trained on or scored against.
///
/// The caller aligns the tags (for example the historian's interpolated or averaged values on a grid). Times
/// strictly increase, every value is finite, every row has one value per tag — checked once, here, so models
/// never see a ragged or NaN table.
public struct MultivariateWindow: Hashable, Sendable {
    public let tags: [String]
    public let times: [Timestamp]
    /// rows[i][j] is tag j at times[i].
    public let rows: [[Double]]

    /// - Throws: `emptyInput` (no tags or rows), `lengthMismatch` (a row of the wrong width, times and rows of
    ///   different counts), `nonFiniteSample`, `irregularSampling` (times not strictly increasing).
    public init(tags: [String], times: [Timestamp], rows: [[Double]]) throws(AnalyticsError) {
        guard !tags.isEmpty else { throw AnalyticsError(.emptyInput, "a window needs at least one tag") }
        guard !rows.isEmpty else { throw AnalyticsError(.emptyInput, "a window needs at least one row") }
        guard times.count == rows.count else {
            throw AnalyticsError(.lengthMismatch, "\(times.count) times but \(rows.count) rows")
        }
        for (index, row) in rows.enumerated() {
            guard row.count == tags.count else {
                throw AnalyticsError(.lengthMismatch, "row \(index) has \(row.count) values for \(tags.count) tags")
            }
            if let bad = row.firstIndex(where: { !$0.isFinite }) {
                throw AnalyticsError(.nonFiniteSample, "row \(index), tag \(tags[bad]) is \(row[bad])")
            }
            if index > 0, times[index] <= times[index - 1] {
                throw AnalyticsError(.irregularSampling, "time \(index) (\(times[index])) does not follow \(times[index - 1])")
            }
        }
        self.tags = tags
        self.times = times
        self.rows = rows
    }

    /// The rows at or before `time` — the only data a model trained "as of" `time` may see.
    /// - Throws: `emptyInput` when no row is that early.
    public func prefix(through time: Timestamp) throws(AnalyticsError) -> MultivariateWindow {
        let end = times.firstIndex { $0 > time } ?? times.count
        return try MultivariateWindow(tags: tags, times: Array(times[..<end]), rows: Array(rows[..<end]))
    }

    /// The values of one tag, by column.
    public func column(_ index: Int) -> [Double] {
        guard index >= 0, index < tags.count else { return [] }
        return rows.map { $0[index] }
    }

    /// The index of `tag`, if present.
    public func index(of tag: String) -> Int? { tags.firstIndex(of: tag) }
}
