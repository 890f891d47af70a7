import MillraceCore

/// Multivariate statistical process monitoring with principal component analysis: Hotelling's T² in the
/// retained subspace and the squared prediction error (Q/SPE) off it, each with a control limit and per-tag
/// contributions (MacGregor & Kourti 1995, "Statistical process control of multivariate processes", Control
/// Eng. Practice 3(3); Kourti & MacGregor 1996 for contributions; Jackson & Mudholkar 1979 for the Q limit).
///
/// `train(on:)` standardises each tag (mean, standard deviation), takes the eigen-decomposition of the
/// correlation matrix (`SymmetricEigenDecomposition`, Jacobi) and keeps the fewest components explaining
/// `explainedVariance`. The model is an immutable value: scoring never changes it, and it holds nothing of the
/// training rows except their statistics and time span, so it cannot learn from data after its window.
///
/// Limits: T² uses the larger of the χ²_k quantile and the empirical quantile of the training T² at the same
/// confidence (process data are autocorrelated and rarely Gaussian, so the theoretical limit alone alarms too
/// often); SPE likewise with the Jackson–Mudholkar limit.
public struct PCAModel: Hashable, Sendable {
    public let tags: [String]
    public let means: [Double]
    public let scales: [Double]
    /// components[a] is the loading vector of component a (length = tags.count).
    public let components: [[Double]]
    /// Variances of the retained components (eigenvalues of the correlation matrix).
    public let eigenvalues: [Double]
    public let residualEigenvalues: [Double]
    /// Standard deviation of each tag's residual (standardised units) over the training window, floored at 0.05.
    public let residualScales: [Double]
    public let confidence: Double
    public let t2Limit: Double
    public let speLimit: Double
    public let trainingStart: Timestamp
    public let trainingEnd: Timestamp
    public let sampleCount: Int

    /// - Parameters:
    ///   - explainedVariance: share of the total variance the retained components must explain (0…1).
    ///   - confidence: the control limits' confidence level, e.g. 0.999.
    /// - Throws: `insufficientData` (fewer than max(10, tags + 2) rows), `invalidParameter` for bad levels.
    public static func train(
        on window: MultivariateWindow, explainedVariance: Double = 0.9, confidence: Double = 0.999
    ) throws(AnalyticsError) -> PCAModel {
        let p = window.tags.count
        let n = window.rows.count
        guard n >= max(10, p + 2) else {
            throw AnalyticsError(.insufficientData, "PCA of \(p) tags needs at least \(max(10, p + 2)) rows, not \(n)")
        }
        guard explainedVariance.isFinite, explainedVariance > 0, explainedVariance <= 1, confidence.isFinite,
            confidence > 0.5, confidence < 1
        else {
            throw AnalyticsError(.invalidParameter, "explainedVariance must be in (0, 1] and confidence in (0.5, 1)")
        }
        var means = [Double](repeating: 0, count: p)
        for row in window.rows { for j in 0..<p { means[j] += row[j] } }
        for j in 0..<p { means[j] /= Double(n) }
        var scales = [Double](repeating: 0, count: p)
        for row in window.rows { for j in 0..<p { scales[j] += (row[j] - means[j]) * (row[j] - means[j]) } }
        for j in 0..<p {
            // A tag that never moved in training gets a small scale instead of zero, so it is not divided by 0;
            // any later movement of it stands out strongly, which is what should happen.
            scales[j] = max((scales[j] / Double(n - 1)).squareRoot(), 1e-3 * max(abs(means[j]), 1e-3))
        }
        let z = window.rows.map { row in (0..<p).map { (row[$0] - means[$0]) / scales[$0] } }
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for row in z {
            for i in 0..<p { for j in 0...i { covariance[i][j] += row[i] * row[j] } }
        }
        for i in 0..<p {
            for j in 0...i {
                covariance[i][j] /= Double(n - 1)
                covariance[j][i] = covariance[i][j]
            }
        }
        let eigen = try SymmetricEigenDecomposition(symmetric: covariance)
        let total = eigen.values.reduce(0) { $0 + max(0, $1) }
        var k = 0
        var explained = 0.0
        while k < p - 1 && (total <= 0 || explained / total < explainedVariance) {
            explained += max(0, eigen.values[k])
            k += 1
        }
        k = max(1, k)
        let retained = (0..<k).map { max(eigen.values[$0], 1e-9) }
        var model = PCAModel(
            tags: window.tags, means: means, scales: scales, components: Array(eigen.vectors.prefix(k)),
            eigenvalues: retained, residualEigenvalues: Array(eigen.values.dropFirst(k)),
            residualScales: [Double](repeating: 1, count: p), confidence: confidence, t2Limit: 0, speLimit: 0, trainingStart: window.times[0], trainingEnd: window.times[n - 1], sampleCount: n)
        let statistics = z.map { model.statistics(standardised: $0) }
        var residualScales = [Double](repeating: 0, count: p)
        for statistic in statistics { for j in 0..<p { residualScales[j] += statistic.residuals[j] * statistic.residuals[j] } }
        residualScales = residualScales.map { max(($0 / Double(n)).squareRoot(), 0.05) }
        let theoreticalT2 = ControlLimits.chiSquareQuantile(confidence, degrees: Double(k))
        let theoreticalSPE = ControlLimits.speLimit(residualEigenvalues: model.residualEigenvalues, confidence: confidence)
        model = PCAModel(
            tags: model.tags, means: means, scales: scales, components: model.components, eigenvalues: retained,
            residualEigenvalues: model.residualEigenvalues, residualScales: residualScales, confidence: confidence,
            t2Limit: max(theoreticalT2, ControlLimits.empiricalQuantile(statistics.map(\.t2), confidence)),
            speLimit: max(theoreticalSPE, ControlLimits.empiricalQuantile(statistics.map(\.spe), confidence), 1e-9),
            trainingStart: model.trainingStart, trainingEnd: model.trainingEnd, sampleCount: n)
        return model
    }

