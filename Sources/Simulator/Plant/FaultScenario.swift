import MillraceCore

/// One fault developing on one asset: what, where, when it starts, how it grows and when it fails.
public struct FaultScenario: Hashable, Sendable, Identifiable {
    /// A stable id, for ground truth and for correlating findings with scenarios.
    public var id: String
    public var fault: FaultKind
    /// The asset the fault develops on.
    public var asset: AssetPath
    /// The time the fault starts (severity 0).
    public var onset: Timestamp
    public var growth: FaultGrowth
    /// From onset to functional failure (severity 1).
    public var timeToFailure: Duration

    public init(
        id: String, fault: FaultKind, asset: AssetPath, onset: Timestamp, growth: FaultGrowth,
        timeToFailure: Duration
    ) {
        self.id = id
        self.fault = fault
        self.asset = asset
        self.onset = onset
        self.growth = growth
        self.timeToFailure = timeToFailure
    }

    /// The time severity reaches 1.
    public var failureTime: Timestamp { onset + timeToFailure }

    /// The severity 0…1 at `time`: 0 before the onset, 1 from the failure time on, the growth curve between.
    public func severity(at time: Timestamp) -> Double {
        guard time > onset else { return 0 }
        guard time < failureTime else { return 1 }
        let total = Double(timeToFailure.microseconds)
        guard total > 0 else { return 1 }
        return growth.severity(atFraction: Double(time.microseconds - onset.microseconds) / total)
    }
}
