import MillraceCore

/// A sustained shift found by a `CUSUMDetector`.
public struct ChangePoint: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable, Codable {
        case up, down
    }

    public var detectedAt: Timestamp
    /// The last time the cumulative sum was zero: the CUSUM's estimate of when the shift began (Page 1954).
    public var estimatedStart: Timestamp
    public var direction: Direction
    public var statistic: Double
}
