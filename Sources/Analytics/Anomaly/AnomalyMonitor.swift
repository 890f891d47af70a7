import MillraceCore

/// Scores a stream of rows against a trained `AssetAnomalyModel` and raises `Anomaly` events.
///
/// The model is a `let`: the monitor keeps only run counters and CUSUM sums, so scoring cannot retrain it.
/// Rules, each raising one event when it becomes true (not again until it has cleared):
/// - T² or SPE above its limit for `persistence` consecutive rows (the PCA tests, MacGregor & Kourti 1995);
/// - a tag's robust z beyond ±`robustLimit` for `persistence` consecutive rows;
/// - a CUSUM change point on a tag's standardised PCA residual (Page 1954): a slow drift of one tag away from
///   what its correlated tags say it should be (a drifting transmitter, a slowly fouling cooler).
///
/// The mode tag itself is not tested against its own baseline (it defines the bins). Rows whose mode lies
/// outside the range seen in training are not judged at all — the model knows nothing there, and an operating
/// point it never saw is not a fault — and are counted in `rowsOutsideTrainedModes` (retrain on a window that
/// covers them).
public struct AnomalyMonitor: Sendable {
    public let model: AssetAnomalyModel
    private var runs: [AnomalyKind: Int] = [:]
    private var tagRuns: [Int]
    private var active: Set<String> = []
    private var cusums: [CUSUMDetector]
    private var holdOff: [Int]
    private var lastTime: Timestamp?
    /// Rows skipped because their mode was outside the training range.
    public private(set) var rowsOutsideTrainedModes = 0
    /// Whether a T², SPE or robust-baseline rule raised at or before the last row is still exceeded (it clears on
    /// the first row back within its limit). Change points are instants and do not count.
    public var isInAnomaly: Bool { !active.isEmpty }

    /// - Throws: `invalidParameter` for CUSUM parameters out of range.
    public init(model: AssetAnomalyModel) throws(AnalyticsError) {
        self.model = model
        tagRuns = [Int](repeating: 0, count: model.tags.count)
        let detector = try CUSUMDetector(
            allowance: model.configuration.cusumAllowance, threshold: model.configuration.cusumThreshold)
        cusums = [CUSUMDetector](repeating: detector, count: model.tags.count)
        holdOff = [Int](repeating: 0, count: model.tags.count)
    }

    /// Scores one row (values in `model.tags` order) at `time`; returns the anomalies that start now.
    /// - Throws: `lengthMismatch`, `nonFiniteSample`; `irregularSampling` when `time` does not follow the last row.
    public mutating func update(at time: Timestamp, values: [Double]) throws(AnalyticsError) -> [Anomaly] {
        if let lastTime, time <= lastTime {
            throw AnalyticsError(.irregularSampling, "row at \(time) does not follow the previous row at \(lastTime)")
        }
        let score = try model.pca.score(values)
        lastTime = time
        let persistence = model.configuration.persistence
        var anomalies: [Anomaly] = []
        let mode = model.modeIndex.map { values[$0] } ?? 0
        if let range = model.modeRange, !range.contains(mode) {
            rowsOutsideTrainedModes += 1
            for kind in runs.keys { runs[kind] = 0 }
            for index in tagRuns.indices { tagRuns[index] = 0 }
            return []
        }

        for (kind, exceeded, statistic, limit, contributions) in [
            (AnomalyKind.hotellingT2, score.exceedsT2, score.t2, score.t2Limit, score.t2Contributions),
            (AnomalyKind.squaredPredictionError, score.exceedsSPE, score.spe, score.speLimit, score.speContributions),
        ] {
            let run = exceeded ? (runs[kind] ?? 0) + 1 : 0
            runs[kind] = run
            let key = kind.rawValue
            // T² measures movement along the process's own correlations (a new operating point as much as a
            // fault), so it must persist twice as long.
            let needed = kind == .hotellingT2 ? 2 * persistence : persistence
            if run >= needed && !active.contains(key) {
                active.insert(key)
                anomalies.append(
                    Anomaly(time: time, kind: kind, statistic: statistic, limit: limit,
                            contributions: Array(contributions.prefix(5)), model: model.pca.summary))
            } else if run == 0 {
                active.remove(key)
            }
        }

        let zs = model.baselines.enumerated().map { index, baseline in baseline.robustZ(value: values[index], mode: mode) }
        let totalSquares = zs.reduce(0) { $0 + $1 * $1 }
        func contributions(primary: Int) -> [TagContribution] {
            let order = zs.indices.sorted { index, other in
                index == primary ? true : other == primary ? false : abs(zs[index]) > abs(zs[other])
            }
            return order.prefix(3).map { index in
                TagContribution(
                    tag: model.tags[index], value: values[index],
                    expected: model.baselines[index].expected(mode: mode).median,
                    share: totalSquares > 0 ? zs[index] * zs[index] / totalSquares : 0)
            }
        }
        let modeText = model.configuration.modeTag.map { " at \($0) \(Evidence.format(mode))" } ?? ""
        for index in zs.indices where index != model.modeIndex {
            tagRuns[index] = abs(zs[index]) > model.configuration.robustLimit ? tagRuns[index] + 1 : 0
            let key = "z:\(index)"
            if tagRuns[index] >= persistence && !active.contains(key) {
                active.insert(key)
                anomalies.append(
                    Anomaly(
                        time: time, kind: .outOfBaseline, statistic: abs(zs[index]), limit: model.configuration.robustLimit,
                        contributions: contributions(primary: index),
                        model: "robust z of \(model.tags[index])\(modeText) (median/MAD baseline to \(model.trainingEnd))"))
            } else if tagRuns[index] == 0 {
                active.remove(key)
            }
        }
        let residuals = score.standardisedResiduals
        let residualSquares = residuals.reduce(0) { $0 + $1 * $1 }
        for index in residuals.indices {
            holdOff[index] = max(0, holdOff[index] - 1)
            if let change = cusums[index].update(with: residuals[index], at: time), holdOff[index] == 0 {
                holdOff[index] = model.configuration.changePointHoldOff
                let order = residuals.indices.sorted { abs(residuals[$0]) > abs(residuals[$1]) }.filter { $0 != index }
                let contributions = ([index] + order.prefix(2)).map { j in
                    TagContribution(
                        tag: model.tags[j], value: values[j], expected: score.expected[j],
                        share: residualSquares > 0 ? residuals[j] * residuals[j] / residualSquares : 0)
                }
                anomalies.append(
                    Anomaly(
                        time: time, kind: .changePoint, statistic: change.statistic, limit: cusums[index].threshold,
                        contributions: contributions,
                        model: "CUSUM of the PCA residual of \(model.tags[index]), shift \(change.direction.rawValue) since about \(change.estimatedStart)"))
            }
        }
        return anomalies
    }
}
