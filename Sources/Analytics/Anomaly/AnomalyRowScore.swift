/// How far one row stands from an asset's trained model, as one number with the tags behind it: the largest of
/// T²/limit, SPE/limit and |robust z|/limit over the tags. Above 1, at least one test is past its limit on this row
/// (an `AnomalyMonitor` raises an anomaly only when that persists).
public struct AnomalyRowScore: Hashable, Sendable {
    /// The largest statistic-to-limit ratio of the row.
    public var score: Double
    /// The test that gave it.
    public var test: AnomalyKind
    /// The tags behind that test's statistic, largest share first (at most 3).
    public var contributions: [TagContribution]

    public init(score: Double, test: AnomalyKind, contributions: [TagContribution]) {
        self.score = score
        self.test = test
        self.contributions = contributions
    }
}

extension AssetAnomalyModel {
    /// Scores one row (values in `tags` order) without any memory of earlier rows.
    /// - Throws: `lengthMismatch`, `nonFiniteSample` (from the PCA score).
    public func rowScore(_ values: [Double]) throws(AnalyticsError) -> AnomalyRowScore {
        let pca = try self.pca.score(values)
        var best = AnomalyRowScore(
            score: pca.t2Limit > 0 ? pca.t2 / pca.t2Limit : 0, test: .hotellingT2,
            contributions: Array(pca.t2Contributions.prefix(3)))
        let speRatio = pca.speLimit > 0 ? pca.spe / pca.speLimit : 0
        if speRatio > best.score {
            best = AnomalyRowScore(score: speRatio, test: .squaredPredictionError, contributions: Array(pca.speContributions.prefix(3)))
        }
        let mode = modeIndex.map { values[$0] } ?? 0
        let zs = baselines.enumerated().map { index, baseline in
            index == modeIndex ? 0 : baseline.robustZ(value: values[index], mode: mode)
        }
        let squares = zs.reduce(0) { $0 + $1 * $1 }
        if let largest = zs.indices.max(by: { abs(zs[$0]) < abs(zs[$1]) }),
            abs(zs[largest]) / configuration.robustLimit > best.score
        {
            let order = zs.indices.sorted { abs(zs[$0]) > abs(zs[$1]) }.prefix(3)
            best = AnomalyRowScore(
                score: abs(zs[largest]) / configuration.robustLimit, test: .outOfBaseline,
                contributions: order.map { index in
                    TagContribution(
                        tag: tags[index], value: values[index], expected: baselines[index].expected(mode: mode).median,
                        share: squares > 0 ? zs[index] * zs[index] / squares : 0)
                })
        }
        return best
    }
}
