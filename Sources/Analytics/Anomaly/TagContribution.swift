/// How much one tag contributed to an anomaly, with its value and what the model expected.
public struct TagContribution: Hashable, Sendable, Codable {
    public var tag: String
    public var value: Double
    /// What the model expected: the reconstruction from the retained components (SPE), the training mean (T²) or
    /// the mode-binned median (per-tag baselines).
    public var expected: Double
    /// Share of the statistic carried by this tag, 0…1 (negative contributions count as 0).
    public var share: Double

    public init(tag: String, value: Double, expected: Double, share: Double) {
        self.tag = tag
        self.value = value
        self.expected = expected
        self.share = share
    }

    /// "motor_winding_temperature 87.3 vs expected 71.2 (62 %)".
    public var summary: String {
        "\(tag) \(Evidence.format(value)) vs expected \(Evidence.format(expected)) (\(Int((100 * share).rounded())) %)"
    }
}
