/// Which test raised an anomaly.
public enum AnomalyKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Hotelling's T² in the principal-component subspace: the tags moved together, but further than in training.
    case hotellingT2 = "t2"
    /// Squared prediction error (Q): the tags broke their usual correlation.
    case squaredPredictionError = "spe"
    /// A tag left its mode-binned robust baseline.
    case outOfBaseline = "out_of_baseline"
    /// A sustained shift of a tag's mean (CUSUM).
    case changePoint = "change_point"

    public var displayName: String {
        switch self {
        case .hotellingT2: "Hotelling T²"
        case .squaredPredictionError: "squared prediction error (SPE/Q)"
        case .outOfBaseline: "robust baseline deviation"
        case .changePoint: "CUSUM change point"
        }
    }
}
