/// The shape of a degradation trend.
public enum DegradationModelKind: Hashable, Sendable, Codable {
    /// h(t) = θ₀ + θ₁·t.
    case linear
    /// h(t) = offset + exp(θ₀ + θ₁·t): the exponential model of Gebraeel et al. (2005) with the healthy level
    /// `offset` known; fitted as a straight line to ln(h − offset), so noise is multiplicative.
    case exponential(offset: Double)

    var name: String {
        switch self {
        case .linear: "linear degradation"
        case .exponential(let offset): offset == 0 ? "exponential degradation" : "exponential degradation above \(Evidence.format(offset))"
        }
    }
}