    init(
        tags: [String], means: [Double], scales: [Double], components: [[Double]], eigenvalues: [Double],
        residualEigenvalues: [Double], residualScales: [Double], confidence: Double, t2Limit: Double, speLimit: Double, trainingStart: Timestamp,
        trainingEnd: Timestamp, sampleCount: Int
    ) {
        self.tags = tags
        self.means = means
        self.scales = scales
        self.components = components
        self.eigenvalues = eigenvalues
        self.residualEigenvalues = residualEigenvalues
        self.residualScales = residualScales
        self.confidence = confidence
        self.t2Limit = t2Limit
        self.speLimit = speLimit
        self.trainingStart = trainingStart
        self.trainingEnd = trainingEnd
        self.sampleCount = sampleCount
    }

    /// "PCA of 9 tags, 3 components, trained on 2026-01-01T00:00:00Z to 2026-01-02T00:00:00Z (8640 rows)".
    public var summary: String {
        "PCA of \(tags.count) tags, \(components.count) components, trained on \(trainingStart) to \(trainingEnd) (\(sampleCount) rows)"
    }

    /// Scores one row of values (in `tags` order).
    /// - Throws: `lengthMismatch`, `nonFiniteSample`.
    public func score(_ values: [Double]) throws(AnalyticsError) -> PCAScore {
        let p = tags.count
        guard values.count == p else {
            throw AnalyticsError(.lengthMismatch, "the model has \(p) tags but the row has \(values.count) values")
        }
        try Validation.requireFinite(values, "row")
        let z = (0..<p).map { (values[$0] - means[$0]) / scales[$0] }
        let s = statistics(standardised: z)
        // T² contributions: cont_j = z_j · Σ_a (t_a/λ_a) p_aj (Kourti & MacGregor 1996).
        var t2Parts = [Double](repeating: 0, count: p)
        for (a, loading) in components.enumerated() {
            let weight = s.scores[a] / eigenvalues[a]
            for j in 0..<p { t2Parts[j] += weight * loading[j] * z[j] }
        }
        let t2Total = t2Parts.reduce(0) { $0 + max(0, $1) }
        let t2Contributions = (0..<p).map { j in
            TagContribution(tag: tags[j], value: values[j], expected: means[j], share: t2Total > 0 ? max(0, t2Parts[j]) / t2Total : 0)
        }
        let speContributions = (0..<p).map { j in
            TagContribution(
                tag: tags[j], value: values[j], expected: means[j] + s.reconstruction[j] * scales[j],
                share: s.spe > 0 ? s.residuals[j] * s.residuals[j] / s.spe : 0)
        }
        return PCAScore(
            t2: s.t2, t2Limit: t2Limit, spe: s.spe, speLimit: speLimit,
            expected: (0..<p).map { means[$0] + s.reconstruction[$0] * scales[$0] },
            standardisedResiduals: (0..<p).map { s.residuals[$0] / residualScales[$0] },
            t2Contributions: t2Contributions.sorted { $0.share > $1.share },
            speContributions: speContributions.sorted { $0.share > $1.share })
    }

    struct Statistics {
        var scores: [Double]
        var reconstruction: [Double]
        var residuals: [Double]
        var t2: Double
        var spe: Double
    }

    func statistics(standardised z: [Double]) -> Statistics {
        let p = z.count
        var scores = [Double](repeating: 0, count: components.count)
        var reconstruction = [Double](repeating: 0, count: p)
        var t2 = 0.0
        for (a, loading) in components.enumerated() {
            var t = 0.0
            for j in 0..<p { t += loading[j] * z[j] }
            scores[a] = t
            t2 += t * t / eigenvalues[a]
            for j in 0..<p { reconstruction[j] += t * loading[j] }
        }
        var residuals = [Double](repeating: 0, count: p)
        var spe = 0.0
        for j in 0..<p {
            residuals[j] = z[j] - reconstruction[j]
            spe += residuals[j] * residuals[j]
        }
        return Statistics(scores: scores, reconstruction: reconstruction, residuals: residuals, t2: t2, spe: spe)
    }
}
