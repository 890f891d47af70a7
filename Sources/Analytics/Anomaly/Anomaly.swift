import MillraceCore

/// Something unusual on an asset, said with its numbers: which test, how far past its limit, and which tags did
/// it, each with its value and what was expected — never a bare score.
public struct Anomaly: Hashable, Sendable {
    public var time: Timestamp
    public var kind: AnomalyKind
    public var statistic: Double
    public var limit: Double
    /// Largest first.
    public var contributions: [TagContribution]
    /// What the model was trained on ("PCA of 9 tags, 3 components, trained on 2026-01-01T00:00:00Z…").
    public var model: String

    public init(time: Timestamp, kind: AnomalyKind, statistic: Double, limit: Double, contributions: [TagContribution], model: String) {
        self.time = time
        self.kind = kind
        self.statistic = statistic
        self.limit = limit
        self.contributions = contributions
        self.model = model
    }

    /// The tag that contributed most.
    public var primaryTag: String? { contributions.first?.tag }

    /// "At 2026-01-03T04:00:00Z the squared prediction error (SPE/Q) was 45.1, 3.2× its limit 14.0 (…): mostly
    /// motor_winding_temperature 87.3 vs expected 71.2 (62 %), …".
    public var explanation: String {
        let ratio = limit > 0 ? " (\(DecimalFormat.string(statistic / limit, places: 1))× its limit \(Evidence.format(limit)))" : ""
        let tags = contributions.prefix(3).map(\.summary).joined(separator: ", ")
        return "At \(time) the \(kind.displayName) was \(Evidence.format(statistic))\(ratio), \(model): mostly \(tags)"
    }
}
