import MillraceCore

/// Everything learned about one asset's healthy behaviour from one training window: a PCA model across its tags
/// and a mode-binned robust baseline per tag. An immutable value — train it with `train(on:configuration:)`,
/// score with an `AnomalyMonitor`; nothing scored can flow back into it, and it records the window it saw.
public struct AssetAnomalyModel: Hashable, Sendable {
    public let configuration: AssetAnomalyConfiguration
    public let pca: PCAModel
    public let baselines: [ModeBinnedBaseline]
    /// The index of the mode tag in `tags`, if any.
    public let modeIndex: Int?
    /// The range of the mode tag in training; rows outside it are not judged (see `AnomalyMonitor`).
    public let modeRange: ClosedRange<Double>?

    public var tags: [String] { pca.tags }
    public var trainingEnd: Timestamp { pca.trainingEnd }

    /// - Throws: everything `PCAModel.train` and `ModeBinnedBaseline.train` throw; `invalidParameter` when the
    ///   configuration's mode tag is not in the window or its numbers are out of range.
    public static func train(
        on window: MultivariateWindow, configuration: AssetAnomalyConfiguration = AssetAnomalyConfiguration()
    ) throws(AnalyticsError) -> AssetAnomalyModel {
        guard configuration.persistence >= 1, configuration.robustLimit.isFinite, configuration.robustLimit > 0 else {
            throw AnalyticsError(.invalidParameter, "persistence must be ≥ 1 and robustLimit above 0")
        }
        var modeIndex: Int?
        if let modeTag = configuration.modeTag {
            guard let index = window.index(of: modeTag) else {
                throw AnalyticsError(.invalidParameter, "the mode tag \(modeTag) is not one of the window's tags")
            }
            modeIndex = index
        }
        let pca = try PCAModel.train(
            on: window, explainedVariance: configuration.explainedVariance, confidence: configuration.confidence)
        let modes = modeIndex.map { window.column($0) } ?? [Double](repeating: 0, count: window.rows.count)
        var baselines: [ModeBinnedBaseline] = []
        for (index, tag) in window.tags.enumerated() {
            baselines.append(
                try ModeBinnedBaseline.train(
                    tag: tag, values: window.column(index), modeTag: configuration.modeTag ?? "none", modes: modes,
                    binCount: modeIndex == nil ? 1 : configuration.binCount,
                    minimumPerBin: min(20, max(3, window.rows.count / 10))))
        }
        let modeRange = modeIndex.flatMap { _ in modes.min().flatMap { low in modes.max().map { low...$0 } } }
        return AssetAnomalyModel(
            configuration: configuration, pca: pca, baselines: baselines, modeIndex: modeIndex, modeRange: modeRange)
    }
}
