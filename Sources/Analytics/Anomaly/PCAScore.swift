/// One observation scored by a `PCAModel`: T² and SPE with their limits and the tags behind each.
public struct PCAScore: Hashable, Sendable {
    public var t2: Double
    public var t2Limit: Double
    public var spe: Double
    public var speLimit: Double
    /// Each tag's value as the model reconstructs it from the retained components, in engineering units.
    public var expected: [Double]
    /// Each tag's residual over its training residual spread: the per-tag signal a CUSUM watches.
    public var standardisedResiduals: [Double]
    /// Contributions to T² (Kourti & MacGregor 1996), largest first.
    public var t2Contributions: [TagContribution]
    /// Contributions to SPE (squared standardised residuals), largest first.
    public var speContributions: [TagContribution]

    public var exceedsT2: Bool { t2 > t2Limit }
    public var exceedsSPE: Bool { spe > speLimit }
}
