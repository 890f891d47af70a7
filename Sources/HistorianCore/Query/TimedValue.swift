import MillraceCore

/// A usable value and the time it was recorded: minima, maxima, first and last values of a summary.
public struct TimedValue: Hashable, Sendable {
    public var time: Timestamp
    public var value: Double

    public init(time: Timestamp, value: Double) {
        self.time = time
        self.value = value
    }
}
