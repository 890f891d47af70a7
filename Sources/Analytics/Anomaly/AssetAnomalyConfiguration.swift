/// How an asset's anomaly model is trained and when its monitor raises an anomaly.
public struct AssetAnomalyConfiguration: Hashable, Sendable, Codable {
    /// The tag that defines the operating mode (load, speed, flow), or nil for one bin.
    public var modeTag: String?
    public var binCount: Int
    public var explainedVariance: Double
    /// Confidence of the PCA control limits.
    public var confidence: Double
    /// |robust z| above which a tag is out of its baseline.
    public var robustLimit: Double
    /// Consecutive exceedances before an anomaly is raised (a run rule, Western Electric style): a single
    /// excursion is noise.
    public var persistence: Int
    /// CUSUM allowance k and threshold h, in units of the tag's training residual spread. Process residuals are
    /// strongly autocorrelated, so k is 3 rather than the textbook 0.5 (Runger & Willemain 1996 discuss why).
    public var cusumAllowance: Double
    public var cusumThreshold: Double
    /// Rows after a change point during which the same tag raises no new one (the shift is already reported).
    public var changePointHoldOff: Int

    public init(
        modeTag: String? = nil, binCount: Int = 6, explainedVariance: Double = 0.9, confidence: Double = 0.999,
        robustLimit: Double = 6, persistence: Int = 6, cusumAllowance: Double = 3, cusumThreshold: Double = 60, changePointHoldOff: Int = 360
    ) {
        self.modeTag = modeTag
        self.binCount = binCount
        self.explainedVariance = explainedVariance
        self.confidence = confidence
        self.robustLimit = robustLimit
        self.persistence = persistence
        self.cusumAllowance = cusumAllowance
        self.cusumThreshold = cusumThreshold
        self.changePointHoldOff = changePointHoldOff
    }
}
